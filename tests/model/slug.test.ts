// Ids the editor makes from what an analyst types.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { relationId, SLUG_PATTERN, slugFromLabel, uniqueId } from '../../src/model/slug.ts';
import { loadShippedGraph } from './shipped.ts';

const SEED = 20261129;

describe('an id made from a label', () => {
  it('keeps the words and drops accents and dots: "Muqtada al-Ṣadr" is muqtada-al-sadr', () => {
    expect(slugFromLabel('Muqtada al-Ṣadr')).toBe('muqtada-al-sadr');
    expect(slugFromLabel('Nouri al-Mālikī')).toBe('nouri-al-maliki');
    expect(slugFromLabel('  Barham Salih  ')).toBe('barham-salih');
    expect(slugFromLabel('Straße – Łódź, Ærø (Østergård)')).toBe('strasse-lodz-aero-ostergard');
  });

  it('drops apostrophes and ayn marks inside words: "Kata\'ib" and "ʿAsaʾib" stay one word', () => {
    expect(slugFromLabel("Kata'ib Hezbollah")).toBe('kataib-hezbollah');
    expect(slugFromLabel('ʿAsaʾib Ahl al-Ḥaqq')).toBe('asaib-ahl-al-haqq');
    expect(slugFromLabel('Kata’ib')).toBe('kataib');
  });

  it('gives the shipped graph’s ids for labels written out in full, and drops the ’ of a possessive', () => {
    const graph = loadShippedGraph();
    const labelOf = (id: string) => graph.actors.find((actor) => actor.id === id)?.label ?? '';
    for (const id of ['kataib-hezbollah', 'asaib-ahl-al-haq', 'abu-ali-al-askari', 'us-state-department']) {
      expect(slugFromLabel(labelOf(id))).toBe(id);
    }
    expect(slugFromLabel(labelOf('drone-attack-2021-11-07'))).toBe('drone-attack-on-kadhimis-residence-7-nov-2021');
  });

  it('keeps digits: "Election, 10 October 2021" is election-10-october-2021', () => {
    expect(slugFromLabel('Election, 10 October 2021')).toBe('election-10-october-2021');
  });

  it('gives the fallback for a label in Arabic script, or of punctuation only', () => {
    expect(slugFromLabel('مقتدى الصدر')).toBe('actor');
    expect(slugFromLabel('!!!')).toBe('actor');
    expect(slugFromLabel('')).toBe('actor');
    expect(slugFromLabel('کتائب حزب الله', 'source')).toBe('source');
    expect(slugFromLabel('مقتدى', 'Not a slug!')).toBe('not-a-slug');
    expect(slugFromLabel('مقتدى', '؟')).toBe('item');
  });

  it('keeps the Latin part of a mixed label: "Fatah (الفتح)" is fatah', () => {
    expect(slugFromLabel('Fatah (الفتح)')).toBe('fatah');
  });

  it('is cut to 250 characters, never ending in "-"', () => {
    const slug = slugFromLabel(`${'a'.repeat(249)} bcd`);
    expect(slug).toBe('a'.repeat(249));
    expect(slugFromLabel('x'.repeat(400))).toHaveLength(250);
  });

  it('always matches the schema’s id pattern, whatever is typed', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (label) => {
        const slug = slugFromLabel(label);
        expect(slug).toMatch(SLUG_PATTERN);
        expect(slug.length).toBeLessThanOrEqual(250);
      }),
      { seed: SEED, numRuns: 400 },
    );
  });
});

describe('a unique id', () => {
  it('is the base while no item has it, then base-2, base-3', () => {
    expect(uniqueId('ali', new Set())).toBe('ali');
    expect(uniqueId('ali', new Set(['ali']))).toBe('ali-2');
    expect(uniqueId('ali', new Set(['ali', 'ali-2']))).toBe('ali-3');
    expect(uniqueId('ali', new Set(['ali-2']))).toBe('ali');
  });

  it('stays within 250 characters when a number is added', () => {
    const base = 'a'.repeat(250);
    const id = uniqueId(base, new Set([base]));
    expect(id).toBe(`${'a'.repeat(248)}-2`);
    const hyphenAtCut = `${'a'.repeat(247)}-bc`;
    expect(uniqueId(hyphenAtCut, new Set([hyphenAtCut]))).toBe(`${'a'.repeat(247)}-2`);
  });
});

describe('a relation’s id', () => {
  it('reads FROM-TYPE-TO, like the shipped graph’s kataib-hezbollah-accused-kadhimi', () => {
    expect(relationId('kataib-hezbollah', 'accused', 'kadhimi', new Set())).toBe('kataib-hezbollah-accused-kadhimi');
  });

  it('gets a number when that relation is already there (a second accusation)', () => {
    const taken = new Set(['kataib-hezbollah-accused-kadhimi']);
    expect(relationId('kataib-hezbollah', 'accused', 'kadhimi', taken)).toBe('kataib-hezbollah-accused-kadhimi-2');
  });

  it('is cut to 250 characters when the actors’ ids are long', () => {
    const id = relationId('a'.repeat(200), 'met', 'b'.repeat(200), new Set());
    expect(id).toHaveLength(250);
    expect(id).toMatch(SLUG_PATTERN);
  });
});
