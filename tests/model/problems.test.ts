// How problems are printed and collected (src/model/problems.ts): what an
// analyst reads for a value, a path and a problem, and which problems a long
// report lists, in which order, and what it says about the rest.
import { describe, expect, it } from 'vitest';
import { GRAPH_LIMITS } from '../../src/model/limits.ts';
import {
  describeOmitted,
  describeType,
  escapeControlCharacters,
  formatJsonPath,
  formatProblem,
  type ParseReport,
  ProblemCollector,
  quoteValue,
  shortened,
} from '../../src/model/problems.ts';

describe('printing text from a file', () => {
  it('writes every character that can drive a terminal or reorder a line as an escape', () => {
    const escaped: [string, string][] = [
      ['\u0000', '\\u0000'],
      ['\u001f', '\\u001f'],
      ['\u007f', '\\u007f'], // DEL
      ['\u0080', '\\u0080'],
      ['\u009f', '\\u009f'], // the last C1 control
      ['\u061c', '\\u061c'], // Arabic letter mark
      ['\u200e', '\\u200e'], // left-to-right mark
      ['\u200f', '\\u200f'], // right-to-left mark
      ['\u2028', '\\u2028'], // line separator
      ['\u2029', '\\u2029'], // paragraph separator
      ['\u202a', '\\u202a'],
      ['\u202e', '\\u202e'], // right-to-left override
      ['\u2066', '\\u2066'],
      ['\u2069', '\\u2069'], // pop directional isolate
    ];
    for (const [raw, shown] of escaped) expect(escapeControlCharacters(`a${raw}b`)).toBe(`a${shown}b`);
  });

  it('leaves printable text alone, just beside the escaped ranges', () => {
    for (const text of [' ~', '\u00a0é', '\u061b\u061d', '\u200d\u2010', '\u2027\u202f', '\u2065\u206a', '€ ok']) {
      expect(escapeControlCharacters(text)).toBe(text);
    }
  });

  it('escapes a surrogate that has no partner, and keeps every whole pair', () => {
    const cases: [string, string][] = [
      ['x\u{1f600}y', 'x\u{1f600}y'],
      ['\u{10000}', '\u{10000}'], // \ud800\udc00: the lowest pair
      ['\u{10ffff}', '\u{10ffff}'], // \udbff\udfff: the highest pair
      ['\ud800', '\\ud800'],
      ['\udbff.', '\\udbff.'],
      ['.\udc00', '.\\udc00'],
      ['\udfff', '\\udfff'],
      ['\ud800\ue000', '\\ud800\ue000'], // a high surrogate before a character above the low ones
      ['a\udc00', 'a\\udc00'],
      ['\udc00\udc00', '\\udc00\\udc00'], // a low surrogate is no partner for a low one
      ['\udbff\udbff\udfff', '\\udbff\u{10ffff}'],
    ];
    for (const [raw, shown] of cases) expect(escapeControlCharacters(raw)).toBe(shown);
  });

  it('escapes several characters in one text, keeping what lies between them', () => {
    expect(escapeControlCharacters('\u001b[31mred\u001b[0m!')).toBe('\\u001b[31mred\\u001b[0m!');
  });
});

describe('shortening a quoted value', () => {
  it('keeps a text of exactly the limit whole, and cuts a longer one with "…"', () => {
    expect(shortened('x'.repeat(80))).toBe('x'.repeat(80));
    expect(shortened('x'.repeat(81))).toBe(`${'x'.repeat(80)}…`);
    expect(shortened('abcdef', 3)).toBe('abc…');
  });

  it('never cuts an emoji in half', () => {
    // The emoji's first half is the 80th unit: the whole emoji goes.
    expect(shortened(`${'x'.repeat(79)}\u{10000}yy`)).toBe(`${'x'.repeat(79)}…`);
    expect(shortened(`${'x'.repeat(79)}\u{10ffff}yy`)).toBe(`${'x'.repeat(79)}…`);
    // The emoji ends at the 80th unit: it is kept whole.
    expect(shortened(`${'x'.repeat(78)}\u{1f600}yy`)).toBe(`${'x'.repeat(78)}\u{1f600}…`);
  });
});

describe('quoting a value in a message', () => {
  it('quotes text as JSON, and names other values plainly', () => {
    expect(quoteValue('say "hi"')).toBe('"say \\"hi\\""');
    expect(quoteValue(3)).toBe('3');
    expect(quoteValue(-2.5)).toBe('-2.5');
    expect(quoteValue(true)).toBe('true');
    expect(quoteValue(false)).toBe('false');
    expect(quoteValue(null)).toBe('null');
    expect(quoteValue({ a: 1 })).toBe('an object');
    expect(quoteValue([1])).toBe('a list');
  });

  it('shows invisible characters as escapes, those beyond the first plane with braces', () => {
    expect(quoteValue('a\u200bb')).toBe('"a\\u200bb"');
    expect(quoteValue('\u{e0001}x')).toBe('"\\u{e0001}x"'); // language tag, a format character
    expect(quoteValue('\u0301x')).toBe('"\\u0301x"'); // a combining mark with nothing to combine with
    expect(quoteValue('x\u0301')).toBe('"x\u0301"');
  });

  it('cuts a long value to 80 characters', () => {
    expect(quoteValue('y'.repeat(1000))).toBe(`"${'y'.repeat(80)}…"`);
  });
});

describe('naming the type of a value', () => {
  it('in the words an analyst uses', () => {
    expect(describeType(null)).toBe('null');
    expect(describeType([])).toBe('a list');
    expect(describeType({})).toBe('an object');
    expect(describeType('x')).toBe('text');
    expect(describeType(1)).toBe('a number');
    expect(describeType(true)).toBe('a boolean');
  });
});

describe('printing a JSON path', () => {
  it('joins names with dots and puts indices and unusual names in brackets', () => {
    expect(formatJsonPath([])).toBe('');
    expect(formatJsonPath(['relations', 3, 'to'])).toBe('relations[3].to');
    expect(formatJsonPath([0, 'a'])).toBe('[0].a');
    expect(formatJsonPath(['actors', 0, 'a-b'])).toBe('actors[0]["a-b"]');
    expect(formatJsonPath(['$schema', '_x1'])).toBe('$schema._x1');
    expect(formatJsonPath(['1a'])).toBe('["1a"]');
    expect(formatJsonPath(['a b'])).toBe('["a b"]');
  });

  it('shortens a long name and escapes control characters in it', () => {
    expect(formatJsonPath(['a', '-'.repeat(100)])).toBe(`a["${'-'.repeat(80)}…"]`);
    expect(formatJsonPath(['\u001b'])).toBe('["\\u001b"]');
    expect(formatJsonPath(['x\u2028'])).toBe('["x\\u2028"]');
  });
});

describe('printing a problem', () => {
  it('gives file, line, column, path and message, and says "warning" for a warning', () => {
    const error = { severity: 'error' as const, line: 4, column: 7, path: 'actors[0].id', message: 'bad' };
    expect(formatProblem('g.json', error)).toBe('g.json:4:7 actors[0].id: bad');
    expect(formatProblem('g.json', { ...error, severity: 'warning', path: '' })).toBe('g.json:4:7 warning: bad');
    expect(formatProblem('g.json', { ...error, path: '' })).toBe('g.json:4:7 bad');
  });
});

describe('what a report says about the problems it does not list', () => {
  const report = (changes: Partial<ParseReport>): ParseReport => ({
    problems: [],
    omitted: 0,
    omittedKinds: [],
    stoppedEarly: false,
    ...changes,
  });

  it('nothing, when everything was listed and checked', () => {
    expect(describeOmitted(report({}))).toBeNull();
  });

  it('one more problem of one kind, in the singular', () => {
    expect(describeOmitted(report({ omitted: 1, omittedKinds: ['unknown field'] }))).toBe(
      'and 1 more problem of the same kind (unknown field)',
    );
  });

  it('many more problems of several kinds, with the count grouped by thousands', () => {
    expect(describeOmitted(report({ omitted: 9_800, omittedKinds: ['missing field', 'no evidence'] }))).toBe(
      'and 9,800 more problems of the same kinds (missing field, no evidence)',
    );
  });

  it('that checking stopped early, alone or after the count', () => {
    const advice = 'checking stopped early: fix these problems, then check again for any others';
    expect(describeOmitted(report({ stoppedEarly: true }))).toBe(advice);
    expect(describeOmitted(report({ omitted: 2, omittedKinds: ['empty text'], stoppedEarly: true }))).toBe(
      `and 2 more problems of the same kind (empty text); ${advice}`,
    );
  });
});

describe('collecting problems', () => {
  /** The listed problems as "kind@offset message", with what was left out. */
  function summary(collector: ProblemCollector, text = ' '.repeat(100)) {
    const report = collector.report(text);
    return {
      listed: report.problems.map((problem) => `${problem.severity} ${problem.column} ${problem.message}`),
      omitted: report.omitted,
      omittedKinds: report.omittedKinds,
      stoppedEarly: report.stoppedEarly,
    };
  }

  it('lists every problem in the order of the file when there are few, and leaves nothing out', () => {
    const collector = new ProblemCollector(3);
    collector.add('warning', 9, [], 'w', 'third');
    collector.add('error', 4, [], 'e', 'second');
    collector.add('error', 0, [], 'e', 'first');
    expect(summary(collector)).toEqual({
      listed: ['error 1 first', 'error 5 second', 'warning 10 third'],
      omitted: 0,
      omittedKinds: [],
      stoppedEarly: false,
    });
  });

  it('keeps errors before warnings when the list is full, though the warnings come first in the file', () => {
    const collector = new ProblemCollector(2);
    collector.add('warning', 0, [], 'actor in no relation', 'w0');
    collector.add('error', 50, [], 'unknown actor', 'e50');
    collector.add('warning', 1, [], 'actor in no relation', 'w1');
    collector.add('error', 60, [], 'missing field', 'e60');
    collector.add('warning', 2, [], 'repeated relation', 'w2');
    expect(summary(collector)).toEqual({
      listed: ['error 51 e50', 'error 61 e60'],
      omitted: 3,
      omittedKinds: ['actor in no relation', 'repeated relation'],
      stoppedEarly: false,
    });
  });

  it('keeps the first problems of the file, whatever order they were found in', () => {
    const collector = new ProblemCollector(1);
    collector.add('error', 10, [], 'late', 'at 10');
    collector.add('error', 20, [], 'later', 'at 20');
    // The list has been full and trimmed once; a problem found now, earlier in the file, still wins.
    collector.add('error', 5, [], 'early', 'at 5');
    collector.add('error', 30, [], 'latest', 'at 30');
    expect(summary(collector)).toEqual({
      listed: ['error 6 at 5'],
      omitted: 3,
      omittedKinds: ['late', 'later', 'latest'],
      stoppedEarly: false,
    });
  });

  it('keeps the first of many problems that arrive in reverse order of the file', () => {
    const collector = new ProblemCollector(2);
    for (let offset = 99; offset >= 0; offset--) collector.add('error', offset, [], 'k', `at ${offset}`);
    expect(summary(collector).listed).toEqual(['error 1 at 0', 'error 2 at 1']);
  });

  it('at one place, keeps and lists problems in the order they were found', () => {
    const collector = new ProblemCollector(2);
    collector.add('error', 7, [], 'first kind', 'found first');
    collector.add('error', 7, [], 'second kind', 'found second');
    collector.add('error', 7, [], 'third kind', 'found third');
    expect(summary(collector)).toEqual({
      listed: ['error 8 found first', 'error 8 found second'],
      omitted: 1,
      omittedKinds: ['third kind'],
      stoppedEarly: false,
    });
    const mixed = new ProblemCollector(5);
    mixed.add('warning', 3, [], 'w', 'a warning found first');
    mixed.add('error', 3, [], 'e', 'an error found second');
    mixed.add('warning', 3, [], 'w', 'a warning found third');
    expect(summary(mixed).listed).toEqual([
      'warning 4 a warning found first',
      'error 4 an error found second',
      'warning 4 a warning found third',
    ]);
  });

  it('names the kinds left out, the most frequent first, ties alphabetically', () => {
    const collector = new ProblemCollector(1);
    collector.add('error', 0, [], 'listed', 'the one listed');
    collector.add('error', 1, [], 'listed', 'same kind, left out');
    collector.add('error', 2, [], 'once', '');
    for (let offset = 3; offset < 6; offset++) collector.add('error', offset, [], 'zulu', '');
    for (let offset = 6; offset < 9; offset++) collector.add('error', offset, [], 'alpha', '');
    expect(summary(collector)).toEqual({
      listed: ['error 1 the one listed'],
      omitted: 8,
      omittedKinds: ['alpha', 'zulu', 'listed', 'once'],
      stoppedEarly: false,
    });
  });

  it('writes a message only for a listed problem, with the line of another place', () => {
    const collector = new ProblemCollector(1);
    const written: string[] = [];
    collector.add('error', 4, ['a', 0], 'k', (lineAt) => {
      written.push('listed');
      return `see line ${lineAt(6)}`;
    });
    collector.add('error', 5, [], 'k', () => {
      written.push('left out');
      return 'never shown';
    });
    const report = collector.report('ab\ncd\nef');
    expect(report.problems).toEqual([{ severity: 'error', line: 2, column: 2, path: 'a[0]', message: 'see line 3' }]);
    expect(written).toEqual(['listed']);
  });

  it('says to stop at 10,000 problems, not one before', () => {
    const collector = new ProblemCollector();
    for (let found = 1; found < GRAPH_LIMITS.problemsBeforeStopping; found++) collector.add('error', 0, [], 'k', '');
    expect(collector.shouldStop).toBe(false);
    collector.add('warning', 0, [], 'k', '');
    expect(collector.shouldStop).toBe(true);
    const report = collector.report('{}');
    expect(report.problems).toHaveLength(GRAPH_LIMITS.problems);
    expect(report.omitted).toBe(GRAPH_LIMITS.problemsBeforeStopping - GRAPH_LIMITS.problems);
    expect(report.stoppedEarly).toBe(true);
  });

  it('says to stop when told to, and has errors only once an error is added', () => {
    const collector = new ProblemCollector();
    collector.add('warning', 0, [], 'k', '');
    expect(collector.hasErrors).toBe(false);
    expect(collector.shouldStop).toBe(false);
    collector.add('error', 0, [], 'k', '');
    expect(collector.hasErrors).toBe(true);
    collector.stop();
    expect(collector.shouldStop).toBe(true);
    expect(collector.report('').stoppedEarly).toBe(true);
  });
});
