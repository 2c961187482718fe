// The limits that bound the work on a hostile file (src/model/validate.ts), on
// inputs small enough for mutation testing: how a file's size is measured, the
// counts inside lists and objects, and checking that stops at 10,000 problems
// in every phase.
import { describe, expect, it } from 'vitest';
import { GRAPH_LIMITS, overSizeLimit, type ParseResult, utf8LengthUpTo } from '../../src/model/validate.ts';
import { BASE, check, EVIDENCE, firstActor, firstRelation, graphText, lines } from './small-graphs.ts';

const [ALI, BEA] = BASE.actors as Record<string, unknown>[];

/** An object with `count` fields f0, f1, ... */
const withFields = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, index) => [`f${index}`, 0]));

const tooManyFields = "this object has 51 fields; a graph file's objects have at most 50";

describe('the size of a file in UTF-8', () => {
  it('counts 1 byte below U+0080, 2 below U+0800, 4 for a surrogate pair and 3 for anything else', () => {
    const cases: [string, number][] = [
      ['', 0],
      ['a\u007f', 2],
      ['\u0080', 2],
      ['é\u07ff', 4],
      ['\u0800', 3],
      ['\uffff', 3],
      ['\u{10000}', 4], // \ud800\udc00
      ['\u{10ffff}', 4], // \udbff\udfff
      ['\ud800', 3], // half a pair, alone
      ['\ud800a', 4],
      ['\udc00', 3],
      ['\ue000\udc00', 6],
      ['a\u{1f600}b', 6],
    ];
    for (const [text, bytes] of cases) expect(utf8LengthUpTo(text, Number.POSITIVE_INFINITY)).toBe(bytes);
  });

  it('stops counting just past the limit', () => {
    expect(utf8LengthUpTo('aaaa', 1)).toBe(2);
    expect(utf8LengthUpTo('aaaa', 2)).toBe(3);
    expect(utf8LengthUpTo('\u{10000}\u{10000}\u{10000}', 5)).toBe(8);
  });

  it('is over the limit by length alone, or by its bytes when the length does not tell', () => {
    expect(overSizeLimit('abcd', 3)).toBe(true);
    expect(overSizeLimit('abc', 3)).toBe(false);
    expect(overSizeLimit('é', 1)).toBe(true); // 1 character, 2 bytes
    expect(overSizeLimit('é', 2)).toBe(false);
    expect(overSizeLimit('éa', 2)).toBe(true);
    expect(overSizeLimit('€€', 6)).toBe(false); // 3 bytes each
    expect(overSizeLimit('€€', 5)).toBe(true);
  });
});

describe('fields in one object', () => {
  it('51 at the top of the file: one error there, and nothing inside is counted', () => {
    const result = check(graphText({ ...withFields(44), ...firstActor(withFields(47)) }));
    expect(lines(result)).toEqual([`g.json:1:1 ${tooManyFields}`]);
    expect(result.ok).toBe(false);
    expect(result.stoppedEarly).toBe(true);
  });

  it('51 in an evidence item of a relation', () => {
    const result = check(graphText(firstRelation({ evidence: [withFields(51)] })));
    expect(lines(result)).toEqual([`g.json:18:70 relations[0].evidence[0]: ${tooManyFields}`]);
    expect(result.ok).toBe(false);
  });

  it('51 in an actor given as text is not counted: text is not an object', () => {
    expect(lines(check(graphText({ actors: ['x'.repeat(60), BEA] })))).toEqual([
      'g.json:14:1 actors[0]: should be an object, not text',
      'g.json:18:41 relations[0].from: no actor "ali"',
    ]);
  });

  it('50 are allowed: each unknown one is then named', () => {
    const report = lines(check(graphText(firstActor({ evidence: [{ ...EVIDENCE, ...withFields(46) }] }))));
    expect(report).toHaveLength(46);
    expect(report[0]).toBe('g.json:14:136 actors[0].evidence[0].f0: unknown field "f0"');
  });

  it('evidence in an object that is not an actor or relation is not counted: the field is unknown', () => {
    const actorKinds = [{ id: 'person', label: 'Person', evidence: [withFields(51)] }];
    expect(lines(check(graphText({ actorKinds })))).toEqual([
      'g.json:5:33 actorKinds[0].evidence: unknown field "evidence"',
    ]);
  });
});

describe('evidence items and aliases', () => {
  it('500 evidence items and 100 aliases are allowed', () => {
    const actor = { ...ALI, aliases: Array(100).fill('Ali'), evidence: Array(500).fill(EVIDENCE) };
    const result = check(graphText({ actors: [actor, BEA] }));
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('501 evidence items of a relation: one error, and checking stops', () => {
    const result = check(graphText(firstRelation({ evidence: Array(501).fill(EVIDENCE) })));
    expect(lines(result)).toEqual([
      'g.json:18:69 relations[0].evidence: this relation has 501 evidence items; at most 500 are allowed',
    ]);
    expect(result.ok).toBe(false);
    expect(result.stoppedEarly).toBe(true);
  });

  it('101 aliases of an actor: one error', () => {
    const result = check(graphText(firstActor({ aliases: Array(101).fill('Ali') })));
    expect(lines(result)).toEqual([
      'g.json:14:148 actors[0].aliases: this actor has 101 aliases; at most 100 are allowed',
    ]);
    expect(result.ok).toBe(false);
  });

  it('aliases of a relation are not counted: the field is unknown', () => {
    expect(lines(check(graphText(firstRelation({ aliases: Array(101).fill('Ali') }))))).toEqual([
      'g.json:18:153 relations[0].aliases: unknown field "aliases"',
    ]);
  });
});

describe('a long report of count problems names their kinds', () => {
  /** 200 actor kinds with 51 fields each: 200 errors before any actor. */
  const wideKinds = () => ({ actorKinds: Array.from({ length: 200 }, () => withFields(51)) });
  const omittedKinds = (changes: Record<string, unknown>) =>
    check(graphText({ ...wideKinds(), ...changes })).omittedKinds;

  it('too many fields, too many evidence items, too many aliases', () => {
    expect(omittedKinds(firstActor(withFields(51)))).toEqual(['too many fields']);
    expect(omittedKinds(firstActor({ evidence: Array(501).fill(EVIDENCE) }))).toEqual(['too many items']);
    expect(omittedKinds(firstActor({ aliases: Array(101).fill('Ali') }))).toEqual(['too many items']);
  });
});

describe('checking stops at 10,000 problems', () => {
  /** A field "zz" given `times` times at the start of the text: one error less than that, each a duplicate. */
  const repeatedFirst = (times: number, text: string) => text.replace('{', `{${'"zz": 0, '.repeat(times)}`);
  const counts = (result: ParseResult) => ({
    omitted: result.omitted,
    omittedKinds: result.omittedKinds,
    stoppedEarly: result.stoppedEarly,
  });

  it('while looking for fields given twice', () => {
    // 10,049 duplicates: the search stops at the 10,000th; the unknown field "zz" is the one more.
    expect(counts(check(repeatedFirst(10_050, graphText())))).toEqual({
      omitted: 10_001 - 200,
      omittedKinds: ['duplicate field', 'unknown field'],
      stoppedEarly: true,
    });
  });

  it('before the schema checks a list item, and before the references and dates are checked', () => {
    const text = graphText({ ...firstActor({ label: 5 }), updated: '2021-02-30' });
    expect(counts(check(repeatedFirst(10_001, text)))).toEqual({
      omitted: 10_001 - 200,
      omittedKinds: ['duplicate field', 'unknown field'],
      stoppedEarly: true,
    });
  });

  it('while collecting ids', () => {
    // 2,498 empty actors: 9,992 missing fields; then the 19 repeated kind ids pass 10,000.
    const actorKinds = Array(20).fill({ id: 'person', label: 'Person' });
    const result = check(graphText({ actorKinds, actors: Array(2_498).fill({}), relations: [] }));
    expect(counts(result)).toEqual({
      omitted: 10_000 - 200,
      omittedKinds: ['missing field', 'no evidence'],
      stoppedEarly: true,
    });
  });

  it('while counting aliases, so that nothing after the 10,000th problem is looked at', () => {
    // 10,000 actors with 101 aliases each; then a relation with too many fields, and no title.
    const actors = Array(10_000).fill({ aliases: Array(101).fill(0) });
    const result = check(graphText({ title: undefined, actors, relations: [withFields(51)] }));
    expect(counts(result)).toEqual({
      omitted: 10_000 - 200,
      omittedKinds: ['too many items'],
      stoppedEarly: true,
    });
  });

  it('while reading invalid JSON', () => {
    expect(counts(check(`[${','.repeat(10_050)}]`))).toEqual({
      omitted: 10_000 - 200,
      omittedKinds: ['invalid JSON'],
      stoppedEarly: true,
    });
  });

  it('not before', () => {
    expect(counts(check(repeatedFirst(9_999, graphText())))).toEqual({
      omitted: 9_999 - 200,
      omittedKinds: ['duplicate field', 'unknown field'],
      stoppedEarly: false,
    });
    expect(GRAPH_LIMITS.problemsBeforeStopping).toBe(10_000);
  });
});
