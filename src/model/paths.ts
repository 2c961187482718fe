// How two actors are connected: the k shortest simple paths between them (Yen's
// algorithm over hop counts), each step with its strongest evidence, and the
// actors linked to all of a set. Pure.
//
// A path is a sequence of actors; between two neighbours on it, the step uses the
// walkable relation with the best evidence (ties to the smaller relation id), and
// the others linking the same pair that way are listed with it. Listing every
// parallel relation as a path of its own would fill the k places with one route.

import { type Grade, gradeCode } from './corroboration.ts';
import { type DaySpan, parseDateOrRange, spansOverlap } from './dates.ts';
import { RELIABILITY_ORDER } from './filter.ts';
import { type Credibility, type EvidenceItem, type Relation, type Reliability, stanceOf } from './graph.ts';
import { type GraphIndex, inverseLabel, relationsOf } from './queries.ts';

export interface PathOptions {
  /** The relations the filters in force show; no path leaves them. */
  visibleRelationIds: ReadonlySet<string>;
  /** Follow relations only from → to; undirected relation types are walked both ways regardless. */
  directed: boolean;
  /** How many paths at most; 5 unless given. */
  k?: number;
  /** The longest path, in steps; 6 unless given. */
  maxSteps?: number;
  /** Relation types a path may use; all when absent. */
  types?: ReadonlySet<string>;
  /** A step needs a supporting item from a source this reliable or better. */
  minReliability?: Reliability;
  /** A step needs a supporting item this credible or better (the same item as for reliability). */
  minCredibility?: Credibility;
  /** A dated relation is walkable when its date overlaps this window. */
  window?: DaySpan;
  /** With a window, whether undated relations are walkable; true unless given. */
  includeUndated?: boolean;
  /** Actors no path goes through. */
  excludeActors?: ReadonlySet<string>;
  /** Bounds on the work: searches from a spur actor, and actors taken from a search's queue. */
  maxSpurSearches?: number;
  maxVisitedActors?: number;
}

/** The evidence item that best supports a step, with its grade. */
export interface StepEvidence {
  quote: string;
  attributedTo: string;
  claimant: string | null;
  source: string;
  reliability: Reliability;
  credibility: Credibility;
}

export interface PathStep {
  relationId: string;
  /** The actors as the path walks them. */
  from: string;
  to: string;
  /** Whether the path walks the relation from its `from` to its `to`. */
  forward: boolean;
  strongest: StepEvidence;
  grade: Grade;
  /** Other walkable relations between the same two actors, the same way, by relation id. */
  otherRelationIds: string[];
}

export interface ActorPath {
  actorIds: string[];
  steps: PathStep[];
  /** Index of the step whose best evidence is the worst (the first such step). */
  weakestStep: number;
}

export interface PathResult {
  /** Shortest first. */
  paths: ActorPath[];
  /** True when a bound on the work stopped the search: longer or more paths may exist. */
  stoppedEarly: boolean;
  /** In words, when the search stopped early. */
  stopReason: string | null;
  /** In words, when there is no path: why, as far as it can be told. */
  noPathReason: string | null;
  spurSearches: number;
  visitedActors: number;
}

export const DEFAULT_K = 5;
export const DEFAULT_MAX_STEPS = 6;
/** Bounds that keep a search on a big, dense graph to well under a second. */
export const DEFAULT_MAX_SPUR_SEARCHES = 500;
export const DEFAULT_MAX_VISITED_ACTORS = 200_000;

const RELIABILITY_RANK = new Map(RELIABILITY_ORDER.map((letter, rank) => [letter, rank]));
const rankOf = (reliability: Reliability) => RELIABILITY_RANK.get(reliability) ?? RELIABILITY_ORDER.length;

/** Negative when a is the better grade: reliability letter first, then credibility. */
export function compareGrades(a: Grade, b: Grade): number {
  return rankOf(a.reliability) - rankOf(b.reliability) || a.credibility - b.credibility;
}

/** What a walk may use: the filters in force and the path-only constraints. */
interface WalkRules {
  visible: ReadonlySet<string> | null;
  types: ReadonlySet<string> | null;
  minReliability: Reliability | null;
  minCredibility: Credibility | null;
  window: DaySpan | null;
  includeUndated: boolean;
  directed: boolean;
  exclude: ReadonlySet<string>;
}

interface Move {
  to: string;
  relation: Relation;
  forward: boolean;
  strongest: StepEvidence;
  grade: Grade;
  others: string[];
}

function strongestSupport(
  index: GraphIndex,
  evidence: readonly EvidenceItem[],
  rules: WalkRules,
): { item: StepEvidence; grade: Grade } | null {
  let best: { item: StepEvidence; grade: Grade } | null = null;
  for (const item of evidence) {
    if (stanceOf(item) === 'contradicts') continue;
    const source = index.sourceById.get(item.source);
    if (!source) continue;
    if (rules.minReliability !== null && rankOf(source.reliability) > rankOf(rules.minReliability)) continue;
    if (rules.minCredibility !== null && item.credibility > rules.minCredibility) continue;
    const grade: Grade = { reliability: source.reliability, credibility: item.credibility };
    if (best === null || compareGrades(grade, best.grade) < 0) {
      const stepEvidence: StepEvidence = {
        quote: item.quote,
        attributedTo: item.attributedTo,
        claimant: item.claimant ?? null,
        source: item.source,
        reliability: source.reliability,
        credibility: item.credibility,
      };
      best = { item: stepEvidence, grade };
    }
  }
  return best;
}

function dateAllows(relation: Relation, rules: WalkRules): boolean {
  if (rules.window === null) return true;
  if (relation.date === undefined) return rules.includeUndated;
  const parsed = parseDateOrRange(relation.date);
  return parsed.ok && spansOverlap(parsed.span, rules.window);
}

/** The moves out of each actor, computed when first asked for: a search touches only what it reaches. */
function moveFinder(index: GraphIndex, rules: WalkRules): (actorId: string) => readonly Move[] {
  const cache = new Map<string, Move[]>();
  return (actorId) => {
    const cached = cache.get(actorId);
    if (cached) return cached;
    const byNeighbour = new Map<string, Move>();
    for (const relation of relationsOf(index, actorId)) {
      if (relation.from === relation.to) continue;
      if (rules.visible !== null && !rules.visible.has(relation.id)) continue;
      if (rules.types !== null && !rules.types.has(relation.type)) continue;
      const forward = relation.from === actorId;
      const type = index.typeById.get(relation.type);
      if (rules.directed && !forward && type?.directed !== false) continue;
      const to = forward ? relation.to : relation.from;
      if (rules.exclude.has(to) || !index.actorById.has(to)) continue;
      if (!dateAllows(relation, rules)) continue;
      const support = strongestSupport(index, relation.evidence, rules);
      if (support === null) continue;
      const move: Move = { to, relation, forward, strongest: support.item, grade: support.grade, others: [] };
      const current = byNeighbour.get(to);
      if (!current) byNeighbour.set(to, move);
      else {
        const better =
          compareGrades(move.grade, current.grade) < 0 ||
          (compareGrades(move.grade, current.grade) === 0 && move.relation.id < current.relation.id);
        const [kept, other] = better ? [move, current] : [current, move];
        kept.others = [...current.others, other.relation.id].sort();
        byNeighbour.set(to, kept);
      }
    }
    const moves = [...byNeighbour.values()].sort((a, b) => (a.relation.id < b.relation.id ? -1 : 1));
    cache.set(actorId, moves);
    return moves;
  };
}

interface Budget {
  visited: number;
  maxVisited: number;
  exhausted: boolean;
}

/**
 * The shortest walk (fewest steps, at most `maxSteps`) by breadth-first search;
 * neighbours in relation id order make ties go to the smallest relation ids.
 */
function shortestWalk(
  moves: (actorId: string) => readonly Move[],
  from: string,
  to: string,
  maxSteps: number,
  blockedActors: ReadonlySet<string>,
  blockedEdges: ReadonlySet<string>,
  budget: Budget,
): Move[] | null {
  if (from === to) return [];
  const reachedBy = new Map<string, { previous: string; move: Move } | null>([[from, null]]);
  let frontier = [from];
  for (let depth = 0; depth < maxSteps && frontier.length > 0; depth++) {
    const next: string[] = [];
    for (const actorId of frontier) {
      if (budget.visited >= budget.maxVisited) {
        budget.exhausted = true;
        return null;
      }
      budget.visited++;
      for (const move of moves(actorId)) {
        if (reachedBy.has(move.to) || blockedActors.has(move.to)) continue;
        if (blockedEdges.has(edgeKey(actorId, move.to))) continue;
        reachedBy.set(move.to, { previous: actorId, move });
        if (move.to === to) return walkBack(reachedBy, to);
        next.push(move.to);
      }
    }
    frontier = next;
  }
  return null;
}

function walkBack(reachedBy: Map<string, { previous: string; move: Move } | null>, to: string): Move[] {
  const walk: Move[] = [];
  let link = reachedBy.get(to);
  while (link) {
    walk.push(link.move);
    link = reachedBy.get(link.previous);
  }
  return walk.reverse();
}

const edgeKey = (from: string, to: string) => `${from}\u0000${to}`;

interface Candidate {
  actorIds: string[];
  moves: Move[];
  key: string;
}

function candidate(from: string, moves: Move[]): Candidate {
  const actorIds = [from, ...moves.map((move) => move.to)];
  return { actorIds, moves, key: actorIds.join('\u0000') };
}

/** Fewer steps first; then by the relation ids along the path. */
function compareCandidates(a: Candidate, b: Candidate): number {
  if (a.moves.length !== b.moves.length) return a.moves.length - b.moves.length;
  for (let i = 0; i < a.moves.length; i++) {
    const x = a.moves[i]?.relation.id ?? '';
    const y = b.moves[i]?.relation.id ?? '';
    if (x !== y) return x < y ? -1 : 1;
  }
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

function toPath(found: Candidate): ActorPath {
  const steps: PathStep[] = found.moves.map((move, i) => ({
    relationId: move.relation.id,
    from: found.actorIds[i] ?? '',
    to: move.to,
    forward: move.forward,
    strongest: move.strongest,
    grade: move.grade,
    otherRelationIds: move.others,
  }));
  let weakestStep = 0;
  steps.forEach((step, i) => {
    const weakest = steps[weakestStep];
    if (weakest && compareGrades(step.grade, weakest.grade) > 0) weakestStep = i;
  });
  return { actorIds: found.actorIds, steps, weakestStep };
}

function rulesOf(options: PathOptions): WalkRules {
  return {
    visible: options.visibleRelationIds,
    types: options.types ?? null,
    minReliability: options.minReliability ?? null,
    minCredibility: options.minCredibility ?? null,
    window: options.window ?? null,
    includeUndated: options.includeUndated ?? true,
    directed: options.directed,
    exclude: options.excludeActors ?? new Set(),
  };
}

const NO_RULES: WalkRules = {
  visible: null,
  types: null,
  minReliability: null,
  minCredibility: null,
  window: null,
  includeUndated: true,
  directed: false,
  exclude: new Set(),
};

/**
 * The k shortest simple paths from one actor to another (Yen's algorithm), over
 * the relations the filters show and the path constraints allow. The work is
 * bounded; a result cut short says so.
 */
export function kShortestPaths(index: GraphIndex, from: string, to: string, options: PathOptions): PathResult {
  const k = Math.max(0, Math.floor(options.k ?? DEFAULT_K));
  const maxSteps = Math.max(0, Math.floor(options.maxSteps ?? DEFAULT_MAX_STEPS));
  const maxSpurSearches = options.maxSpurSearches ?? DEFAULT_MAX_SPUR_SEARCHES;
  const budget: Budget = {
    visited: 0,
    maxVisited: options.maxVisitedActors ?? DEFAULT_MAX_VISITED_ACTORS,
    exhausted: false,
  };
  const result = (paths: ActorPath[], noPathReason: string | null, spurSearches: number): PathResult => ({
    paths,
    stoppedEarly: budget.exhausted,
    stopReason: budget.exhausted ? stopWords(budget, maxSpurSearches, spurSearches, paths.length) : null,
    noPathReason,
    spurSearches,
    visitedActors: budget.visited,
  });

  const unusable = endpointProblem(index, from, to, options);
  if (unusable !== null) return result([], unusable, 0);

  const rules = rulesOf(options);
  const moves = moveFinder(index, rules);
  const none = new Set<string>();
  const first = shortestWalk(moves, from, to, maxSteps, none, none, budget);
  if (first === null) {
    if (budget.exhausted) return result([], 'no path was found before the search stopped', 0);
    return result([], whyNoPath(index, from, to, options, maxSteps, budget), 0);
  }
  if (k === 0) return result([], null, 0);

  const found: Candidate[] = [candidate(from, first)];
  const seen = new Set([found[0]?.key]);
  const waiting: Candidate[] = [];
  let spurSearches = 0;
  while (found.length < k && !budget.exhausted) {
    const last = found[found.length - 1];
    if (!last) break;
    for (let i = 0; i < last.moves.length && !budget.exhausted; i++) {
      if (spurSearches >= maxSpurSearches) {
        budget.exhausted = true;
        break;
      }
      const spur = last.actorIds[i] ?? '';
      const root = last.actorIds.slice(0, i + 1);
      const blockedEdges = new Set<string>();
      for (const path of found) {
        if (path.actorIds.length > i + 1 && root.every((actorId, j) => path.actorIds[j] === actorId)) {
          blockedEdges.add(edgeKey(spur, path.actorIds[i + 1] ?? ''));
        }
      }
      const blockedActors = new Set(root.slice(0, i));
      spurSearches++;
      const spurWalk = shortestWalk(moves, spur, to, maxSteps - i, blockedActors, blockedEdges, budget);
      if (spurWalk === null) continue;
      const joined = candidate(from, [...last.moves.slice(0, i), ...spurWalk]);
      if (seen.has(joined.key)) continue;
      seen.add(joined.key);
      waiting.push(joined);
    }
    if (waiting.length === 0) break;
    waiting.sort(compareCandidates);
    const next = waiting.shift();
    if (next) found.push(next);
  }
  return result(found.map(toPath), null, spurSearches);
}

function stopWords(budget: Budget, maxSpurSearches: number, spurSearches: number, pathCount: number): string {
  const bound =
    spurSearches >= maxSpurSearches
      ? `${maxSpurSearches.toLocaleString('en')} searches`
      : `visiting ${budget.maxVisited.toLocaleString('en')} actors`;
  const shown = pathCount === 0 ? 'no path was found' : `the ${pathCount} shortest found are listed`;
  return `the search stopped after ${bound}: ${shown}; more paths may exist`;
}

const labelOf = (index: GraphIndex, actorId: string) => index.actorById.get(actorId)?.label ?? actorId;

function endpointProblem(index: GraphIndex, from: string, to: string, options: PathOptions): string | null {
  for (const actorId of [from, to]) {
    if (!index.actorById.has(actorId)) return `there is no actor "${actorId}" in this graph`;
  }
  if (from === to) return 'pick two different actors';
  for (const actorId of [from, to]) {
    if (options.excludeActors?.has(actorId)) return `${labelOf(index, actorId)} is one of the excluded actors`;
  }
  return null;
}

/**
 * Why there is no path: not connected at all, not by what the filters show, or
 * blocked by the path constraints that on their own leave none.
 */
function whyNoPath(
  index: GraphIndex,
  from: string,
  to: string,
  options: PathOptions,
  maxSteps: number,
  budget: Budget,
): string {
  const pair = `${labelOf(index, from)} and ${labelOf(index, to)}`;
  const none = new Set<string>();
  const reach = (rules: WalkRules, steps = Number.POSITIVE_INFINITY) =>
    shortestWalk(moveFinder(index, rules), from, to, steps, none, none, budget);
  if (reach(NO_RULES) === null) return unlessStopped(budget, `${pair} are not connected in this graph`);
  const filtersOnly: WalkRules = { ...NO_RULES, visible: options.visibleRelationIds };
  const shortest = reach(filtersOnly);
  if (shortest === null) return unlessStopped(budget, `${pair} are not connected by the relations the filters show`);

  const constraints: { words: string; rules: WalkRules; steps?: number }[] = [];
  const rules = rulesOf(options);
  if (rules.types !== null) {
    constraints.push({
      words: 'no path using only the relation types chosen',
      rules: { ...filtersOnly, types: rules.types },
    });
  }
  if (rules.minReliability !== null || rules.minCredibility !== null) {
    const grade = gradeWordsFor(rules.minReliability, rules.minCredibility);
    constraints.push({
      words: `no path with every step graded ${grade}`,
      rules: { ...filtersOnly, minReliability: rules.minReliability, minCredibility: rules.minCredibility },
    });
  }
  if (rules.window !== null) {
    const undated = rules.includeUndated ? ' (undated relations included)' : ' (undated relations left out)';
    const { start, end } = rules.window;
    constraints.push({
      words: `no path dated within ${start} to ${end}${undated}`,
      rules: { ...filtersOnly, window: rules.window, includeUndated: rules.includeUndated },
    });
  }
  if (rules.directed) {
    constraints.push({
      words: `no path following the relations' direction from ${labelOf(index, from)} to ${labelOf(index, to)}`,
      rules: { ...filtersOnly, directed: true },
    });
  }
  if (rules.exclude.size > 0) {
    const names = [...rules.exclude].map((actorId) => labelOf(index, actorId)).join(', ');
    constraints.push({ words: `no path avoiding ${names}`, rules: { ...filtersOnly, exclude: rules.exclude } });
  }
  if (shortest.length > maxSteps) {
    constraints.push({
      words: `no path of ${maxSteps} steps or fewer (the shortest the filters allow has ${shortest.length})`,
      rules: filtersOnly,
      steps: maxSteps,
    });
  }
  const blocking = constraints.filter((constraint) => reach(constraint.rules, constraint.steps) === null);
  if (blocking.length > 0) return unlessStopped(budget, blocking.map((constraint) => constraint.words).join('; '));
  return unlessStopped(budget, 'no path meets all the constraints together, though each alone leaves one');
}

function unlessStopped(budget: Budget, words: string): string {
  return budget.exhausted ? 'no path was found before the search stopped' : words;
}

/** "C or better", "3 or better", "C3 or better" */
function gradeWordsFor(reliability: Reliability | null, credibility: Credibility | null): string {
  if (reliability !== null && credibility !== null) {
    return `${gradeCode({ reliability, credibility })} or better`;
  }
  return `${reliability ?? credibility} or better`;
}

/** "Qais al-Khazali — of — Asaib Ahl al-Haq — backed by — Iran" */
export function pathInWords(index: GraphIndex, path: ActorPath): string {
  const parts = [labelOf(index, path.actorIds[0] ?? '')];
  for (const step of path.steps) {
    const relation = index.relationById.get(step.relationId);
    const type = relation ? index.typeById.get(relation.type) : undefined;
    const label =
      type === undefined ? (relation?.type ?? step.relationId) : step.forward ? type.label : inverseLabel(type);
    parts.push(label, labelOf(index, step.to));
  }
  return parts.join(' — ');
}

export interface CommonNeighbour {
  actorId: string;
  /** The visible relations joining it to the given actors, by id. */
  via: string[];
}

/** The actors linked by a visible relation to every one of the given actors (in either direction), by label. */
export function commonNeighbours(
  index: GraphIndex,
  actorIds: readonly string[],
  visibleRelationIds: ReadonlySet<string>,
): CommonNeighbour[] {
  const given = new Set(actorIds);
  if (given.size === 0) return [];
  const linkedTo = new Map<string, { actors: Set<string>; via: Set<string> }>();
  for (const actorId of given) {
    for (const relation of relationsOf(index, actorId)) {
      if (!visibleRelationIds.has(relation.id) || relation.from === relation.to) continue;
      const other = relation.from === actorId ? relation.to : relation.from;
      if (given.has(other) || !index.actorById.has(other)) continue;
      let entry = linkedTo.get(other);
      if (!entry) {
        entry = { actors: new Set(), via: new Set() };
        linkedTo.set(other, entry);
      }
      entry.actors.add(actorId);
      entry.via.add(relation.id);
    }
  }
  return [...linkedTo]
    .filter(([, entry]) => entry.actors.size === given.size)
    .map(([actorId, entry]) => ({ actorId, via: [...entry.via].sort() }))
    .sort(
      (a, b) => labelOf(index, a.actorId).localeCompare(labelOf(index, b.actorId)) || (a.actorId < b.actorId ? -1 : 1),
    );
}
