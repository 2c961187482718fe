// More on which actors a text names (src/model/actor-names.ts): names of
// three words and more, the length limits, short names and where the reading
// stops.
import { describe, expect, it } from 'vitest';
import { ActorNameIndex } from '../../src/model/actor-names.ts';

describe('which actors a text names', () => {
  it('finds a name of four words', () => {
    const index = new ActorNameIndex([{ id: 'aah', label: 'Asa’ib Ahl al-Haq' }]);
    expect(index.namedIn('a statement by Asaib Ahl al Haq today')).toEqual(['aah']);
    expect(index.namedIn('Asaib Ahl al')).toEqual([]);
  });

  it('a text that ends in the first words of a name does not name it', () => {
    const index = new ActorNameIndex([{ id: 'p', label: 'Project Undefined' }]);
    expect(index.namedIn('funded by Project')).toEqual([]);
    expect(index.namedIn('funded by Project Undefined')).toEqual(['p']);
  });

  it('looks for names of up to 12 words', () => {
    const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');
    const index = new ActorNameIndex([
      { id: 'twelve', label: words(12) },
      { id: 'thirteen', label: `${words(13)}` },
    ]);
    expect(index.namedIn(`said ${words(13)}`)).toEqual(['twelve']);
  });

  it('three letters are a short name, matched as written', () => {
    const index = new ActorNameIndex([{ id: 'pmu', label: 'PMU' }]);
    expect(index.namedIn('the pmu said')).toEqual([]);
    expect(index.namedIn('the PMU said')).toEqual(['pmu']);
  });

  it('a short name written with spaces matches the letters written together', () => {
    const index = new ActorNameIndex([{ id: 'us', label: 'United States', aliases: ['U. S.'] }]);
    expect(index.namedIn('two US officials')).toEqual(['us']);
  });

  it('punctuation before the first word does not move a short name', () => {
    const index = new ActorNameIndex([
      { id: 'iran', label: 'Iran' },
      { id: 'kh', label: 'KH' },
    ]);
    expect(index.namedIn('“KH Iran')).toEqual(['kh', 'iran']);
    expect(index.namedIn(`“${'word '.repeat(59)}KH`)).toEqual(['kh']);
  });

  it('reads only the first 60 words for short names too', () => {
    const index = new ActorNameIndex([{ id: 'kh', label: 'KH' }]);
    expect(index.namedIn(`${'word '.repeat(59)}KH`)).toEqual(['kh']);
    expect(index.namedIn(`${'word '.repeat(60)}KH`)).toEqual([]);
  });
});
