// What parseGraph says about a file (src/model/validate.ts), one story at a
// time on a small hand-made graph: the message, its line, column and path, the
// kind a long report counts it as, and whether the file is accepted.
import { describe, expect, it } from 'vitest';
import { ProblemCollector } from '../../src/model/problems.ts';
import {
  type ArchiveLookup,
  formatProblem,
  MAX_GRAPH_FILE_BYTES,
  type ParseOptions,
  parseGraph,
  parseGraphBytes,
  reportSyntaxErrors,
} from '../../src/model/validate.ts';
import {
  BASE,
  check,
  EVIDENCE,
  firstActor,
  firstRelation,
  graphText,
  kindsOf,
  lines,
  withTwoHundredErrorsFirst,
} from './small-graphs.ts';

const SOURCE = (BASE.sources as Record<string, unknown>[])[0];
const [ALI, BEA] = BASE.actors as Record<string, unknown>[];
const RELATION = (BASE.relations as Record<string, unknown>[])[0];

/** The report for BASE with `changes`, and the kinds its problems are counted as. */
function reportOf(changes: Record<string, unknown>, options: ParseOptions = {}) {
  const text = graphText(changes);
  const result = check(text, options);
  return { lines: lines(result), ok: result.ok, kinds: kindsOf(text, options) };
}

/** The report for a text that is not a graph, or not JSON. */
function textReport(text: string) {
  const result = parseGraph(text);
  return { lines: lines(result), ok: result.ok, stoppedEarly: result.stoppedEarly };
}

describe('a bug in a check', () => {
  const failingAt = (phase: string, thrown: unknown): ParseOptions => ({
    onProgress: (current) => {
      if (current === phase) throw thrown;
    },
  });

  it('becomes a problem at the top of the list, and checking stops', () => {
    const text = withTwoHundredErrorsFirst(graphText());
    const result = parseGraph(text, failingAt('checking references', new Error('boom \u001b[2J')));
    expect(result.problems[0]).toEqual({
      severity: 'error',
      line: 1,
      column: 1,
      path: '',
      message: 'internal error while checking the file (please report it): boom \\u001b[2J',
    });
    expect(result.ok).toBe(false);
    expect(result.stoppedEarly).toBe(true);
  });

  it('is reported in words even when what was thrown is not an Error, shortened', () => {
    const result = parseGraph(graphText(), failingAt('parsing', `${'x'.repeat(300)}`));
    expect(lines(result)).toEqual([
      `g.json:1:1 internal error while checking the file (please report it): ${'x'.repeat(200)}…`,
    ]);
    expect(result.ok).toBe(false);
  });
});

describe('the bytes of a file', () => {
  it('over 128 MB are refused with their size, the limit and what to do, before decoding', () => {
    expect(parseGraphBytes(new Uint8Array(MAX_GRAPH_FILE_BYTES + 1))).toEqual({
      ok: false,
      problems: [
        {
          severity: 'error',
          line: 1,
          column: 1,
          path: '',
          message:
            'the file is 128.1 MB; the explorer opens files of at most 128 MB: ' +
            'split the graph, or filter it before export',
        },
      ],
      omitted: 0,
      omittedKinds: [],
      stoppedEarly: true,
    });
  });

  it('of exactly 128 MB are decoded, and refused only for what they hold', () => {
    const bytes = new Uint8Array(MAX_GRAPH_FILE_BYTES).fill(0x20);
    bytes[0] = 0xc0; // never valid in UTF-8
    expect(parseGraphBytes(bytes).problems.map((problem) => problem.message)).toEqual([
      'invalid UTF-8 at byte 1 (line 1, column 1): save the file as UTF-8',
    ]);
  });

  it('that are not UTF-8 are refused with the place of the first bad byte, and checking stops', () => {
    const bytes = new Uint8Array([0x7b, 0x0a, 0xff, 0x7d]);
    expect(parseGraphBytes(bytes)).toEqual({
      ok: false,
      problems: [
        {
          severity: 'error',
          line: 2,
          column: 1,
          path: '',
          message: 'invalid UTF-8 at byte 3 (line 2, column 1): save the file as UTF-8',
        },
      ],
      omitted: 0,
      omittedKinds: [],
      stoppedEarly: true,
    });
  });

  it('in UTF-8 are checked as text', () => {
    const result = parseGraphBytes(new TextEncoder().encode(graphText()));
    expect(result.ok).toBe(true);
    expect(result.problems).toEqual([]);
  });
});

// The size check at a lower limit than 128 MB: the same code, and a test on a
// file over 128 MB is too slow to run under mutation testing (itWithLargeInput).
describe('a file over a lower size limit given by the caller', () => {
  const limit = 100 * 1024; // 0.1 MB
  const overLowerLimit =
    'the file is 0.2 MB; the explorer opens files of at most 0.1 MB: split the graph, or filter it before export';

  it('as text is refused with its size and that limit, before parsing', () => {
    expect(parseGraph(`{"title": "${'x'.repeat(2 * limit)}"}`, { maxFileBytes: limit })).toEqual({
      ok: false,
      problems: [{ severity: 'error', line: 1, column: 1, path: '', message: overLowerLimit }],
      omitted: 0,
      omittedKinds: [],
      stoppedEarly: true,
    });
  });

  it('as bytes is refused with its size and that limit, before decoding', () => {
    const notUtf8 = new Uint8Array(2 * limit).fill(0xff);
    expect(parseGraphBytes(notUtf8, { maxFileBytes: limit }).problems).toEqual([
      { severity: 'error', line: 1, column: 1, path: '', message: overLowerLimit },
    ]);
  });

  it('is refused one byte over it, and checked as usual at exactly that many bytes', () => {
    const text = graphText({ title: 'Café' });
    const bytes = new TextEncoder().encode(text);
    expect(bytes.length).toBe(text.length + 1);
    for (const maxFileBytes of [bytes.length - 1, bytes.length]) {
      const expected = maxFileBytes === bytes.length;
      expect(parseGraph(text, { maxFileBytes }).ok).toBe(expected);
      expect(parseGraphBytes(bytes, { maxFileBytes }).ok).toBe(expected);
    }
  });
});

describe('a file nested too deep', () => {
  it('gets one error at the first level too many, and checking stops', () => {
    expect(parseGraph(`{"a": ${'['.repeat(40)}`)).toEqual({
      ok: false,
      problems: [
        {
          severity: 'error',
          line: 1,
          column: 38,
          path: '',
          message: 'nested deeper than 32 levels of lists and objects (a graph file needs 5)',
        },
      ],
      omitted: 0,
      omittedKinds: [],
      stoppedEarly: true,
    });
  });
});

describe('a list over its limit', () => {
  const kinds = (count: number) =>
    Array.from({ length: count }, (_, index) => ({ id: `kind-${index}`, label: 'Kind' })).concat({
      id: 'person',
      label: 'Person',
    });

  it('is refused before the JSON is parsed, so a syntax error behind it goes unread', () => {
    const text = `${graphText({ actorKinds: kinds(200) })} trailing`;
    expect(textReport(text)).toEqual({
      lines: ['g.json:4:15 actorKinds: the file has 201 actor kinds; the explorer opens at most 200'],
      ok: false,
      stoppedEarly: true,
    });
  });

  it('is allowed at the limit itself', () => {
    expect(check(graphText({ actorKinds: kinds(199) })).ok).toBe(true);
    const text = `${graphText({ actorKinds: kinds(199) })} trailing`;
    expect(textReport(text).lines).toEqual(['g.json:220:2 invalid JSON: unexpected character']);
  });
});

describe('a file that is JSON but not a graph', () => {
  it('says what it holds instead, and is not accepted', () => {
    const rest =
      'not a graph: a graph file is one JSON object ' +
      '{ "title": ..., "actors": [...], "relations": [...], ... } (see graph/schema.json)';
    const holdings: [string, string][] = [
      ['[]', 'a list'],
      ['"text"', 'text'],
      ['5', 'a number'],
      ['null', 'null'],
      ['true', 'a boolean'],
    ];
    for (const [text, holds] of holdings) {
      expect(textReport(text)).toEqual({
        lines: [`g.json:1:1 the file holds ${holds}, ${rest}`],
        ok: false,
        stoppedEarly: true,
      });
    }
  });
});

describe('a field given twice in one object', () => {
  it('is an error at its second name', () => {
    const text = graphText().replace('"title": "Test graph"', '"title": "A", "title": "Test graph"');
    const result = check(text);
    expect(lines(result)).toEqual(['g.json:2:15 title: the field "title" appears twice in this object']);
    expect(result.ok).toBe(false);
    expect(kindsOf(text)).toEqual(['duplicate field']);
  });
});

describe('invalid JSON', () => {
  const reported = (text: string) => lines(parseGraph(text));
  const comma = (closer: string) =>
    `invalid JSON: a comma before "${closer}" is not allowed in JSON: remove the last ","`;

  it('a comma before a closing bracket or brace, with spaces, tabs or line breaks between', () => {
    expect(reported('[1,]')).toEqual([`g.json:1:4 ${comma(']')}`]);
    expect(reported('[1,\t]')).toEqual([`g.json:1:5 ${comma(']')}`]);
    expect(reported('[1,\n]')).toEqual([`g.json:2:1 ${comma(']')}`]);
    expect(reported('[1,\r]')).toEqual([`g.json:2:1 ${comma(']')}`]);
    expect(reported('{"a":1, }')).toEqual([`g.json:1:9 ${comma('}')}`]);
  });

  it('a missing value is not a trailing comma, even with a comma further back', () => {
    expect(reported('{"a": }')).toEqual(['g.json:1:7 invalid JSON: expected a value']);
    expect(reported('{"a": 1, "b": }')).toEqual(['g.json:1:15 invalid JSON: expected a value']);
    expect(reported('  ]')).toEqual(['g.json:1:3 invalid JSON: expected a value']);
    expect(reported('[1,,2]')).toEqual(['g.json:1:4 invalid JSON: expected a value']);
  });

  it('a comma is looked for at most 10,000 characters back', () => {
    expect(reported(`[1,${' '.repeat(9_999)}]`)).toEqual([`g.json:1:10003 ${comma(']')}`]);
    expect(reported(`[1,${' '.repeat(10_000)}]`)).toEqual(['g.json:1:10004 invalid JSON: expected a value']);
  });

  it('every mistake is listed, the first one too, once per place', () => {
    expect(reported('[}')).toEqual([
      'g.json:1:2 invalid JSON: expected a value',
      'g.json:1:3 invalid JSON: expected "]" to close the list',
    ]);
    expect(reported('{"a": tru}')).toEqual([
      'g.json:1:7 invalid JSON: unexpected character',
      'g.json:1:10 invalid JSON: expected a value',
    ]);
  });

  it('comments are not allowed', () => {
    expect(reported('{"a": 1 /* why */}')).toEqual(['g.json:1:9 invalid JSON: comments are not allowed in JSON']);
    expect(reported('{"a": 1 // why\n}')).toEqual(['g.json:1:9 invalid JSON: comments are not allowed in JSON']);
  });

  it('many mistakes: 200 are listed, the rest counted as invalid JSON', () => {
    const result = parseGraph(`[${','.repeat(250)}]`);
    expect(result.problems).toHaveLength(200);
    expect(result.problems.every((problem) => problem.severity === 'error')).toBe(true);
    expect(result.omittedKinds).toEqual(['invalid JSON']);
    expect(result.ok).toBe(false);
  });

  it("a text JSON.parse refuses though jsonc-parser finds nothing: JSON.parse's words, at its position", () => {
    const collector = new ProblemCollector();
    const reason = new SyntaxError('Unexpected non-whitespace character after JSON at position 12');
    reportSyntaxErrors('{"title": 1} ', reason, collector);
    expect(collector.report('{"title": 1} ').problems).toEqual([
      {
        severity: 'error',
        line: 1,
        column: 13,
        path: '',
        message: 'invalid JSON: Unexpected non-whitespace character after JSON at position 12',
      },
    ]);
    const odd = new ProblemCollector(0);
    reportSyntaxErrors('{}', `odd\u001b${'x'.repeat(300)}`, odd);
    expect(odd.report('{}').omittedKinds).toEqual(['invalid JSON']);
    const withoutPosition = new ProblemCollector();
    reportSyntaxErrors('{}', `odd\u001b${'x'.repeat(300)}`, withoutPosition);
    expect(withoutPosition.report('{}').problems.map((problem) => formatProblem('g.json', problem))).toEqual([
      `g.json:1:1 invalid JSON: odd\\u001b${'x'.repeat(196)}…`,
    ]);
  });
});

describe('references between lists', () => {
  it('an unknown kind, type, actor or source, each with the closest known one', () => {
    const actors = [{ ...ALI, kind: 'persn', evidence: [{ ...EVIDENCE, source: 'papr' }] }, BEA];
    expect(reportOf({ actors, relations: [{ ...RELATION, type: 'meet', to: 'bee' }] })).toEqual({
      lines: [
        'g.json:14:34 actors[0].kind: no actor kind "persn" (did you mean "person"?)',
        'g.json:14:64 actors[0].evidence[0].source: no source "papr" (did you mean "paper"?)',
        'g.json:15:1 actors[1]: warning: "Bea" takes part in no relation',
        'g.json:18:28 relations[0].type: no relation type "meet" (did you mean "met"?)',
        'g.json:18:53 relations[0].to: no actor "bee" (did you mean "bea"?)',
      ],
      ok: false,
      kinds: ['actor in no relation', 'unknown actor', 'unknown actor kind', 'unknown relation type', 'unknown source'],
    });
  });

  it('a reference that is not text is left to the schema', () => {
    expect(reportOf(firstRelation({ from: 7 })).lines).toEqual([
      'g.json:14:1 actors[0]: warning: "Ali" takes part in no relation',
      'g.json:18:41 relations[0].from: should be text, not a number',
    ]);
  });

  it('a missing reference is left to the schema', () => {
    expect(reportOf(firstRelation({ to: undefined })).lines).toEqual([
      'g.json:15:1 actors[1]: warning: "Bea" takes part in no relation',
      'g.json:18:1 relations[0]: missing the required field "to"',
    ]);
  });

  it('lists that are not lists of objects are passed over without a crash', () => {
    expect(reportOf({ sources: [null] }).lines).toEqual([
      'g.json:11:1 sources[0]: should be an object, not null',
      'g.json:14:65 actors[0].evidence[0].source: no source "paper"',
      'g.json:15:65 actors[1].evidence[0].source: no source "paper"',
      'g.json:18:80 relations[0].evidence[0].source: no source "paper"',
    ]);
    expect(reportOf({ relationTypes: [null] }).lines).toEqual([
      'g.json:8:1 relationTypes[0]: should be an object, not null',
      'g.json:18:28 relations[0].type: no relation type "met"',
    ]);
    expect(reportOf({ relations: [null] }).lines).toEqual([
      'g.json:14:1 actors[0]: warning: "Ali" takes part in no relation',
      'g.json:15:1 actors[1]: warning: "Bea" takes part in no relation',
      'g.json:18:1 relations[0]: should be an object, not null',
    ]);
    expect(reportOf({ actors: [null, BEA] }).lines).toEqual([
      'g.json:14:1 actors[0]: should be an object, not null',
      'g.json:18:41 relations[0].from: no actor "ali"',
    ]);
    expect(reportOf({ actors: ['x'.repeat(60), BEA] }).lines).toEqual([
      'g.json:14:1 actors[0]: should be an object, not text',
      'g.json:18:41 relations[0].from: no actor "ali"',
    ]);
  });
});

describe('ids', () => {
  it('a duplicate id in one list names the first and its line', () => {
    expect(reportOf({ actors: [ALI, { ...BEA, id: 'ali' }] })).toEqual({
      lines: [
        'g.json:15:7 actors[1].id: duplicate actor id "ali" (already used by actors[0] on line 14)',
        'g.json:18:52 relations[0].to: no actor "bea"',
      ],
      ok: false,
      kinds: ['duplicate id', 'unknown actor'],
    });
  });

  it("a relation with an actor's id names the actor", () => {
    expect(reportOf(firstRelation({ id: 'bea' }))).toEqual({
      lines: [
        'g.json:18:7 relations[0].id: duplicate id "bea": the actor actors[1] on line 15 already uses it ' +
          '(actors and relations share one set of ids)',
      ],
      ok: false,
      kinds: ['duplicate id'],
    });
  });

  it('items without an id are not duplicates of each other, and warn of nothing', () => {
    expect(
      reportOf({
        actors: [
          { ...ALI, id: undefined },
          { ...BEA, id: undefined },
        ],
      }).lines,
    ).toEqual([
      'g.json:14:1 actors[0]: missing the required field "id"',
      'g.json:15:1 actors[1]: missing the required field "id"',
      'g.json:18:41 relations[0].from: no actor "ali"',
      'g.json:18:52 relations[0].to: no actor "bea"',
    ]);
  });
});

describe('dates', () => {
  it('a day that does not exist, in a relation and in a source', () => {
    expect(reportOf(firstRelation({ date: '2021-02-30' }))).toEqual({
      lines: ['g.json:18:160 relations[0].date: "2021-02-30" is not a real day (2021-02 has 28 days)'],
      ok: false,
      kinds: ['impossible date'],
    });
    expect(reportOf({ sources: [{ ...SOURCE, published: '2021-02-30' }] })).toEqual({
      lines: ['g.json:11:79 sources[0].published: "2021-02-30" is not a real day (2021-02 has 28 days)'],
      ok: false,
      kinds: ['impossible date'],
    });
  });

  it("a date of the wrong form gets the schema's message only", () => {
    expect(reportOf(firstRelation({ date: 2021 })).lines).toEqual([
      'g.json:18:160 relations[0].date: should be text, not a number',
    ]);
    expect(reportOf(firstRelation({ date: '21' })).lines).toEqual([
      'g.json:18:160 relations[0].date: "21" is not a date: use YYYY, YYYY-MM, YYYY-MM-DD or START/END',
    ]);
    // A month is a date for a relation, but not for "updated" or "published", which need a day.
    expect(reportOf({ updated: '2021-13' }).lines).toEqual([
      'g.json:3:12 updated: "2021-13" is not a date: use YYYY-MM-DD',
    ]);
    expect(reportOf({ sources: [{ ...SOURCE, published: '2021-13' }] }).lines).toEqual([
      'g.json:11:79 sources[0].published: "2021-13" is not a date: use YYYY-MM-DD',
    ]);
  });
});

describe('quotes', () => {
  it('an empty quote, and one with nothing visible', () => {
    expect(reportOf(firstActor({ evidence: [{ ...EVIDENCE, quote: '' }] }))).toEqual({
      lines: ['g.json:14:81 actors[0].evidence[0].quote: the quote is empty: copy the exact words from the source'],
      ok: false,
      kinds: ['empty quote'],
    });
    expect(reportOf(firstActor({ evidence: [{ ...EVIDENCE, quote: '\u200b' }] })).lines).toEqual([
      'g.json:14:81 actors[0].evidence[0].quote: the quote has no visible character: ' +
        'copy the exact words from the source',
    ]);
  });
});

describe('repeated relations', () => {
  const repeated = (first: string) =>
    'g.json:19:1 relations[1]: warning: a second "met" relation from "bea" to "ali" ' +
    `(the first is relations[0] ${first}): consider merging their evidence into one relation`;

  it('are a warning naming the first, in either order for an undirected type', () => {
    const result = reportOf({ relations: [RELATION, { ...RELATION, id: 'r2', from: 'bea', to: 'ali' }] });
    expect(result).toEqual({ lines: [repeated('"ali-met-bea"')], ok: true, kinds: ['repeated relation'] });
  });

  it('are not repeated in the other direction for a directed type', () => {
    const relationTypes = [{ id: 'met', label: 'met', definition: 'Met.', directed: true }];
    const relations = [RELATION, { ...RELATION, id: 'r2', from: 'bea', to: 'ali' }];
    expect(reportOf({ relationTypes, relations }).lines).toEqual([]);
  });

  it('name the first with an empty id when it has none', () => {
    expect(
      reportOf({
        relations: [
          { ...RELATION, id: undefined },
          { ...RELATION, id: 'r2', from: 'bea', to: 'ali' },
        ],
      }).lines,
    ).toEqual(['g.json:18:1 relations[0]: missing the required field "id"', repeated('""')]);
  });

  it('are not looked for among relations that lack a type or an end', () => {
    for (const field of ['type', 'from', 'to']) {
      const relations = [
        { ...RELATION, [field]: undefined },
        { ...RELATION, id: 'r2', [field]: undefined },
      ];
      expect(reportOf({ relations }).lines.filter((line) => line.includes('a second'))).toEqual([]);
    }
  });
});

describe('actors in no relation', () => {
  it('are a warning each, and the file is still accepted', () => {
    expect(reportOf({ relations: [] })).toEqual({
      lines: [
        'g.json:14:1 actors[0]: warning: "Ali" takes part in no relation',
        'g.json:15:1 actors[1]: warning: "Bea" takes part in no relation',
      ],
      ok: true,
      kinds: ['actor in no relation'],
    });
  });
});

describe('quotes checked against archived sources', () => {
  const archived = { sources: [{ ...SOURCE, archive: 'paper.txt' }] };
  const lookedUp: string[] = [];
  const archiveText = (name: string): ArchiveLookup => {
    lookedUp.push(name);
    return name === 'paper.txt' ? 'They met. Ali spoke.' : null;
  };

  it('a quote of an actor that is not in the archive, with the closest passage', () => {
    const actors = [{ ...ALI, evidence: [{ ...EVIDENCE, quote: 'Ali sang.' }] }, BEA];
    expect(reportOf({ ...archived, actors }, { archiveText })).toEqual({
      lines: [
        'g.json:14:81 actors[0].evidence[0].quote: the quote is not verbatim in "paper.txt"; ' +
          'the closest passage is "Ali spoke"',
      ],
      ok: false,
      kinds: ['quote not verbatim'],
    });
  });

  it('an archive that is missing, or cannot be read', () => {
    expect(reportOf({ sources: [{ ...SOURCE, archive: 'gone.txt' }] }, { archiveText })).toEqual({
      lines: ['g.json:11:112 sources[0].archive: the archived copy "gone.txt" was not found'],
      ok: false,
      kinds: ['missing archive'],
    });
    const unreadable = () => ({ unreadable: 'it is a folder' });
    expect(reportOf({ sources: [{ ...SOURCE, archive: 'x.txt' }] }, { archiveText: unreadable })).toEqual({
      lines: ['g.json:11:112 sources[0].archive: the archived copy "x.txt" could not be read: it is a folder'],
      ok: false,
      kinds: ['unreadable archive'],
    });
  });

  it('an archive shared by two sources is read once', () => {
    lookedUp.length = 0;
    const sources = [
      { ...SOURCE, archive: 'paper.txt' },
      { ...SOURCE, id: 'copy', archive: 'paper.txt' },
    ];
    expect(check(graphText({ sources }), { archiveText }).ok).toBe(true);
    expect(lookedUp).toEqual(['paper.txt']);
  });

  it('sources without an archive or without an id, and evidence without a quote, are passed over', () => {
    expect(reportOf({}, { archiveText }).lines).toEqual([]);
    lookedUp.length = 0;
    expect(reportOf({ sources: [{ ...SOURCE, id: undefined, archive: 'gone.txt' }] }, { archiveText }).lines[0]).toBe(
      'g.json:11:1 sources[0]: missing the required field "id"',
    );
    expect(lookedUp).toEqual([]);
    const actors = [{ ...ALI, evidence: [{ ...EVIDENCE, quote: undefined }] }, BEA];
    expect(reportOf({ ...archived, actors }, { archiveText }).lines).toEqual([
      'g.json:14:55 actors[0].evidence[0]: missing the required field "quote"',
    ]);
    expect(reportOf({ ...archived, actors: [null, BEA] }, { archiveText }).lines).toEqual([
      'g.json:14:1 actors[0]: should be an object, not null',
      'g.json:18:41 relations[0].from: no actor "ali"',
    ]);
    // Evidence citing a source that has no archive, beside one that has.
    const sources = [
      { ...SOURCE, archive: 'paper.txt' },
      { ...SOURCE, id: 'notes' },
    ];
    const cited = [{ ...ALI, evidence: [{ ...EVIDENCE, source: 'notes', quote: 'Not in any archive.' }] }, BEA];
    expect(reportOf({ sources, actors: cited }, { archiveText }).lines).toEqual([]);
  });

  it('a quote over 10,000 characters is only too long; one of 10,000 is checked', () => {
    const quoted = (quote: string) => ({ ...archived, actors: [{ ...ALI, evidence: [{ ...EVIDENCE, quote }] }, BEA] });
    expect(reportOf(quoted('q'.repeat(10_001)), { archiveText }).lines).toEqual([
      'g.json:14:81 actors[0].evidence[0].quote: is 10,001 characters long; at most 10,000 are allowed',
    ]);
    expect(reportOf(quoted('q'.repeat(10_000)), { archiveText }).lines).toEqual([
      'g.json:14:81 actors[0].evidence[0].quote: the quote is not verbatim in "paper.txt"; ' +
        'the closest passage is "They met. Ali spoke."',
    ]);
  });
});
