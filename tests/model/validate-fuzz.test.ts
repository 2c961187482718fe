// Fuzzing parseGraph with fast-check. Fixed seeds, so a run in CI is the same run
// as on a laptop; the run counts below keep the whole file to a few seconds.
//   arbitrary text: 400 runs; text made of JSON's own characters: 400 runs;
//   arbitrary JSON values: 300 runs; mutations of the shipped graph: 250 runs;
//   "did you mean" against an exhaustive search: 500 runs.
// A failure prints the seed and the shrunk counterexample.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { distance } from 'fastest-levenshtein';
import { describe, expect, it } from 'vitest';
import type { Graph } from '../../src/model/graph.ts';
import { allowedEdits, SuggestionIndex } from '../../src/model/suggest.ts';
import { MAX_REPORTED_PROBLEMS, type ParseResult, parseGraph } from '../../src/model/validate.ts';

const SEED = 20261128;
const SHIPPED_TEXT = readFileSync(join(import.meta.dirname, '..', '..', 'graph', 'kadhimi-2021.json'), 'utf8');
const SHIPPED: unknown = JSON.parse(SHIPPED_TEXT);

/** Lines as the validator counts them: "\r\n", "\r" and "\n" each end one. */
function lineCount(text: string): number {
  return (text.match(/\r\n|\r|\n/g)?.length ?? 0) + 1;
}

/** What must hold for any input: an answer, never an exception, with every problem placed inside the text. */
function expectWellFormedReport(text: string, result: ParseResult): void {
  const lines = lineCount(text);
  expect(result.problems.length).toBeLessThanOrEqual(MAX_REPORTED_PROBLEMS);
  for (const problem of result.problems) {
    expect(problem.line).toBeGreaterThanOrEqual(1);
    expect(problem.column).toBeGreaterThanOrEqual(1);
    expect(problem.line).toBeLessThanOrEqual(lines);
    expect(problem.message).not.toMatch(/internal error/);
    expect(Number.isInteger(problem.line) && Number.isInteger(problem.column)).toBe(true);
  }
  if (result.ok) expect(result.problems.every((problem) => problem.severity === 'warning')).toBe(true);
  else expect(result.problems.some((problem) => problem.severity === 'error')).toBe(true);
}

/** What a graph that opened must satisfy: every reference resolves, and no id is used twice. */
function expectConsistentGraph(graph: Graph): void {
  const ids = (items: { id: string }[]) => items.map((item) => item.id);
  for (const list of [graph.actorKinds, graph.relationTypes, graph.sources]) {
    expect(new Set(ids(list)).size).toBe(list.length);
  }
  const elementIds = [...ids(graph.actors), ...ids(graph.relations)];
  expect(new Set(elementIds).size).toBe(elementIds.length);
  const kinds = new Set(ids(graph.actorKinds));
  const types = new Set(ids(graph.relationTypes));
  const sources = new Set(ids(graph.sources));
  const actors = new Set(ids(graph.actors));
  for (const actor of graph.actors) {
    expect(kinds.has(actor.kind)).toBe(true);
    for (const item of actor.evidence) expect(sources.has(item.source)).toBe(true);
  }
  for (const relation of graph.relations) {
    expect(types.has(relation.type)).toBe(true);
    expect(actors.has(relation.from) && actors.has(relation.to)).toBe(true);
    for (const item of relation.evidence) expect(sources.has(item.source)).toBe(true);
  }
}

function check(text: string): void {
  const result = parseGraph(text);
  expectWellFormedReport(text, result);
  if (result.ok) expectConsistentGraph(result.graph);
}

describe('parseGraph on arbitrary input', () => {
  it('answers any text, including lone surrogates and control characters', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), check), { seed: SEED, numRuns: 400 });
  });

  it("answers text made of JSON's own characters, nested, unclosed and commented", () => {
    const piece = fc.constantFrom(
      '{',
      '}',
      '[',
      ']',
      ':',
      ',',
      '"',
      '\\',
      '"a"',
      '"title"',
      '"actors"',
      '1',
      '-',
      '1e400',
      'true',
      'null',
      ' ',
      '\n',
      '\r',
      '\r\n',
      '\t',
      '/*',
      '*/',
      '//',
      '\u001b',
      '\u2028',
      '\ufeff',
      'é',
      '\ud800',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 200 }), (pieces) => check(pieces.join(''))),
      { seed: SEED, numRuns: 400 },
    );
  });

  it('answers any JSON value, however it is indented', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 40 }), fc.constantFrom(0, 1, 2, '\t'), (value, indent) =>
        check(JSON.stringify(value, null, indent)),
      ),
      { seed: SEED, numRuns: 300 },
    );
  });
});

// ---------------------------------------------------------------------------
// Mutations of the shipped graph: near-valid files, where the checks that matter
// (references, ids, quotes, positions) are exercised rather than the parser alone.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

/** Every path into the value, containers included. */
function allPaths(value: Json, path: Path = [], into: Path[] = []): Path[] {
  into.push(path);
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) allPaths(item, [...path, index], into);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) allPaths(item, [...path, key], into);
  }
  return into;
}

function parentOf(root: Json, path: Path): { parent: Json; key: string | number } | undefined {
  let parent: Json = root;
  for (const segment of path.slice(0, -1)) {
    if (parent === null || typeof parent !== 'object') return undefined;
    parent = (parent as Record<string | number, Json>)[segment] ?? null;
  }
  const key = path[path.length - 1];
  return key === undefined || parent === null || typeof parent !== 'object' ? undefined : { parent, key };
}

const IDS_IN_FILE = (() => {
  const ids = new Set<string>();
  for (const path of allPaths(SHIPPED as Json)) {
    const last = path[path.length - 1];
    if (last === 'id' || last === 'from' || last === 'to' || last === 'kind' || last === 'type') {
      let value: unknown = SHIPPED;
      for (const segment of path) value = (value as Record<string | number, unknown>)[segment];
      if (typeof value === 'string') ids.add(value);
    }
  }
  return [...ids];
})();

const replacement: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(null, true, 0, -1, 7, 2.5, '', ' ', '\u200b', 'x', [], {}, 'khazaly', 'person', 'paper'),
  fc.constantFrom<Json>(...IDS_IN_FILE),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.double(),
);

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value: replacement }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('nest' as const), at: fc.nat(), inList: fc.boolean() }),
  fc.record({ kind: fc.constant('reuse id' as const), at: fc.nat(), from: fc.nat() }),
  fc.record({
    kind: fc.constant('insert character' as const),
    at: fc.nat(),
    character: fc.constantFrom('\u001b', '\r', '\n', '\u0000', '\u202e', '\u2028', '\ud800', '\u0301'),
  }),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function applyMutation(root: Json, change: Mutation): void {
  const paths = allPaths(root).filter((path) => path.length > 0);
  const path = paths[change.at % paths.length];
  if (!path) return;
  const place = parentOf(root, path);
  if (!place) return;
  const { parent, key } = place;
  const holder = parent as Record<string | number, Json>;
  const current = holder[key] ?? null;
  switch (change.kind) {
    case 'replace':
      holder[key] = change.value;
      return;
    case 'delete':
      if (Array.isArray(parent) && typeof key === 'number') parent.splice(key, 1);
      else delete holder[key];
      return;
    case 'duplicate':
      if (Array.isArray(parent) && typeof key === 'number') parent.splice(key, 0, structuredClone(current));
      return;
    case 'nest':
      holder[key] = change.inList ? [current] : { a: current };
      return;
    case 'reuse id': {
      // An id or a reference set to another id in the file: duplicates, dangling and cross-list ids.
      const idPaths = paths.filter((candidate) => ['id', 'from', 'to', 'source'].includes(String(candidate.at(-1))));
      const target = idPaths[change.at % idPaths.length];
      const targetPlace = target && parentOf(root, target);
      if (targetPlace) {
        const ids = IDS_IN_FILE;
        (targetPlace.parent as Record<string | number, Json>)[targetPlace.key] = ids[change.from % ids.length] ?? '';
      }
      return;
    }
    case 'insert character':
      if (typeof current === 'string') {
        const at = current.length === 0 ? 0 : change.at % current.length;
        holder[key] = current.slice(0, at) + change.character + current.slice(at);
      }
      return;
  }
}

/** Changes to the text itself, after the graph is written out. */
const textChange = fc.oneof(
  fc.constant({ kind: 'none' as const }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('old Mac line endings' as const) }),
  fc.record({
    kind: fc.constant('number' as const),
    at: fc.nat(),
    written: fc.constantFrom('1e400', '-0', '1E2', '6.0'),
  }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.constantFrom('{', ']', ',', '"', '\u001b'),
  }),
);

type TextChange = typeof textChange extends fc.Arbitrary<infer T> ? T : never;

function applyTextChange(text: string, change: TextChange): string {
  switch (change.kind) {
    case 'none':
      return text;
    case 'truncate':
      return text.slice(0, change.at % (text.length + 1));
    case 'old Mac line endings':
      return text.replace(/\n/g, '\r');
    case 'number': {
      const credibilities = [...text.matchAll(/"credibility": ?\d/g)];
      const match = credibilities[change.at % Math.max(1, credibilities.length)];
      if (!match || match.index === undefined) return text;
      const end = match.index + match[0].length;
      return `${text.slice(0, end - 1)}${change.written}${text.slice(end)}`;
    }
    case 'insert': {
      const at = change.at % (text.length + 1);
      return text.slice(0, at) + change.text + text.slice(at);
    }
  }
}

describe('parseGraph on mutations of the shipped graph', () => {
  it('answers every mutation, places every problem, and opens only consistent graphs', {
    timeout: 60_000,
  }, () => {
    let opened = 0;
    fc.assert(
      fc.property(
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        textChange,
        fc.constantFrom(0, 2),
        (changes, change, indent) => {
          const graph = structuredClone(SHIPPED) as Json;
          for (const each of changes) applyMutation(graph, each);
          const text = applyTextChange(JSON.stringify(graph, null, indent), change);
          const result = parseGraph(text);
          expectWellFormedReport(text, result);
          if (result.ok) {
            opened++;
            expectConsistentGraph(result.graph);
          }
        },
      ),
      { seed: SEED, numRuns: 250 },
    );
    // Some mutations leave a valid graph (a duplicated warning, a replaced summary): those were checked too.
    expect(opened).toBeGreaterThan(0);
  });
});

describe('"did you mean"', () => {
  it('suggests what an exhaustive search suggests: the closest name within reach, the earlier on a tie', () => {
    // Short and long names (Myers' algorithm up to 32 characters, blocks beyond), few letters so that many are close.
    const name = fc.oneof(
      fc.string({ unit: fc.constantFrom('a', 'b', '-', '1'), minLength: 1, maxLength: 12 }),
      fc.string({ unit: fc.constantFrom('a', 'b', '-'), minLength: 28, maxLength: 40 }),
    );
    fc.assert(
      fc.property(fc.array(name, { maxLength: 40 }), name, (candidates, unknown) => {
        let expected: string | undefined;
        let expectedDistance = allowedEdits(unknown) + 1;
        for (const candidate of candidates) {
          const edits = distance(unknown, candidate);
          if (edits < expectedDistance) {
            expected = candidate;
            expectedDistance = edits;
          }
        }
        expect(new SuggestionIndex(candidates).closest(unknown)).toBe(expected);
      }),
      { seed: SEED, numRuns: 500 },
    );
  });
});
