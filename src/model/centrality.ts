// Who matters in what is shown: degree, betweenness, eigenvector centrality
// and PageRank of every visible actor, and communities (Louvain). Pure. The
// measures run on a compact copy of the visible part (NetworkInput), which is
// also what the worker is sent: eigenvector centrality and PageRank from
// graphology-metrics, communities from graphology-communities-louvain,
// betweenness our own (see betweennessOf).
//
// Which graph each measure sees:
// - degrees count relations: parallel relations each count (three accusations
//   are three), and an undirected relation counts in both the in- and the
//   out-degree of both its ends, but once in the degree;
// - betweenness and eigenvector centrality see ties: two actors are tied when
//   at least one visible relation joins them, whatever its type or direction,
//   so parallel relations count once and a relation of an actor with itself
//   not at all;
// - PageRank follows direction: a directed relation is an arc from its
//   subject to its object, an undirected one an arc each way, and parallel
//   arcs add up (weight = how many relations).

import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import eigenvectorCentrality from 'graphology-metrics/centrality/eigenvector';
import pagerank from 'graphology-metrics/centrality/pagerank';
import type {
  ActorScores,
  CentralityResult,
  Communities,
  NetworkAnalysis,
  NetworkInput,
} from './centrality-results.ts';
import { networkInputOf } from './centrality-results.ts';
import type { VisibleSubgraph } from './filter.ts';
import type { Graph as GraphFile } from './graph.ts';
import { mulberry32 } from './seeded-random.ts';

// The results' types and helpers (ranking, sizes, colours), for callers that want the whole API in one place.
export * from './centrality-results.ts';

/**
 * Betweenness is one breadth-first search per actor (Brandes), each about
 * actors + 4 × ties steps in the actor's part of the graph. Up to this many
 * steps in all (some 3-4 s in a worker on a 2-core laptop) it is exact; above,
 * it is estimated from the searches of a seeded sample of actors that fits
 * the budget (Brandes and Pich 2007), and the result says from how many.
 */
export const BETWEENNESS_STEP_LIMIT = 250_000_000;

/** Power iterations allowed to eigenvector centrality and PageRank before they are declared unsettled. */
export const MAX_ITERATIONS = 1_000;

/** Every measure for every visible actor. */
export function centralityOf(graph: GraphFile, visible: VisibleSubgraph): CentralityResult {
  return centralityOfInput(networkInputOf(graph, visible));
}

export interface CentralityOptions {
  /** Replaces MAX_ITERATIONS (tests force a failure to settle with a small one). */
  maxIterations?: number;
  /** Replaces BETWEENNESS_STEP_LIMIT (tests force an estimate with a small one). */
  betweennessStepLimit?: number;
}

export function centralityOfInput(input: NetworkInput, options: CentralityOptions = {}): CentralityResult {
  const { actorIds, from, to, directed } = input;
  const n = actorIds.length;
  const degree = new Array<number>(n).fill(0);
  const inDegree = new Array<number>(n).fill(0);
  const outDegree = new Array<number>(n).fill(0);
  for (let r = 0; r < from.length; r++) {
    const a = from[r] ?? 0;
    const b = to[r] ?? 0;
    degree[a] = (degree[a] ?? 0) + 1;
    if (b !== a) degree[b] = (degree[b] ?? 0) + 1;
    outDegree[a] = (outDegree[a] ?? 0) + 1;
    inDegree[b] = (inDegree[b] ?? 0) + 1;
    if (directed[r] === 0) {
      outDegree[b] = (outDegree[b] ?? 0) + 1;
      inDegree[a] = (inDegree[a] ?? 0) + 1;
    }
  }

  const ties = tieGraph(input);
  const unavailable: CentralityResult['unavailable'] = [];
  const maxIterations = options.maxIterations ?? MAX_ITERATIONS;

  const { values: betweenness, sources } = betweennessOf(input, options.betweennessStepLimit ?? BETWEENNESS_STEP_LIMIT);

  let eigenvector: Record<string, number> | null = null;
  try {
    eigenvector = n > 0 ? eigenvectorCentrality(ties, { getEdgeWeight: null, maxIterations }) : {};
  } catch (error) {
    unavailable.push({ measure: 'eigenvector', reason: unsettled(error, maxIterations) });
  }

  let ranks: Record<string, number> | null = null;
  try {
    ranks = n > 0 ? pagerank(arcGraph(input), { getEdgeWeight: 'weight', maxIterations }) : {};
  } catch (error) {
    unavailable.push({ measure: 'pagerank', reason: unsettled(error, maxIterations) });
  }

  const actors = actorIds.map(
    (id, index): ActorScores => ({
      id,
      degree: degree[index] ?? 0,
      inDegree: inDegree[index] ?? 0,
      outDegree: outDegree[index] ?? 0,
      betweenness: betweenness[index] ?? 0,
      eigenvector: eigenvector ? (eigenvector[id] ?? 0) : null,
      pagerank: ranks ? (ranks[id] ?? 0) : null,
    }),
  );
  const betweennessSample = sources < n ? sources : null;
  return { actors, ties: ties.size, relations: from.length, unavailable, betweennessSample };
}

/** Why an iterative measure gave no answer: graphology throws when it has not settled. */
function unsettled(error: unknown, maxIterations: number): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/converge/i.test(message)) {
    const rounds = `${maxIterations.toLocaleString('en')} round${maxIterations === 1 ? '' : 's'}`;
    return `its values had not settled after ${rounds}`;
  }
  return message;
}

/**
 * Normalised betweenness over the ties (Brandes 2001, unweighted), with the
 * number of actors whose searches were summed: all of them, or a seeded
 * sample when the work would exceed `stepLimit` (the sum then scaled up).
 * Written here rather than taken from graphology-metrics, which gives the
 * same values (the tests compare them) but allocates a list per actor per
 * search and ran 2-3 times slower on 5,000 actors; its path counts are also
 * 32-bit integers, which overflow on big, regular graphs.
 */
function betweennessOf(input: NetworkInput, stepLimit: number): { values: Float64Array; sources: number } {
  const n = input.actorIds.length;
  const { starts, neighbours } = tieLists(input);
  const values = new Float64Array(n);
  if (n < 3) return { values, sources: n };
  const stepsPerSearch = n + 4 * (neighbours.length / 2);
  const sources = Math.max(1, Math.min(n, Math.floor(stepLimit / stepsPerSearch)));
  const order = sampleOrder(n, sources);
  const sigma = new Float64Array(n);
  const delta = new Float64Array(n);
  const distance = new Int32Array(n).fill(-1);
  const visited = new Uint32Array(n);
  for (let s = 0; s < sources; s++) {
    const source = order[s] ?? 0;
    distance[source] = 0;
    sigma[source] = 1;
    visited[0] = source;
    let head = 0;
    let tail = 1;
    while (head < tail) {
      const v = visited[head++] ?? 0;
      const next = (distance[v] ?? 0) + 1;
      const paths = sigma[v] ?? 0;
      for (let j = starts[v] ?? 0, end = starts[v + 1] ?? 0; j < end; j++) {
        const w = neighbours[j] ?? 0;
        if (distance[w] === -1) {
          distance[w] = next;
          visited[tail++] = w;
        }
        if (distance[w] === next) sigma[w] = (sigma[w] ?? 0) + paths;
      }
    }
    // Dependencies, farthest first: each actor passes its share back to those one step nearer the source.
    for (let k = tail - 1; k > 0; k--) {
      const w = visited[k] ?? 0;
      const nearer = (distance[w] ?? 0) - 1;
      const share = (1 + (delta[w] ?? 0)) / (sigma[w] ?? 1);
      for (let j = starts[w] ?? 0, end = starts[w + 1] ?? 0; j < end; j++) {
        const v = neighbours[j] ?? 0;
        if (distance[v] === nearer) delta[v] = (delta[v] ?? 0) + (sigma[v] ?? 0) * share;
      }
      values[w] = (values[w] ?? 0) + (delta[w] ?? 0);
    }
    // Only the source's part of the graph was touched: reset just that.
    for (let k = 0; k < tail; k++) {
      const v = visited[k] ?? 0;
      distance[v] = -1;
      sigma[v] = 0;
      delta[v] = 0;
    }
  }
  // Each pair is counted from both ends; normalised by the (n-1)(n-2)/2 pairs not including the actor.
  const scale = n / sources / ((n - 1) * (n - 2));
  for (let i = 0; i < n; i++) values[i] = (values[i] ?? 0) * scale;
  return { values, sources };
}

/** Each actor's tied neighbours, as one array sliced by `starts` (actor i: starts[i] to starts[i + 1]). */
function tieLists(input: NetworkInput): { starts: Uint32Array; neighbours: Uint32Array } {
  const n = input.actorIds.length;
  const seen = new Set<number>();
  const ends: number[] = [];
  for (let r = 0; r < input.from.length; r++) {
    const a = input.from[r] ?? 0;
    const b = input.to[r] ?? 0;
    if (a === b) continue;
    const key = a < b ? a * n + b : b * n + a;
    if (seen.has(key)) continue;
    seen.add(key);
    ends.push(a, b);
  }
  const starts = new Uint32Array(n + 1);
  for (const end of ends) starts[end + 1] = (starts[end + 1] ?? 0) + 1;
  for (let i = 0; i < n; i++) starts[i + 1] = (starts[i + 1] ?? 0) + (starts[i] ?? 0);
  const filled = starts.slice(0, n);
  const neighbours = new Uint32Array(ends.length);
  for (let e = 0; e < ends.length; e += 2) {
    const a = ends[e] ?? 0;
    const b = ends[e + 1] ?? 0;
    for (const [end, other] of [
      [a, b],
      [b, a],
    ] as const) {
      const slot = filled[end] ?? 0;
      filled[end] = slot + 1;
      neighbours[slot] = other;
    }
  }
  return { starts, neighbours };
}

/** 0..n-1, its first `count` a seeded random sample when count < n (a partial Fisher-Yates shuffle). */
function sampleOrder(n: number, count: number): Uint32Array {
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  if (count >= n) return order;
  const random = mulberry32(BETWEENNESS_SEED);
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(random() * (n - i));
    const chosen = order[j] ?? 0;
    order[j] = order[i] ?? 0;
    order[i] = chosen;
  }
  return order;
}

/** The seed of the sample betweenness is estimated from: the same graph, the same estimate. */
const BETWEENNESS_SEED = 1107;

/** The undirected simple graph of ties between visible actors (no loops, parallel relations once). */
function tieGraph(input: NetworkInput): Graph {
  const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  for (const id of input.actorIds) graph.addNode(id);
  for (let r = 0; r < input.from.length; r++) {
    const a = input.from[r] ?? 0;
    const b = input.to[r] ?? 0;
    if (a === b) continue;
    const first = input.actorIds[a] ?? '';
    const second = input.actorIds[b] ?? '';
    if (!graph.hasEdge(first, second)) graph.addEdge(first, second);
  }
  return graph;
}

/** Arcs for PageRank: subject to object, both ways for an undirected relation, weighted by their number. */
function arcGraph(input: NetworkInput): Graph {
  const graph = new Graph({ type: 'directed', multi: false, allowSelfLoops: false });
  for (const id of input.actorIds) graph.addNode(id);
  const addArc = (a: string, b: string) => {
    const edge = graph.edge(a, b);
    if (edge === undefined) graph.addEdge(a, b, { weight: 1 });
    else graph.updateEdgeAttribute(edge, 'weight', (weight) => Number(weight) + 1);
  };
  for (let r = 0; r < input.from.length; r++) {
    const a = input.from[r] ?? 0;
    const b = input.to[r] ?? 0;
    if (a === b) continue;
    const subject = input.actorIds[a] ?? '';
    const object = input.actorIds[b] ?? '';
    addArc(subject, object);
    if (input.directed[r] === 0) addArc(object, subject);
  }
  return graph;
}

/** The seed of Louvain's random order: the same visible graph always splits the same way. */
export const LOUVAIN_SEED = 20211107;

/** Communities of the visible actors: Louvain on the ties (as betweenness sees them), seeded. */
export function communitiesOf(graph: GraphFile, visible: VisibleSubgraph): Communities {
  return communitiesOfInput(networkInputOf(graph, visible));
}

export function communitiesOfInput(input: NetworkInput): Communities {
  const ties = tieGraph(input);
  // Louvain visits actors in a random order: seeded, so the same graph always splits the same way.
  const detailed = louvain.detailed(ties, { getEdgeWeight: null, rng: mulberry32(LOUVAIN_SEED) });
  const found = detailed.communities;
  // Louvain numbers communities as it meets them: renumber by size, largest first.
  const members = new Map<number, number>();
  const firstSeen = new Map<number, number>();
  input.actorIds.forEach((id, index) => {
    const community = found[id] ?? -1;
    members.set(community, (members.get(community) ?? 0) + 1);
    if (!firstSeen.has(community)) firstSeen.set(community, index);
  });
  const order = [...members.keys()].sort(
    (a, b) => (members.get(b) ?? 0) - (members.get(a) ?? 0) || (firstSeen.get(a) ?? 0) - (firstSeen.get(b) ?? 0),
  );
  const renumbered = new Map(order.map((community, index) => [community, index]));
  const communityOf = new Map(input.actorIds.map((id) => [id, renumbered.get(found[id] ?? -1) ?? 0]));
  return {
    communityOf,
    sizes: order.map((community) => members.get(community) ?? 0),
    count: order.length,
    modularity: ties.size > 0 && Number.isFinite(detailed.modularity) ? detailed.modularity : null,
  };
}

/** Both analyses of one input (what the worker runs). */
export function analyseNetwork(input: NetworkInput): NetworkAnalysis {
  return { centrality: centralityOfInput(input), communities: communitiesOfInput(input) };
}
