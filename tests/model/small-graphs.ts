// Small hand-made graph files for the validator's tests: a valid graph to
// change one thing in, written one list item per line so that a problem's
// line says which item it is in, and the report an analyst would read.
import { expect } from 'vitest';
import { formatProblem, type ParseOptions, type ParseResult, parseGraph } from '../../src/model/validate.ts';

export const EVIDENCE = { source: 'paper', quote: 'They met.', attributedTo: 'the paper', credibility: 2 };

/** A valid graph: one kind, one (undirected) type, one source, two actors and one relation between them. */
export const BASE: Record<string, unknown> = {
  title: 'Test graph',
  updated: '2024-01-02',
  actorKinds: [{ id: 'person', label: 'Person' }],
  relationTypes: [{ id: 'met', label: 'met', definition: 'Met in person.', directed: false }],
  sources: [{ id: 'paper', title: 'A paper', publisher: 'Press', author: null, published: null, reliability: 'C' }],
  actors: [
    { id: 'ali', label: 'Ali', kind: 'person', evidence: [EVIDENCE] },
    { id: 'bea', label: 'Bea', kind: 'person', evidence: [EVIDENCE] },
  ],
  relations: [{ id: 'ali-met-bea', type: 'met', from: 'ali', to: 'bea', evidence: [EVIDENCE] }],
};

/**
 * The text of BASE with some top-level fields replaced (undefined removes one):
 * "{", then one line per field, and one line per item of a list, e.g. line 9 is
 * sources[0], lines 12 and 13 actors[0] and [1], line 16 relations[0].
 */
export function graphText(changes: Record<string, unknown> = {}): string {
  const graph = { ...BASE, ...changes };
  const fields = Object.entries(graph)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) =>
      Array.isArray(value)
        ? `${JSON.stringify(key)}: [\n${value.map((item) => JSON.stringify(item)).join(',\n')}\n]`
        : `${JSON.stringify(key)}: ${JSON.stringify(value)}`,
    );
  return `{\n${fields.join(',\n')}\n}\n`;
}

/** BASE's actors with the first one changed. */
export function firstActor(changes: Record<string, unknown>): Record<string, unknown> {
  const actors = BASE.actors as Record<string, unknown>[];
  return { actors: [{ ...actors[0], ...changes }, ...actors.slice(1)] };
}

/** BASE's relations with the first one changed. */
export function firstRelation(changes: Record<string, unknown>): Record<string, unknown> {
  const relations = BASE.relations as Record<string, unknown>[];
  return { relations: [{ ...relations[0], ...changes }] };
}

/** The problems as the checker prints them; every problem is an error or a warning (the printout says which). */
export function lines(result: ParseResult, fileName = 'g.json'): string[] {
  for (const problem of result.problems) expect(['error', 'warning']).toContain(problem.severity);
  return result.problems.map((problem) => formatProblem(fileName, problem));
}

export function check(text: string, options: ParseOptions = {}): ParseResult {
  return parseGraph(text, options);
}

/**
 * Puts 200 errors at the very start of the file (a field "zz" given 200 times:
 * 199 duplicates and one unknown field), so that every problem of the file
 * itself is left out of the list and shows up only in `omittedKinds`: the way
 * to read which kind a problem was counted as.
 */
export function withTwoHundredErrorsFirst(text: string): string {
  return text.replace('{', `{${'"zz": 0, '.repeat(200)}`);
}

/** The kinds of the file's own problems, as a long report names them. */
export function kindsOf(text: string, options: ParseOptions = {}): string[] {
  const result = parseGraph(withTwoHundredErrorsFirst(text), options);
  expect(result.problems.every((problem) => problem.path === 'zz')).toBe(true);
  return result.omittedKinds;
}
