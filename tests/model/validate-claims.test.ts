// The claim fields of the format (src/model/validate.ts): an evidence item's
// stance and claimant, and a relation's answers. Each rule with its exact
// message, line and path, on the small hand-made graph.
import { describe, expect, it } from 'vitest';
import { ActorNameIndex, foldName } from '../../src/model/actor-names.ts';
import { BASE, check, EVIDENCE, firstActor, firstRelation, graphText, kindsOf, lines } from './small-graphs.ts';

const RELATION = (BASE.relations as Record<string, unknown>[])[0] as Record<string, unknown>;

function reportOf(changes: Record<string, unknown>) {
  const text = graphText(changes);
  const result = check(text);
  return { lines: lines(result), ok: result.ok, kinds: kindsOf(text) };
}

/** BASE with a second relation: Bea denied what the first says, of a type "denied". */
function withDenial(denial: Record<string, unknown>): Record<string, unknown> {
  return {
    relationTypes: [
      ...(BASE.relationTypes as unknown[]),
      { id: 'denied', label: 'denied', definition: 'Said it was not so.', directed: true, contested: true },
    ],
    relations: [
      RELATION,
      { id: 'bea-denied-ali', type: 'denied', from: 'bea', to: 'ali', evidence: [EVIDENCE], ...denial },
    ],
  };
}

describe('stance', () => {
  it('"supports" and "contradicts" are accepted, on actors and relations', () => {
    const report = reportOf({
      ...firstRelation({ evidence: [EVIDENCE, { ...EVIDENCE, stance: 'contradicts' }] }),
      ...firstActor({ evidence: [{ ...EVIDENCE, stance: 'supports' }] }),
    });
    expect(report).toMatchObject({ ok: true, lines: [] });
  });

  it('anything else is an error naming the two values', () => {
    const report = reportOf(firstRelation({ evidence: [{ ...EVIDENCE, stance: 'denies' }] }));
    expect(report.ok).toBe(false);
    expect(report.lines).toEqual([
      'g.json:18:160 relations[0].evidence[0].stance: ' +
        '"denies" is not allowed here: use one of "supports", "contradicts"',
    ]);
  });
});

describe('claimant', () => {
  it('an actor id is accepted, and so is null', () => {
    const report = reportOf(
      firstRelation({
        evidence: [
          { ...EVIDENCE, claimant: 'bea' },
          { ...EVIDENCE, claimant: null },
        ],
      }),
    );
    expect(report).toMatchObject({ ok: true, lines: [] });
  });

  it('an id that is no actor is an error, with the closest actor', () => {
    const report = reportOf(firstRelation({ evidence: [{ ...EVIDENCE, claimant: 'bee' }] }));
    expect(report.ok).toBe(false);
    expect(report.lines).toEqual([
      'g.json:18:162 relations[0].evidence[0].claimant: no actor "bee" (did you mean "bea"?)',
    ]);
    expect(report.kinds).toEqual(['unknown actor']);
  });

  it('a relation id is not a claimant', () => {
    const report = reportOf(firstActor({ evidence: [{ ...EVIDENCE, claimant: 'ali-met-bea' }] }));
    expect(report.lines).toEqual(['g.json:14:147 actors[0].evidence[0].claimant: no actor "ali-met-bea"']);
  });

  it('attributedTo that names an actor without a claimant gets a warning saying both ways out', () => {
    const report = reportOf(
      firstRelation({ evidence: [{ ...EVIDENCE, attributedTo: 'Bea’s spokesman, in a statement' }] }),
    );
    expect(report.ok).toBe(true);
    expect(report.lines).toEqual([
      'g.json:18:123 relations[0].evidence[0].attributedTo: warning: ' +
        'the claim is attributed to words that name the actor "Bea" ("bea"): ' +
        'if that actor makes the claim, add "claimant": "bea"; if not, add "claimant": null',
    ]);
    expect(report.kinds).toEqual(['claimant missing']);
  });

  it('the warning names every actor named, by alias too, and goes once a claimant is given', () => {
    const actors = [
      { id: 'ali', label: 'Ali', kind: 'person', aliases: ['Ali Baba'], evidence: [EVIDENCE] },
      { id: 'bea', label: 'Beatrix', kind: 'person', aliases: ['KH'], evidence: [EVIDENCE] },
    ];
    const evidence = { ...EVIDENCE, attributedTo: 'KH and Ali Baba, jointly' };
    expect(reportOf({ actors, ...firstRelation({ evidence: [evidence] }) }).lines).toEqual([
      'g.json:18:123 relations[0].evidence[0].attributedTo: warning: ' +
        'the claim is attributed to words that name the actor "Beatrix" ("bea") and "Ali" ("ali"): ' +
        'if that actor makes the claim, add "claimant": "bea"; if not, add "claimant": null',
    ]);
    const withClaimant = { ...evidence, claimant: 'ali' };
    expect(reportOf({ actors, ...firstRelation({ evidence: [withClaimant] }) }).lines).toEqual([]);
  });

  it('words that only contain a name, or a short name in other capitals, name no one', () => {
    const actors = [
      { id: 'ali', label: 'Ali', kind: 'person', aliases: ['US'], evidence: [EVIDENCE] },
      { id: 'bea', label: 'Bea', kind: 'person', evidence: [EVIDENCE] },
    ];
    const evidence = { ...EVIDENCE, attributedTo: 'Alibi Beatrice, who told us' };
    expect(reportOf({ actors, ...firstRelation({ evidence: [evidence] }) }).lines).toEqual([]);
  });
});

describe('answers', () => {
  it('ids of other relations are accepted', () => {
    expect(reportOf(withDenial({ answers: ['ali-met-bea'] }))).toMatchObject({ ok: true, lines: [] });
  });

  it('an unknown id is an error with the closest relation', () => {
    const report = reportOf(withDenial({ answers: ['ali-met-bee'] }));
    expect(report.ok).toBe(false);
    expect(report.lines).toEqual([
      'g.json:20:170 relations[1].answers[0]: no relation "ali-met-bee" (did you mean "ali-met-bea"?)',
    ]);
    expect(report.kinds).toEqual(['unknown relation']);
  });

  it('an actor id is an error that says answers lists relations', () => {
    const report = reportOf(withDenial({ answers: ['ali'] }));
    expect(report.lines).toEqual([
      'g.json:20:170 relations[1].answers[0]: "ali" is an actor; answers lists the relations this one responds to',
    ]);
  });

  it('a relation answering itself is an error', () => {
    const report = reportOf(withDenial({ answers: ['ali-met-bea', 'bea-denied-ali'] }));
    expect(report.ok).toBe(false);
    expect(report.lines).toEqual([
      'g.json:20:184 relations[1].answers[1]: a relation cannot answer itself ("bea-denied-ali")',
    ]);
    expect(report.kinds).toEqual(['answers itself']);
  });

  it('an id listed twice is a warning at the second', () => {
    const report = reportOf(withDenial({ answers: ['ali-met-bea', 'ali-met-bea'] }));
    expect(report.ok).toBe(true);
    expect(report.lines).toEqual([
      'g.json:20:184 relations[1].answers[1]: warning: "ali-met-bea" is listed twice in answers',
    ]);
  });

  it('an empty list, or one that is not a list of ids, is left to the schema', () => {
    expect(reportOf(withDenial({ answers: [] })).lines).toEqual([
      'g.json:20:169 relations[1].answers: needs at least 1 item(s)',
    ]);
    expect(reportOf(withDenial({ answers: [7] })).lines).toEqual([
      'g.json:20:170 relations[1].answers[0]: should be text, not a number',
    ]);
  });
});

describe('which actors a text names', () => {
  it('folds case, diacritics, apostrophes and a possessive', () => {
    expect(foldName('Iran’s Foreign Ministry')).toBe('iran foreign ministry');
    expect(foldName('Asa’ib Ahl Al-Haq')).toBe('asaib ahl al haq');
    expect(foldName('Kādhimī')).toBe('kadhimi');
  });

  it('finds labels and aliases as whole words, in order of appearance, each once', () => {
    const index = new ActorNameIndex([
      { id: 'iran', label: 'Iran' },
      { id: 'kh', label: 'Kataib Hezbollah', aliases: ['KH', 'Kata’ib Hizbollah'] },
      { id: 'us', label: 'United States', aliases: ['U.S.'] },
    ]);
    expect(index.namedIn('Kata’ib Hizbollah and Iran’s ministry; KH again')).toEqual(['kh', 'iran']);
    expect(index.namedIn('Iranian officials, the Kataib')).toEqual([]);
    expect(index.namedIn('two U.S. officials')).toEqual(['us']);
    expect(index.namedIn('two US officials')).toEqual(['us']);
    expect(index.namedIn('told us')).toEqual([]);
  });

  it('reads only the first 60 words', () => {
    const index = new ActorNameIndex([{ id: 'iran', label: 'Iran' }]);
    expect(index.namedIn(`${'word '.repeat(59)}Iran`)).toEqual(['iran']);
    expect(index.namedIn(`${'word '.repeat(60)}Iran`)).toEqual([]);
  });
});
