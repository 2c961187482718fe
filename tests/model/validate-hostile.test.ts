// Hostile and pathological graph files: whatever a file holds, parseGraph answers
// quickly, in bounded memory, with located problems in plain words, and never throws.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  describeOmitted,
  formatProblem,
  GRAPH_LIMITS,
  MAX_GRAPH_FILE_BYTES,
  MAX_REPORTED_PROBLEMS,
  type ParseOptions,
  type ParsePhase,
  type ParseResult,
  parseGraph,
} from '../../src/model/validate.ts';
import { itWithLargeInput } from './timeouts.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const MINIMAL = readFileSync(join(FIXTURES, 'minimal.json'), 'utf8');

function report(result: ParseResult, fileName = 'x.json'): string[] {
  return result.problems.map((problem) => formatProblem(fileName, problem));
}

function hostile(fixture: string, options: ParseOptions = {}): string[] {
  const result = parseGraph(readFileSync(join(FIXTURES, 'hostile', fixture), 'utf8'), options);
  return report(result, fixture);
}

/** The minimal graph with its actors or relations replaced. */
function minimalWith(changes: Record<string, unknown>): string {
  return JSON.stringify({ ...JSON.parse(MINIMAL), ...changes }, null, 1);
}

/** Characters that a terminal acts on or that reorder text: none may reach the output raw. */
function terminalControls(line: string): number[] {
  return [...line]
    .map((character) => character.codePointAt(0) ?? 0)
    .filter((code) => code < 0x20 || (code >= 0x7f && code <= 0x9f) || (code >= 0x2028 && code <= 0x202e));
}

const EVIDENCE = [
  { source: 'paper', quote: 'Qais Al-Khazali led the group.', attributedTo: 'the paper', credibility: 2 },
];

describe('a file with millions of mistakes (defect 1)', () => {
  itWithLargeInput('a million empty actors: one clear problem, and checking stops', { timeout: 30_000 }, () => {
    const text = MINIMAL.replace('"actors": [', `"actors": [${'{},'.repeat(1_000_000)}`);
    expect(text.length).toBeGreaterThan(3_000_000);
    const result = parseGraph(text);
    expect(result.ok).toBe(false);
    expect(report(result)).toEqual([
      'x.json:16:13 actors: the file has 1,000,002 actors; the explorer opens at most 25,000: ' +
        'split the graph, or filter it before export',
    ]);
    expect(result.stoppedEarly).toBe(true);
    expect(describeOmitted(result)).toBe('checking stopped early: fix these problems, then check again for any others');
  });

  itWithLargeInput(
    'ten thousand empty actors: at most 200 problems listed, the rest counted by kind',
    {
      timeout: 30_000,
    },
    () => {
      const result = parseGraph(minimalWith({ actors: Array(10_000).fill({}) }));
      expect(result.ok).toBe(false);
      expect(result.problems).toHaveLength(MAX_REPORTED_PROBLEMS);
      // Four fields missing from each actor: 40,000 problems, so checking stops at 10,000.
      expect(result.omitted).toBe(GRAPH_LIMITS.problemsBeforeStopping - MAX_REPORTED_PROBLEMS);
      expect(result.omittedKinds).toEqual(['missing field', 'no evidence']);
      expect(result.stoppedEarly).toBe(true);
      expect(describeOmitted(result)).toBe(
        'and 9,800 more problems of the same kinds (missing field, no evidence); ' +
          'checking stopped early: fix these problems, then check again for any others',
      );
      // The first problems of the file are the ones listed.
      expect(report(result).slice(0, 2)).toEqual([
        'x.json:41:3 actors[0]: missing the required field "id"',
        'x.json:41:3 actors[0]: missing the required field "label"',
      ]);
    },
  );

  it('lists errors before warnings, so that an error is never left out for a warning', () => {
    const actors = Array.from({ length: 300 }, (_, index) => ({
      id: `actor-${index}`,
      label: `Actor ${index}`,
      kind: 'person',
      evidence: EVIDENCE,
    }));
    const relations = [{ id: 'r', type: 'denied', from: 'actor-0', to: 'nobody', evidence: EVIDENCE }];
    const result = parseGraph(minimalWith({ actors, relations, sources: [] }));
    expect(result.ok).toBe(false);
    expect(result.problems).toHaveLength(MAX_REPORTED_PROBLEMS);
    const errors = report(result).filter((line) => !line.includes('warning:'));
    expect(errors).toEqual(
      [
        expect.stringMatching(/^x\.json:\d+:\d+ actors\[0\]\.evidence\[0\]\.source: no source "paper"$/),
        ...Array(298).fill(expect.stringContaining('no source "paper"')),
        expect.stringMatching(/relations\[0\]\.to: no actor "nobody"$/),
        expect.stringMatching(/relations\[0\]\.evidence\[0\]\.source: no source "paper"$/),
      ].slice(0, MAX_REPORTED_PROBLEMS),
    );
    expect(result.omittedKinds).toContain('actor in no relation');
  });

  it('too many items in any list, too many evidence items, aliases or fields', () => {
    const kinds = Array.from({ length: 201 }, (_, index) => ({ id: `kind-${index}`, label: 'Kind' }));
    expect(report(parseGraph(minimalWith({ actorKinds: kinds })))).toEqual([
      'x.json:5:16 actorKinds: the file has 201 actor kinds; the explorer opens at most 200',
    ]);
    const crowded = {
      id: 'khazali',
      label: 'Qais',
      kind: 'person',
      aliases: Array(101).fill('Qais'),
      evidence: Array(501).fill(EVIDENCE[0]),
    };
    expect(report(parseGraph(minimalWith({ actors: [crowded] })))).toEqual([
      'x.json:45:15 actors[0].aliases: this actor has 101 aliases; at most 100 are allowed',
      'x.json:148:16 actors[0].evidence: this actor has 501 evidence items; at most 500 are allowed',
    ]);
    const wide = Object.fromEntries(Array.from({ length: 51 }, (_, index) => [`field${index}`, index]));
    expect(report(parseGraph(minimalWith({ actors: [wide] })))).toEqual([
      "x.json:41:3 actors[0]: this object has 51 fields; a graph file's objects have at most 50",
    ]);
  });
});

describe('deep nesting (defect 2)', () => {
  const nestingMessage = 'nested deeper than 32 levels of lists and objects (a graph file needs 5)';

  for (const depth of [33, 2_000, 100_000]) {
    it(`${depth.toLocaleString('en')} levels of "[" and of {"a": give one located problem`, () => {
      const lists = parseGraph('['.repeat(depth) + ']'.repeat(depth));
      expect(report(lists)).toEqual([`x.json:1:33 ${nestingMessage}`]);
      expect(lists.stoppedEarly).toBe(true);
      const objects = parseGraph(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`);
      expect(report(objects)).toEqual([`x.json:1:161 ${nestingMessage}`]);
      // Unclosed, and behind a line break that ends an unclosed string: still found, still no crash.
      const unclosed = parseGraph(`{"title": "x\n${'['.repeat(depth)}`);
      expect(report(unclosed)).toEqual([`x.json:2:32 ${nestingMessage}`]);
    });
  }

  it('32 levels are allowed (and then fail the schema, not the parser)', () => {
    expect(report(parseGraph('['.repeat(32) + ']'.repeat(32)))).toEqual([
      'x.json:1:1 the file holds a list, not a graph: a graph file is one JSON object ' +
        '{ "title": ..., "actors": [...], "relations": [...], ... } (see graph/schema.json)',
    ]);
  });

  it('brackets inside text do not count', () => {
    const text = minimalWith({ description: '['.repeat(10_000) });
    expect(parseGraph(text).problems).toEqual([]);
  });
});

describe('"did you mean" for thousands of unknown references (defect 4)', () => {
  itWithLargeInput('suggests for the listed problems and stays fast', { timeout: 30_000 }, () => {
    const actors = Array.from({ length: 10_000 }, (_, index) => ({
      id: `actor-${String(index).padStart(5, '0')}`,
      label: `Actor ${index}`,
      kind: 'person',
      evidence: EVIDENCE,
    }));
    const relations = Array.from({ length: 20_000 }, (_, index) => ({
      id: `relation-${index}`,
      type: 'denied',
      from: `actor-${String(index % 10_000).padStart(5, '0')}`,
      to: `actr-${String(index).padStart(5, '0')}`,
      evidence: EVIDENCE,
    }));
    const result = parseGraph(JSON.stringify({ ...JSON.parse(MINIMAL), actors, relations }));
    expect(result.ok).toBe(false);
    expect(result.problems).toHaveLength(MAX_REPORTED_PROBLEMS);
    expect(result.problems[0]?.message).toBe('no actor "actr-00000" (did you mean "actor-00000"?)');
    expect(result.omittedKinds).toEqual(['unknown actor']);
  });
});

describe('ids shared by an actor and a relation (defect 8)', () => {
  it('are reported at the later one, naming the first and its line', () => {
    expect(hostile('shared-id.json')).toEqual([
      'shared-id.json:15:12 relations[0].id: duplicate id "attack": the actor actors[1] on line 12 already uses it ' +
        '(actors and relations share one set of ids)',
      'shared-id.json:17:12 relations[2].id: duplicate relation id "khazali-denied-attack" ' +
        '(already used by relations[1] on line 16)',
    ]);
  });
});

describe('control characters in a file (defect 11)', () => {
  it('are escaped in every message and path, so nothing can drive a terminal', () => {
    const lines = hostile('control-characters.json');
    expect(lines).toEqual([
      'control-characters.json:10:5 actors[0]: warning: "\\u001b]0;owned\\u0007Qais \\u202eilazahK" ' +
        'takes part in no relation',
      'control-characters.json:10:12 actors[0].id: "x\\u001b[2K\\rfake.json:1:1 all good\\n" is not a valid id: ' +
        'use lowercase letters, digits and "-" (like "kataib-hezbollah")',
      'control-characters.json:10:121 actors[0]["\\u001b[31mred"]: unknown field "\\u001b[31mred"',
      'control-characters.json:13:43 relations[0].from: "khazali\\u2028" is not a valid id: ' +
        'use lowercase letters, digits and "-" (like "kataib-hezbollah")',
      'control-characters.json:13:43 relations[0].from: no actor "khazali\\u2028"',
      'control-characters.json:13:66 relations[0].to: "\\u009b2J" is not a valid id: ' +
        'use lowercase letters, digits and "-" (like "kataib-hezbollah")',
      'control-characters.json:13:66 relations[0].to: no actor "\\u009b2J"',
    ]);
    for (const line of lines) expect(terminalControls(line)).toEqual([]);
  });

  it('are escaped in a file name and a path too', () => {
    const problem = { severity: 'error' as const, line: 1, column: 1, path: 'a\u001b', message: 'm\u2066' };
    expect(formatProblem('evil\u001b]0;t\u0007\n.json', problem)).toBe(
      'evil\\u001b]0;t\\u0007\\u000a.json:1:1 a\\u001b: m\\u2066',
    );
  });

  itWithLargeInput('a huge value is quoted shortened, not in full', () => {
    const result = parseGraph(minimalWith({ title: 'x'.repeat(10 * 1024 * 1024), updated: 'y'.repeat(1_000_000) }));
    expect(report(result)).toEqual([
      'x.json:3:11 title: is 10,485,760 characters long; at most 300 are allowed',
      `x.json:4:13 updated: "${'y'.repeat(80)}…" is not a date: use YYYY-MM-DD`,
    ]);
  });
});

describe('numbers and line endings (defect 12)', () => {
  it('a credibility written 1e400 (Infinity once parsed) is not a credibility grade', () => {
    const grade = 'is not a credibility grade: use 1 (confirmed) to 6 (cannot be judged)';
    expect(hostile('numbers.json')).toEqual([
      `numbers.json:11:114 actors[0].evidence[0].credibility: 1e400 ${grade}`,
      `numbers.json:12:114 actors[0].evidence[1].credibility: -1e400 ${grade}`,
      `numbers.json:13:114 actors[0].evidence[2].credibility: 2.5 ${grade}`,
      `numbers.json:14:114 actors[0].evidence[3].credibility: 7 ${grade}`,
      `numbers.json:15:114 actors[0].evidence[4].credibility: 0 ${grade}`,
      'numbers.json:21:18 description: 1e400 is too large a number; it should be text',
    ]);
  });

  it('a file with old Mac line endings ("\\r" alone) is placed line by line', () => {
    expect(hostile('cr-line-endings.json')).toEqual([
      'cr-line-endings.json:9:55 actors[1].kind: no actor kind "event"',
      'cr-line-endings.json:12:199 relations[0].evidence[0].credibility: 1e400 is not a credibility grade: ' +
        'use 1 (confirmed) to 6 (cannot be judged)',
    ]);
  });

  it('"\\r\\n" counts as one line break, and so do "\\r" and "\\n" mixed in one file', () => {
    const result = parseGraph('{\r\n"a":\r1,\n\r\n"title": 2}');
    expect(report(result)).toContain('x.json:2:1 a: unknown field "a"');
    expect(report(result)).toContain('x.json:5:10 title: should be text, not a number');
  });
});

describe('labels that show nothing (defect 14)', () => {
  it('must have a visible character: a letter, digit, punctuation mark or symbol', () => {
    const none = 'has no visible character: use at least one letter, digit, punctuation mark or symbol';
    expect(hostile('invisible-text.json')).toEqual([
      `invisible-text.json:2:12 title: " " ${none}`,
      `invisible-text.json:4:44 actorKinds[0].label: "\\u200b" ${none}`,
      'invisible-text.json:4:80 actorKinds[1].label: is empty',
      `invisible-text.json:5:47 relationTypes[0].label: "\\ufeff" ${none}`,
      `invisible-text.json:5:73 relationTypes[0].inverseLabel: "\\u2060" ${none}`,
      `invisible-text.json:5:97 relationTypes[0].definition: "  \\t " ${none}`,
      `invisible-text.json:7:30 sources[0].title: "\\u0301" ${none}`,
      `invisible-text.json:7:53 sources[0].publisher: "\\u3000" ${none}`,
      `invisible-text.json:7:73 sources[0].author: "\\u00a0" ${none}`,
      `invisible-text.json:10:32 actors[0].label: "\\u200b\\u200c\\u200d" ${none}`,
      `invisible-text.json:10:92 actors[0].aliases[1]: " " ${none}`,
      'invisible-text.json:10:140 actors[0].evidence[0].quote: the quote has no visible character: ' +
        'copy the exact words from the source',
      `invisible-text.json:10:166 actors[0].evidence[0].attributedTo: "\\u2028" ${none}`,
    ]);
  });
});

describe('archives named like paths (defect 7)', () => {
  it('are refused by the schema and never looked up', () => {
    const lookedUp: string[] = [];
    const archiveText = (name: string) => {
      lookedUp.push(name);
      return name === 'paper.txt' ? readFileSync(join(FIXTURES, 'paper.txt'), 'utf8') : { unreadable: 'a folder' };
    };
    const plainName =
      'must be a plain file name in the sources folder: no folders, no "." or "..", no leading dot, ' +
      'no control characters';
    expect(hostile('archive-names.json', { archiveText })).toEqual([
      `archive-names.json:7:134 sources[0].archive: ".." ${plainName}`,
      `archive-names.json:8:131 sources[1].archive: "." ${plainName}`,
      `archive-names.json:9:136 sources[2].archive: ".env" ${plainName}`,
      `archive-names.json:10:136 sources[3].archive: "../../etc/passwd" ${plainName}`,
      `archive-names.json:11:140 sources[4].archive: "..\\\\secret.txt" ${plainName}`,
      `archive-names.json:12:143 sources[5].archive: "paper\\u0000.txt" ${plainName}`,
      'archive-names.json:13:150 sources[6].archive: the archived copy "folder.txt" could not be read: a folder',
    ]);
    expect(lookedUp).toEqual(['folder.txt', 'paper.txt']);
  });

  it('an archive lookup that throws is a problem, not an exception', () => {
    const archiveText = () => {
      throw new Error('EISDIR: illegal operation on a directory, read');
    };
    expect(report(parseGraph(MINIMAL, { archiveText }))).toEqual([
      'x.json:14:130 sources[0].archive: the archived copy "paper.txt" could not be read: ' +
        'EISDIR: illegal operation on a directory, read',
    ]);
  });
});

describe('progress', () => {
  it('names each phase as it starts', () => {
    const phases: ParsePhase[] = [];
    const archiveText = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
    expect(parseGraph(MINIMAL, { archiveText, onProgress: (phase) => phases.push(phase) }).ok).toBe(true);
    expect(phases).toEqual(['parsing', 'checking the schema', 'checking references', 'checking quotes']);
  });
});

describe('the limits', () => {
  itWithLargeInput('measure a file in UTF-8 bytes, not in characters', () => {
    const twoBytesEach = 'é'.repeat(MAX_GRAPH_FILE_BYTES / 2);
    expect(report(parseGraph(`{"title": "${twoBytesEach}"}`))).toEqual([
      'x.json:1:1 the file is 128.1 MB; the explorer opens files of at most 128 MB: ' +
        'split the graph, or filter it before export',
    ]);
  });

  it('hold every file we ship', () => {
    const shipped = join(import.meta.dirname, '..', '..', 'graph', 'kadhimi-2021.json');
    expect(existsSync(shipped)).toBe(true);
    expect(parseGraph(readFileSync(shipped, 'utf8')).ok).toBe(true);
    expect(parseGraph(MINIMAL).ok).toBe(true);
  });
});
