// More of collecting and printing problems (src/model/problems.ts): the corners
// that the mutation run showed no other test looks at.
import { describe, expect, it } from 'vitest';
import { escapeControlCharacters, ProblemCollector } from '../../src/model/problems.ts';

const listed = (collector: ProblemCollector) => collector.report(' '.repeat(100)).problems.map((p) => p.message);

describe('printing text from a file', () => {
  it('leaves the characters just above the surrogates as they are (U+E000 to U+FFFF)', () => {
    for (const text of ['\ue000', 'a\ue000b', '\uf8ff', '\ufffd', 'x\uffff'])
      expect(escapeControlCharacters(text)).toBe(text);
  });
});

describe('a report asked for before the end', () => {
  it('leaves room for the problems found after it, up to the limit', () => {
    const collector = new ProblemCollector(3);
    collector.add('error', 10, [], 'k', 'first');
    expect(listed(collector)).toEqual(['first']);
    collector.add('error', 20, [], 'k', 'second');
    collector.add('error', 30, [], 'k', 'third');
    expect(listed(collector)).toEqual(['first', 'second', 'third']);
    expect(collector.report('').omitted).toBe(0);
  });
});
