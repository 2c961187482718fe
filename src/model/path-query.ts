// "How is X connected to Y?": the question as the analyst asks it (two actors
// and the path-only constraints), the search it becomes under the filters in
// force, and its answer in words for the list, the CSV and a picture's caption.
// Pure.

import { gradeCode } from './corroboration.ts';
import { dayOrNull, RELIABILITY_ORDER } from './filter.ts';
import type { Credibility, Reliability } from './graph.ts';
import { type ActorPath, kShortestPaths, type PathOptions, type PathResult, pathInWords } from './paths.ts';
import { type GraphIndex, inverseLabel } from './queries.ts';

export interface PathQuery {
  from: string;
  to: string;
  /** How many paths at most (1 to MAX_K). */
  k: number;
  /** How many steps a path may take at most (1 to MAX_STEPS). */
  maxSteps: number;
  /** Follow relations only from subject to object (undirected types both ways). */
  directed: boolean;
  /** Relation types a path may use; empty: every type the filters show. */
  types: string[];
  minReliability: Reliability | null;
  minCredibility: Credibility | null;
  /** A date window for the path's steps alone (YYYY-MM-DD), on top of the filters' own. */
  dateFrom: string | null;
  dateTo: string | null;
  /** With a date bound, whether undated relations may be steps. */
  includeUndated: boolean;
  /** Actors a path must not pass through. */
  exclude: string[];
  /** The path picked in the list (its place in it), or null: every path found is highlighted. */
  shown: number | null;
}

export const MAX_K = 20;
export const MAX_STEPS = 10;

export const DEFAULT_PATH_QUERY: PathQuery = Object.freeze({
  from: '',
  to: '',
  k: 5,
  maxSteps: 6,
  directed: false,
  types: [],
  minReliability: null,
  minCredibility: null,
  dateFrom: null,
  dateTo: null,
  includeUndated: true,
  exclude: [],
  shown: null,
}) as PathQuery;

const wholeIn = (value: number, min: number, max: number, fallback: number) =>
  Number.isInteger(value) && value >= min && value <= max ? value : fallback;

/** A query with every field in range (from a form or a link): what is out of range takes the default. */
export function cleanPathQuery(query: Partial<PathQuery>): PathQuery {
  const credibility = Number(query.minCredibility);
  return {
    from: typeof query.from === 'string' ? query.from : '',
    to: typeof query.to === 'string' ? query.to : '',
    k: wholeIn(Number(query.k), 1, MAX_K, DEFAULT_PATH_QUERY.k),
    maxSteps: wholeIn(Number(query.maxSteps), 1, MAX_STEPS, DEFAULT_PATH_QUERY.maxSteps),
    directed: query.directed === true,
    types: [...new Set(query.types ?? [])].sort(),
    minReliability: RELIABILITY_ORDER.includes(query.minReliability as Reliability)
      ? (query.minReliability as Reliability)
      : null,
    minCredibility:
      query.minCredibility != null && credibility >= 1 && credibility <= 6 && Number.isInteger(credibility)
        ? (credibility as Credibility)
        : null,
    dateFrom: dayOrNull(query.dateFrom ?? null),
    dateTo: dayOrNull(query.dateTo ?? null),
    includeUndated: query.includeUndated !== false,
    exclude: [...new Set(query.exclude ?? [])].sort(),
    shown: query.shown != null && Number.isInteger(query.shown) && query.shown >= 0 ? query.shown : null,
  };
}

/** Whether two queries ask the same search (the path shown aside). */
export function sameSearch(a: PathQuery, b: PathQuery): boolean {
  const { shown: _a, ...restA } = a;
  const { shown: _b, ...restB } = b;
  return JSON.stringify(restA) === JSON.stringify(restB);
}

/** The search a query becomes, over the relations the filters show. */
export function pathOptions(query: PathQuery, visibleRelationIds: ReadonlySet<string>): PathOptions {
  const windowed = query.dateFrom !== null || query.dateTo !== null;
  return {
    visibleRelationIds,
    directed: query.directed,
    k: query.k,
    maxSteps: query.maxSteps,
    ...(query.types.length > 0 ? { types: new Set(query.types) } : {}),
    ...(query.minReliability ? { minReliability: query.minReliability } : {}),
    ...(query.minCredibility ? { minCredibility: query.minCredibility } : {}),
    ...(windowed ? { window: { start: query.dateFrom ?? '0000-01-01', end: query.dateTo ?? '9999-12-31' } } : {}),
    includeUndated: query.includeUndated,
    ...(query.exclude.length > 0 ? { excludeActors: new Set(query.exclude) } : {}),
  };
}

/** Runs the query, or null when it does not name two actors of the graph. */
export function findPaths(
  index: GraphIndex,
  query: PathQuery,
  visibleRelationIds: ReadonlySet<string>,
): PathResult | null {
  if (!index.actorById.has(query.from) || !index.actorById.has(query.to)) return null;
  return kShortestPaths(index, query.from, query.to, pathOptions(query, visibleRelationIds));
}

/** The actors and relations to highlight: the path picked, or every path found. */
export function pathHighlight(
  result: PathResult,
  shown: number | null,
): { actorIds: Set<string>; relationIds: Set<string> } {
  const picked = shown !== null && result.paths[shown] ? [result.paths[shown]] : result.paths;
  const actorIds = new Set<string>();
  const relationIds = new Set<string>();
  for (const path of picked) {
    for (const id of path.actorIds) actorIds.add(id);
    for (const step of path.steps) {
      relationIds.add(step.relationId);
      for (const id of step.otherRelationIds) relationIds.add(id);
    }
  }
  return { actorIds, relationIds };
}

const labelOf = (index: GraphIndex, id: string) => index.actorById.get(id)?.label ?? id;

/** The path-only constraints in words, one line each; none when the query adds nothing to the filters. */
export function describePathConstraints(index: GraphIndex, query: PathQuery): string[] {
  const lines = [`at most ${query.maxSteps} steps, ${query.directed ? 'following direction' : 'either direction'}`];
  if (query.types.length > 0) {
    const labels = query.types.map((id) => index.typeById.get(id)?.label ?? id);
    lines.push(`only relations: ${labels.join(', ')}`);
  }
  if (query.minReliability || query.minCredibility) {
    const grade = [query.minReliability, query.minCredibility].filter(Boolean).join('');
    lines.push(`every step supported by evidence graded ${grade} or better`);
  }
  if (query.dateFrom || query.dateTo) {
    const undated = query.includeUndated ? ', undated relations allowed' : ', undated relations not used';
    lines.push(`steps dated within ${query.dateFrom ?? 'any'} to ${query.dateTo ?? 'any'}${undated}`);
  }
  if (query.exclude.length > 0) lines.push(`not through ${query.exclude.map((id) => labelOf(index, id)).join(', ')}`);
  return lines;
}

/** "Path 2 of 3: Qais al-Khazali — leads — … (4 steps; weakest link C3)" */
export function describePath(index: GraphIndex, path: ActorPath, place: number, of: number): string {
  const weakest = path.steps[path.weakestStep];
  const steps = `${path.steps.length} step${path.steps.length === 1 ? '' : 's'}`;
  const grade = weakest ? `; weakest link ${gradeCode(weakest.grade)}` : '';
  return `Path ${place + 1} of ${of}: ${pathInWords(index, path)} (${steps}${grade})`;
}

/** One row per step of every path, for the CSV. */
export interface PathStepRecord {
  path: number;
  step: number;
  from: string;
  relation: string;
  to: string;
  weakestLink: 'yes' | '';
  quote: string;
  attributedTo: string;
  claimant: string;
  source: string;
  reliability: string;
  credibility: number;
  date: string;
  relationId: string;
  otherRelationIds: string;
}

export const PATH_STEP_COLUMNS: readonly (keyof PathStepRecord)[] = [
  'path',
  'step',
  'from',
  'relation',
  'to',
  'weakestLink',
  'quote',
  'attributedTo',
  'claimant',
  'source',
  'reliability',
  'credibility',
  'date',
  'relationId',
  'otherRelationIds',
];

/** Every step of every path with its strongest evidence, as rows. */
export function pathStepRecords(index: GraphIndex, result: PathResult): PathStepRecord[] {
  return result.paths.flatMap((path, pathIndex) =>
    path.steps.map((step, stepIndex) => {
      const relation = index.relationById.get(step.relationId);
      const type = relation ? index.typeById.get(relation.type) : undefined;
      const typeLabel = type ? (step.forward ? type.label : inverseLabel(type)) : '';
      const source = index.sourceById.get(step.strongest.source);
      return {
        path: pathIndex + 1,
        step: stepIndex + 1,
        from: labelOf(index, step.from),
        relation: typeLabel || (relation?.type ?? ''),
        to: labelOf(index, step.to),
        weakestLink: stepIndex === path.weakestStep ? 'yes' : '',
        quote: step.strongest.quote,
        attributedTo: step.strongest.attributedTo,
        claimant: step.strongest.claimant ? labelOf(index, step.strongest.claimant) : '',
        source: source ? `${source.publisher}: ${source.title}` : step.strongest.source,
        reliability: step.strongest.reliability,
        credibility: step.strongest.credibility,
        date: relation?.date ?? '',
        relationId: step.relationId,
        otherRelationIds: step.otherRelationIds.join(' '),
      };
    }),
  );
}
