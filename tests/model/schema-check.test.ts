// Schema violations in plain words (src/model/schema-check.ts): for each rule of
// graph/schema.json, the message an analyst reads, where it points, and the
// kind a long report counts it as.
import type { ErrorObject } from 'ajv';
import { describe, expect, it } from 'vitest';
import { JsonLocator } from '../../src/model/json-text.ts';
import { LocatedProblems } from '../../src/model/located-problems.ts';
import { formatProblem, ProblemCollector } from '../../src/model/problems.ts';
import { checkSchema, pathFromPointer, reportSchemaError, valueAt } from '../../src/model/schema-check.ts';
import { BASE, check, EVIDENCE, firstActor, firstRelation, graphText, kindsOf, lines } from './small-graphs.ts';

const SOURCE = (BASE.sources as Record<string, unknown>[])[0];
const withSource = (changes: Record<string, unknown>) => ({ sources: [{ ...SOURCE, ...changes }] });
const withEvidence = (changes: Record<string, unknown>) => firstActor({ evidence: [{ ...EVIDENCE, ...changes }] });

/** The report for BASE with `changes`, and the kinds its problems are counted as. */
function reportOf(changes: Record<string, unknown>) {
  const text = graphText(changes);
  const result = check(text);
  return { lines: lines(result), ok: result.ok, kinds: kindsOf(text) };
}

describe('a missing field', () => {
  it('is named, at the object that lacks it', () => {
    expect(reportOf(firstActor({ label: undefined }))).toEqual({
      lines: ['g.json:14:1 actors[0]: missing the required field "label"'],
      ok: false,
      kinds: ['missing field'],
    });
  });

  it('is said in words of its own when it is the evidence', () => {
    expect(reportOf(firstActor({ evidence: undefined }))).toEqual({
      lines: ['g.json:14:1 actors[0]: has no "evidence": every actor and relation needs at least one evidence item'],
      ok: false,
      kinds: ['no evidence'],
    });
  });
});

describe('an unknown field', () => {
  it('is named at its name, with the field it was probably meant to be', () => {
    expect(reportOf(firstActor({ lable: 'x' }))).toEqual({
      lines: ['g.json:14:138 actors[0].lable: unknown field "lable" (did you mean "label"?)'],
      ok: false,
      kinds: ['unknown field'],
    });
  });

  it('is compared with the fields of its own object: the top level, an evidence item', () => {
    expect(reportOf({ titel: 'x' }).lines).toEqual([
      'g.json:20:1 titel: unknown field "titel" (did you mean "title"?)',
    ]);
    expect(reportOf(withEvidence({ quot: 'x' })).lines).toEqual([
      'g.json:14:136 actors[0].evidence[0].quot: unknown field "quot" (did you mean "quote"?)',
    ]);
    expect(
      reportOf({ relationTypes: [{ id: 'met', label: 'met', definition: 'Met.', directd: false }] }).lines,
    ).toEqual([
      'g.json:8:1 relationTypes[0]: missing the required field "directed"',
      'g.json:8:47 relationTypes[0].directd: unknown field "directd" (did you mean "directed"?)',
    ]);
  });

  it('gets no suggestion when no field is close', () => {
    expect(reportOf(firstActor({ qqqqqqqqqq: 'x' })).lines).toEqual([
      'g.json:14:138 actors[0].qqqqqqqqqq: unknown field "qqqqqqqqqq"',
    ]);
  });
});

describe('a value of the wrong type', () => {
  it('is named with the type expected and the type found', () => {
    expect(reportOf(firstActor({ label: 5 }))).toEqual({
      lines: ['g.json:14:21 actors[0].label: should be text, not a number'],
      ok: false,
      kinds: ['wrong type'],
    });
    expect(reportOf(withSource({ author: 5 })).lines).toEqual([
      'g.json:11:62 sources[0].author: should be text or null, not a number',
    ]);
    expect(
      reportOf({ relationTypes: [{ id: 'met', label: 'met', definition: 'Met.', directed: 'yes' }] }).lines,
    ).toEqual(['g.json:8:58 relationTypes[0].directed: should be true or false, not text']);
    expect(reportOf(firstActor({ aliases: 'x' })).lines).toEqual([
      'g.json:14:148 actors[0].aliases: should be a list, not text',
    ]);
    expect(reportOf(withEvidence({ credibility: '2' })).lines).toEqual([
      'g.json:14:134 actors[0].evidence[0].credibility: should be a whole number, not text',
    ]);
  });

  it('is a number too large to hold, shown as written', () => {
    const text = graphText({ description: 'placeholder' }).replace('"placeholder"', '1e400');
    const result = check(text);
    expect(lines(result)).toEqual(['g.json:20:16 description: 1e400 is too large a number; it should be text']);
    expect(result.ok).toBe(false);
    expect(kindsOf(text)).toEqual(['wrong type']);
  });

  it('is a list that is not a list: named once, its contents left alone', () => {
    expect(reportOf({ actorKinds: 'abc' })).toEqual({
      lines: [
        'g.json:4:15 actorKinds: should be a list, not text',
        'g.json:12:34 actors[0].kind: no actor kind "person"',
        'g.json:13:34 actors[1].kind: no actor kind "person"',
      ],
      ok: false,
      kinds: ['unknown actor kind', 'wrong type'],
    });
  });
});

describe('a value of the wrong form', () => {
  it('an id, with how ids are written', () => {
    const report = reportOf(firstActor({ id: 'Bad_Id' }));
    expect(report.lines).toContain(
      'g.json:14:7 actors[0].id: "Bad_Id" is not a valid id: use lowercase letters, digits and "-" ' +
        '(like "kataib-hezbollah")',
    );
    expect(report.kinds).toContain('invalid id');
  });

  it('a colour', () => {
    expect(reportOf({ actorKinds: [{ id: 'person', label: 'Person', color: '#12345' }] })).toEqual({
      lines: ['g.json:5:41 actorKinds[0].color: "#12345" is not a colour: use #rrggbb'],
      ok: false,
      kinds: ['invalid colour'],
    });
  });

  it('a day, and a date or range', () => {
    expect(reportOf({ updated: '2024-1-2' })).toEqual({
      lines: ['g.json:3:12 updated: "2024-1-2" is not a date: use YYYY-MM-DD'],
      ok: false,
      kinds: ['invalid date'],
    });
    expect(reportOf(withSource({ published: '2024' })).lines).toEqual([
      'g.json:11:79 sources[0].published: "2024" is not a date: use YYYY-MM-DD',
    ]);
    expect(reportOf(firstRelation({ date: 'soon' }))).toEqual({
      lines: ['g.json:18:160 relations[0].date: "soon" is not a date: use YYYY, YYYY-MM, YYYY-MM-DD or START/END'],
      ok: false,
      kinds: ['invalid date'],
    });
  });

  it('a link that is not http(s)', () => {
    expect(reportOf(withSource({ url: 'ftp://x' }))).toEqual({
      lines: [
        'g.json:11:108 sources[0].url: "ftp://x" is not an http(s) link: only http:// and https:// URLs are allowed',
      ],
      ok: false,
      kinds: ['invalid link'],
    });
  });

  it('an archive that is not a plain file name', () => {
    expect(reportOf(withSource({ archive: '.env' }))).toEqual({
      lines: [
        'g.json:11:112 sources[0].archive: ".env" must be a plain file name in the sources folder: ' +
          'no folders, no "." or "..", no leading dot, no control characters',
      ],
      ok: false,
      kinds: ['invalid file name'],
    });
  });

  it('a label that is empty, or shows nothing', () => {
    expect(reportOf(firstActor({ label: '' }))).toEqual({
      lines: ['g.json:14:21 actors[0].label: is empty'],
      ok: false,
      kinds: ['empty text'],
    });
    expect(reportOf(firstActor({ label: ' ' }))).toEqual({
      lines: [
        'g.json:14:21 actors[0].label: " " has no visible character: ' +
          'use at least one letter, digit, punctuation mark or symbol',
      ],
      ok: false,
      kinds: ['no visible character'],
    });
  });
});

describe('a value not in the allowed list', () => {
  it('lists the allowed values, and explains the Admiralty grades of reliability', () => {
    expect(reportOf(withSource({ reliability: 'G' }))).toEqual({
      lines: [
        'g.json:11:98 sources[0].reliability: "G" is not allowed here: use one of "A", "B", "C", "D", "E", "F" ' +
          '(Admiralty code: A completely reliable ... E unreliable, F cannot be judged)',
      ],
      ok: false,
      kinds: ['value not allowed'],
    });
  });

  it('has no grades to explain for a shape', () => {
    expect(reportOf({ actorKinds: [{ id: 'person', label: 'Person', shape: 'blob' }] }).lines).toEqual([
      'g.json:5:41 actorKinds[0].shape: "blob" is not allowed here: use one of "ellipse", "round-rectangle", ' +
        '"rectangle", "hexagon", "diamond", "barrel", "star", "octagon", "triangle", "rhomboid", "vee", "tag", ' +
        '"round-triangle", "round-diamond", "round-hexagon", "round-octagon", "round-tag", "pentagon", "cut-rectangle"',
    ]);
  });
});

describe('a list too short', () => {
  it('an empty evidence list: every actor and relation needs evidence', () => {
    expect(reportOf(firstActor({ evidence: [] }))).toEqual({
      lines: [
        'g.json:14:54 actors[0].evidence: has no evidence: every actor and relation needs at least one evidence item',
      ],
      ok: false,
      kinds: ['no evidence'],
    });
  });

  it('an empty list of actor kinds', () => {
    const report = reportOf({ actorKinds: [] });
    expect(report.lines[0]).toBe('g.json:4:15 actorKinds: needs at least 1 item(s)');
    expect(report.kinds).toEqual(['unknown actor kind', 'empty list']);
  });

  it('not an empty list of sources, which a new graph has: only the evidence citing one is wrong', () => {
    const report = reportOf({ sources: [] });
    expect(report.lines[0]).toBe('g.json:14:65 actors[0].evidence[0].source: no source "paper"');
    expect(report.kinds).toEqual(['unknown source']);
    expect(reportOf({ sources: [], actors: [], relations: [] }).lines).toEqual([]);
  });
});

describe('a credibility grade', () => {
  const grade = 'is not a credibility grade: use 1 (confirmed) to 6 (cannot be judged)';

  it('out of range or not whole, shown as written', () => {
    for (const [credibility, written] of [
      [0, '0'],
      [7, '7'],
      [2.5, '2.5'],
    ] as const) {
      expect(reportOf(withEvidence({ credibility }))).toEqual({
        lines: [`g.json:14:134 actors[0].evidence[0].credibility: ${written} ${grade}`],
        ok: false,
        kinds: ['invalid credibility'],
      });
    }
  });
});

describe('text over its length limit', () => {
  /** The problems for a graph titled `title`. */
  const titled = (title: string) => lines(check(graphText({ title })));
  const tooLong = (characters: number) =>
    `g.json:2:10 title: is ${characters.toLocaleString('en')} characters long; at most 300 are allowed`;

  it('says how long the text is and what the limit is', () => {
    expect(titled('x'.repeat(300))).toEqual([]);
    expect(titled('x'.repeat(301))).toEqual([tooLong(301)]);
    expect(titled('x'.repeat(1234))).toEqual([tooLong(1234)]);
    expect(kindsOf(graphText({ title: 'x'.repeat(301) }))).toEqual(['too long']);
    expect(check(graphText({ title: 'x'.repeat(301) })).ok).toBe(false);
  });

  it('counts characters as the schema does: an emoji is one, half an emoji is one too', () => {
    expect(titled('\u{1f600}'.repeat(300))).toEqual([]);
    // The lowest and the highest pair of surrogates.
    expect(titled(`${'x'.repeat(299)}\u{10000}\u{10ffff}`)).toEqual([tooLong(301)]);
    // A first half followed by something that is not a second half.
    expect(titled(`${'x'.repeat(299)}\ud800a`)).toEqual([tooLong(301)]);
    expect(titled(`${'x'.repeat(299)}\ud800\ue000`)).toEqual([tooLong(301)]);
    // A second half alone, after a letter or after a character above the surrogates.
    expect(titled(`${'x'.repeat(300)}\udc00`)).toEqual([tooLong(301)]);
    expect(titled(`${'x'.repeat(299)}\ue000\udc00`)).toEqual([tooLong(301)]);
  });
});

describe('checking stops', () => {
  it('before any list item once the file is hopeless', () => {
    const text = graphText(firstActor({ label: 5 }));
    const collector = new ProblemCollector();
    collector.stop();
    checkSchema(JSON.parse(text), new LocatedProblems(collector, new JsonLocator(text)));
    expect(collector.report(text).problems).toEqual([]);
  });
});

/** What reportSchemaError says for one error of ajv on `text`: the printed problems, and their kinds. */
function reported(text: string, error: Partial<ErrorObject>) {
  const listing = new ProblemCollector();
  const counting = new ProblemCollector(0);
  for (const collector of [listing, counting]) {
    const fullError = { instancePath: '', schemaPath: '#', keyword: 'x', params: {}, ...error };
    reportSchemaError(fullError, JSON.parse(text), new LocatedProblems(collector, new JsonLocator(text)));
  }
  const report = listing.report(text);
  for (const problem of report.problems) expect(problem.severity).toBe('error');
  return {
    lines: report.problems.map((problem) => formatProblem('g.json', problem)),
    kinds: counting.report(text).omittedKinds,
  };
}

describe('rules the schema does not use today, should it gain them', () => {
  const text = '{"count": 2.5, "name": "", "tags": [1, 2, 3], "big": 1e400}';

  it('a whole number that is not whole', () => {
    expect(reported(text, { keyword: 'type', instancePath: '/count', params: { type: 'integer' } })).toEqual({
      lines: ['g.json:1:11 count: 2.5 is not a whole number'],
      kinds: ['wrong type'],
    });
  });

  it('a number below its minimum or above its maximum, shown as written', () => {
    expect(reported(text, { keyword: 'minimum', instancePath: '/big', params: { limit: 3 } })).toEqual({
      lines: ['g.json:1:54 big: 1e400 is too small: the least allowed is 3'],
      kinds: ['out of range'],
    });
    expect(reported(text, { keyword: 'maximum', instancePath: '/count', params: { limit: 2 } })).toEqual({
      lines: ['g.json:1:11 count: 2.5 is too large: the most allowed is 2'],
      kinds: ['out of range'],
    });
  });

  it('an empty text where one character is the least', () => {
    expect(reported(text, { keyword: 'minLength', instancePath: '/name', params: { limit: 1 } })).toEqual({
      lines: ['g.json:1:24 name: is empty'],
      kinds: ['empty text'],
    });
    // An empty quote is left to the meaning checks, which report it with the other empty quotes.
    expect(reported('{"quote": ""}', { keyword: 'minLength', instancePath: '/quote', params: { limit: 1 } })).toEqual({
      lines: [],
      kinds: [],
    });
  });

  it('a list longer than its maximum', () => {
    expect(reported(text, { keyword: 'maxItems', instancePath: '/tags', params: { limit: 2 } })).toEqual({
      lines: ['g.json:1:36 tags: has 3 items; at most 2 are allowed'],
      kinds: ['too many items'],
    });
  });

  it('a pattern the checker has no words for', () => {
    expect(reported(text, { keyword: 'pattern', instancePath: '/name', params: { pattern: '^x+$' } })).toEqual({
      lines: ['g.json:1:24 name: "" does not have the expected form'],
      kinds: ['invalid value'],
    });
  });

  it("a rule the checker has no words for: in ajv's words, or naming the rule", () => {
    expect(reported(text, { keyword: 'multipleOf', instancePath: '/count', message: 'must be multiple of 2' })).toEqual(
      { lines: ['g.json:1:11 count: must be multiple of 2'], kinds: ['schema rule'] },
    );
    expect(reported(text, { keyword: 'multipleOf', instancePath: '/count' })).toEqual({
      lines: ['g.json:1:11 count: fails the schema rule "multipleOf"'],
      kinds: ['schema rule'],
    });
  });

  it('an unknown field, with a suggestion from the fields the schema gives its object', () => {
    const error = {
      keyword: 'additionalProperties',
      instancePath: '/actors/0',
      params: { additionalProperty: 'labl' },
    };
    expect(reported('{}', error)).toEqual({
      lines: ['g.json:1:1 actors[0].labl: unknown field "labl" (did you mean "label"?)'],
      kinds: ['unknown field'],
    });
  });

  it('an unknown field where the schema describes no object: no suggestion, and no crash', () => {
    for (const [instancePath, path] of [
      ['/nowhere/0', 'nowhere[0]'],
      ['/actors/name', 'actors.name'],
      ['/title/0', 'title[0]'],
      ['/actors/0/label/x', 'actors[0].label.x'],
    ]) {
      const error = { keyword: 'additionalProperties', instancePath, params: { additionalProperty: 'labl' } };
      expect(reported('{}', error).lines).toEqual([`g.json:1:1 ${path}.labl: unknown field "labl"`]);
    }
  });
});

describe('the list limits of the schema, should a list get past the count checks', () => {
  it('are stated with the count and the limit', () => {
    const kinds = Array.from({ length: 201 }, (_, index) => ({ id: `kind-${index}`, label: 'Kind' }));
    const text = graphText({ actorKinds: [...kinds, { id: 'person', label: 'Person' }] });
    const collector = new ProblemCollector();
    checkSchema(JSON.parse(text), new LocatedProblems(collector, new JsonLocator(text)));
    expect(collector.report(text).problems.map((problem) => formatProblem('g.json', problem))).toEqual([
      'g.json:4:15 actorKinds: has 202 items; at most 200 are allowed',
    ]);
  });
});

describe('a JSON pointer from ajv', () => {
  it('becomes a path of names and indices', () => {
    expect(pathFromPointer('')).toEqual([]);
    expect(pathFromPointer('/actors/12/evidence/0')).toEqual(['actors', 12, 'evidence', 0]);
    expect(pathFromPointer('/1a/a1/007')).toEqual(['1a', 'a1', 7]);
  });

  it('decodes "~1" to "/" and "~0" to "~", in that order', () => {
    expect(pathFromPointer('/a~1b/c~0d/~01')).toEqual(['a/b', 'c~d', '~1']);
  });

  it('reads digits as an index only into a list, when given the data (an actor "2021" in the layout)', () => {
    const data = { actors: [{ id: '2021' }], layout: { positions: { '2021': { x: 1 } } } };
    expect(pathFromPointer('/layout/positions/2021/x', data)).toEqual(['layout', 'positions', '2021', 'x']);
    expect(pathFromPointer('/actors/0/id', data)).toEqual(['actors', 0, 'id']);
  });
});

describe('the value at a path', () => {
  it('is found through objects and lists, and is undefined where nothing is', () => {
    const data = { a: [1, { b: 2 }], n: null, s: 'text' };
    expect(valueAt(data, ['a', 1, 'b'])).toBe(2);
    expect(valueAt(data, [])).toBe(data);
    expect(valueAt(data, ['n'])).toBeNull();
    expect(valueAt(data, ['n', 'b'])).toBeUndefined();
    expect(valueAt(data, ['s', 0])).toBeUndefined();
    expect(valueAt(data, ['a', 5])).toBeUndefined();
    expect(valueAt(data, ['constructor'])).toBeUndefined();
  });
});
