import { describe, expect, it } from 'vitest';
import type { Actor } from '../../src/model/graph.ts';
import { foldForSearch, searchActors } from '../../src/model/search.ts';
import { loadShippedGraph } from './shipped.ts';

const graph = loadShippedGraph();
const found = (query: string) => searchActors(graph, query).map((match) => match.actor.id);
const person = (id: string, label: string, aliases?: string[]): Actor => ({
  id,
  label,
  kind: 'person',
  ...(aliases ? { aliases } : {}),
  evidence: [],
});
const ranked = (actors: Actor[], query: string) =>
  searchActors({ ...graph, actors }, query).map((match) => [match.actor.id, match.matchedName]);

describe('what the analyst types is compared without punctuation', () => {
  it('a run of dots, hyphens and spaces counts as one space', () => {
    expect(foldForSearch('Brig-Gen. Esmael  Qaani')).toBe('brig gen esmael qaani');
    expect(searchActors(graph, 'mr kadhimi')[0]).toMatchObject({ matchedName: 'Mr. Kadhimi', score: 99 });
  });
});

describe('how matches rank', () => {
  it('a name typed in full comes first, even when it is an alias and another name starts with it', () => {
    const actors = [person('bloc', 'Sadr movement'), person('muqtada', 'Muqtada al-Sadr', ['Sadr'])];
    expect(ranked(actors, 'sadr')).toEqual([
      ['muqtada', 'Sadr'],
      ['bloc', 'Sadr movement'],
    ]);
  });

  it('a word of the name that starts with what is typed beats the letters inside a word', () => {
    const actors = [person('inside', 'Asadrx'), person('word', 'Muqtada Sadrist')];
    expect(ranked(actors, 'sadr')).toEqual([
      ['word', 'Muqtada Sadrist'],
      ['inside', 'Asadrx'],
    ]);
  });

  it('of two aliases that match the same way, the first listed is named', () => {
    expect(ranked([person('x', 'Zed', ['Hadi A', 'Hadi B'])], 'hadi')).toEqual([['x', 'Hadi A']]);
  });

  it('an actor with no aliases is found by its label alone', () => {
    expect(ranked([person('x', 'Kataib Hezbollah')], 'hezbollah')).toEqual([['x', 'Kataib Hezbollah']]);
  });
});

describe('misspellings', () => {
  it('a word of four letters or more may be one letter off', () => {
    expect(found('irak')).toContain('iraq');
    expect(found('khazaly')).toEqual(['khazali']);
  });

  it('a word of seven letters or more may be two letters off', () => {
    expect(found('huseyin')).toEqual(['saddam-hussein']);
    expect(found('sulaimani')).toEqual(['soleimani']);
  });

  it('a shorter word two letters off, or a word under four letters one off, finds nothing', () => {
    expect(found('kadimy')).toEqual([]);
    expect(found('irn')).toEqual([]);
  });

  it('every word typed must be close to a word of the name', () => {
    expect(found('khazaly nobody')).toEqual([]);
  });
});

describe('misspellings, at the edges', () => {
  it('a doubled letter is one letter off, and found', () => {
    expect(ranked([person('x', 'Sadr')], 'sadrr')).toEqual([['x', 'Sadr']]);
    expect(searchActors({ ...graph, actors: [person('x', 'Sadr')] }, 'sadrr')[0]?.score).toBe(29);
  });

  it('a word under four letters in a longer query must be typed right: "ab sadr" does not find "Al Sadr"', () => {
    expect(ranked([person('x', 'Al Sadr')], 'ab sadr')).toEqual([]);
    expect(ranked([person('x', 'Al Sadr')], 'al sadrr')).toEqual([]);
  });
});
