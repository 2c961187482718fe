// The claims about one actor, side by side: what is asserted on one side,
// what denies or undercuts it on the other, matched where a relation answers
// another. Pure: the claims view and its exports draw what this returns.

import { type Corroboration, claimantKey, corroborationOf } from './corroboration.ts';
import { type Actor, type EvidenceItem, type Graph, type Relation, type Source, stanceOf } from './graph.ts';
import { type GraphIndex, relationsOf } from './queries.ts';

/** One evidence item, ready to be shown as a claim. */
export interface Claim {
  relation: Relation;
  /** Its place in the relation's evidence list (to jump to it). */
  evidenceIndex: number;
  item: EvidenceItem;
  source: Source | undefined;
  /** The claimant when it is an actor of the graph. */
  claimant: Actor | undefined;
  contradicts: boolean;
}

/** A relation answering the thread's relation (a denial), with its claims. */
export interface Answer {
  relation: Relation;
  sentence: string;
  claims: Claim[];
}

export interface ClaimThread {
  relation: Relation;
  /** "Kataib Hezbollah — suspected of — Drone attack" */
  sentence: string;
  corroboration: Corroboration;
  /** Items that support the relation. */
  asserted: Claim[];
  /** Items that undercut it. */
  contradicting: Claim[];
  /** Relations that answer it, each with its own claims. */
  answers: Answer[];
}

export interface Disagreement {
  /** The actor's label or the relation in words. */
  about: string;
  relationId: string | null;
  text: string;
}

export interface ClaimsAbout {
  actor: Actor;
  threads: ClaimThread[];
  /** Where the sources disagree, about the actor or one of the threads' relations. */
  disagreements: Disagreement[];
  /** Claims in all threads, answers included. */
  claimCount: number;
}

/** "Kataib Hezbollah — suspected of — Drone attack": the three parts set apart, for lists of claims. */
export function relationInWords(index: GraphIndex, relation: Relation): string {
  const from = index.actorById.get(relation.from)?.label ?? relation.from;
  const to = index.actorById.get(relation.to)?.label ?? relation.to;
  const type = index.typeById.get(relation.type)?.label ?? relation.type;
  return `${from} — ${type} — ${to}`;
}

function claimsOf(index: GraphIndex, relation: Relation): Claim[] {
  return relation.evidence.map((item, evidenceIndex) => ({
    relation,
    evidenceIndex,
    item,
    source: index.sourceById.get(item.source),
    claimant: typeof item.claimant === 'string' ? index.actorById.get(item.claimant) : undefined,
    contradicts: stanceOf(item) === 'contradicts',
  }));
}

/** Relations that answer each relation, in file order. */
export function answersIndex(graph: Graph): Map<string, Relation[]> {
  const answeredBy = new Map<string, Relation[]>();
  for (const relation of graph.relations) {
    for (const answered of relation.answers ?? []) {
      const list = answeredBy.get(answered) ?? [];
      if (!list.includes(relation)) list.push(relation);
      answeredBy.set(answered, list);
    }
  }
  return answeredBy;
}

/**
 * Every claim about an actor among the visible relations: each relation it
 * takes part in is a thread, unless it answers another visible relation about
 * the actor, in which case it is shown as that one's answer. Relations that
 * answer a thread are shown with it even when they do not name the actor.
 * Threads that are answered or contradicted come first, then by file order.
 */
export function claimsAbout(
  graph: Graph,
  index: GraphIndex,
  actorId: string,
  visibleRelationIds: ReadonlySet<string>,
): ClaimsAbout | null {
  const actor = index.actorById.get(actorId);
  if (!actor) return null;
  const answeredBy = answersIndex(graph);
  const about = relationsOf(index, actorId).filter((relation) => visibleRelationIds.has(relation.id));
  const aboutIds = new Set(about.map((relation) => relation.id));
  const roots = about.filter((relation) => !(relation.answers ?? []).some((id) => aboutIds.has(id)));
  const order = new Map(graph.relations.map((relation, position) => [relation.id, position]));

  const threads: ClaimThread[] = roots.map((relation) => {
    const claims = claimsOf(index, relation);
    const answers = (answeredBy.get(relation.id) ?? [])
      .filter((answer) => visibleRelationIds.has(answer.id))
      .map((answer) => ({
        relation: answer,
        sentence: relationInWords(index, answer),
        claims: claimsOf(index, answer),
      }));
    return {
      relation,
      sentence: relationInWords(index, relation),
      corroboration: corroborationOf(relation.evidence, index.sourceById),
      asserted: claims.filter((claim) => !claim.contradicts),
      contradicting: claims.filter((claim) => claim.contradicts),
      answers,
    };
  });
  const disputedFirst = (thread: ClaimThread) => (thread.answers.length > 0 || thread.contradicting.length > 0 ? 0 : 1);
  threads.sort(
    (a, b) => disputedFirst(a) - disputedFirst(b) || (order.get(a.relation.id) ?? 0) - (order.get(b.relation.id) ?? 0),
  );

  const disagreements: Disagreement[] = [];
  if (actor.disputed) disagreements.push({ about: actor.label, relationId: null, text: actor.disputed });
  const seen = new Set<string>();
  for (const thread of threads) {
    for (const relation of [thread.relation, ...thread.answers.map((answer) => answer.relation)]) {
      if (seen.has(relation.id) || !relation.disputed) continue;
      seen.add(relation.id);
      disagreements.push({
        about: relationInWords(index, relation),
        relationId: relation.id,
        text: relation.disputed,
      });
    }
  }
  const claimCount = threads.reduce(
    (total, thread) =>
      total +
      thread.asserted.length +
      thread.contradicting.length +
      thread.answers.reduce((sum, answer) => sum + answer.claims.length, 0),
    0,
  );
  return { actor, threads, disagreements, claimCount };
}

/** Someone who makes claims in the graph, for the "claims made by" filter. */
export interface ClaimantOption {
  key: string;
  /** The actor's label, or the words of `attributedTo` as first written. */
  label: string;
  isActor: boolean;
  /** Evidence items they make. */
  count: number;
}

/** Every claimant of the graph: actors first, then attributions in words, each by number of items. */
export function claimantOptions(graph: Graph, index: GraphIndex): ClaimantOption[] {
  const options = new Map<string, ClaimantOption>();
  for (const owner of [...graph.actors, ...graph.relations]) {
    for (const item of owner.evidence) {
      const key = claimantKey(item);
      const option = options.get(key);
      if (option) option.count++;
      else {
        const claimant = typeof item.claimant === 'string' ? index.actorById.get(item.claimant) : undefined;
        const isActor = typeof item.claimant === 'string';
        options.set(key, {
          key,
          label: claimant?.label ?? (isActor ? String(item.claimant) : item.attributedTo),
          isActor,
          count: 1,
        });
      }
    }
  }
  return [...options.values()].sort(
    (a, b) => Number(b.isActor) - Number(a.isActor) || b.count - a.count || a.label.localeCompare(b.label),
  );
}

/** One line of the claims export: a claim with where it stands. */
export interface ClaimRecord {
  thread: string;
  side: 'asserted' | 'contradicting' | 'answer';
  relation: string;
  stance: 'supports' | 'contradicts';
  claimant: string;
  attributedTo: string;
  quote: string;
  source: string;
  publisher: string;
  url: string;
  reliability: string;
  credibility: string;
  date: string;
  relationId: string;
}

function recordOf(thread: ClaimThread, side: ClaimRecord['side'], sentence: string, claim: Claim): ClaimRecord {
  return {
    thread: thread.sentence,
    side,
    relation: sentence,
    stance: claim.contradicts ? 'contradicts' : 'supports',
    claimant: claim.claimant?.label ?? '',
    attributedTo: claim.item.attributedTo,
    quote: claim.item.quote,
    source: claim.source?.title ?? claim.item.source,
    publisher: claim.source?.publisher ?? '',
    url: claim.source?.url ?? '',
    reliability: claim.source?.reliability ?? '',
    credibility: String(claim.item.credibility),
    date: claim.relation.date ?? '',
    relationId: claim.relation.id,
  };
}

/** Every claim of the view, one record each, in the order shown. */
export function claimRecords(claims: ClaimsAbout): ClaimRecord[] {
  const records: ClaimRecord[] = [];
  for (const thread of claims.threads) {
    for (const claim of thread.asserted) records.push(recordOf(thread, 'asserted', thread.sentence, claim));
    for (const claim of thread.contradicting) records.push(recordOf(thread, 'contradicting', thread.sentence, claim));
    for (const answer of thread.answers) {
      for (const claim of answer.claims) records.push(recordOf(thread, 'answer', answer.sentence, claim));
    }
  }
  return records;
}
