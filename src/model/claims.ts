// The claims about one actor, side by side: what is asserted on one side,
// what denies or undercuts it on the other, matched where a relation answers
// another. Pure: the claims view and its exports draw what this returns.

import { type Corroboration, claimantKey, corroborationLine, corroborationOf, gradeCode } from './corroboration.ts';
import {
  type Actor,
  CREDIBILITY_WORDS,
  type EvidenceItem,
  type Graph,
  RELIABILITY_WORDS,
  type Relation,
  type Source,
  stanceOf,
} from './graph.ts';
import { type GraphIndex, relationsOf, sourceCitation } from './queries.ts';

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
  // The roots are in file order (relationsOf), and the sort is stable: each group stays in file order.
  const disputedFirst = (thread: ClaimThread) => (thread.answers.length > 0 || thread.contradicting.length > 0 ? 0 : 1);
  threads.sort((a, b) => disputedFirst(a) - disputedFirst(b));

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
export function claimantOptions(graph: Graph): ClaimantOption[] {
  const options = new Map<string, ClaimantOption>();
  const actorById = new Map(graph.actors.map((actor) => [actor.id, actor]));
  for (const owner of [...graph.actors, ...graph.relations]) {
    for (const item of owner.evidence) {
      const key = claimantKey(item);
      const option = options.get(key);
      if (option) option.count++;
      else {
        const claimant = typeof item.claimant === 'string' ? actorById.get(item.claimant) : undefined;
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

/** One claim as an exported picture prints it. */
export interface ClaimText {
  quote: string;
  /** "Claim made by: Kataib Hezbollah (Kataib Hezbollah, in a statement)" */
  who: string;
  /** "Global Research · source D: not usually reliable · report 3: possibly true" */
  source: string;
  contradicts: boolean;
}

export interface ClaimsSnapshotThread {
  sentence: string;
  /** "2 sources, 3 claimants, 1 contradicting · best grade B2" */
  corroboration: string;
  asserted: ClaimText[];
  /** Contradicting items first, then each answer's heading ("Answered by: …") and its claims. */
  against: (ClaimText | { answeredBy: string })[];
}

/** What an exported picture of the claims view says, so that it stands alone in a report. */
export interface ClaimsSnapshotContent {
  title: string;
  /** The graph's title and the date of the export. */
  subtitle: string;
  countLine: string;
  filterLines: string[];
  threads: ClaimsSnapshotThread[];
  disagreements: { about: string; text: string }[];
  sources: string[];
  gradeNote: string;
}

export const CLAIMS_GRADE_NOTE =
  'Grades: the letter rates the source (A completely reliable … D not usually reliable … F cannot be judged); ' +
  'the number rates the report the quote carries (1 confirmed … 4 doubtful … 6 cannot be judged): for a ' +
  'statement the source relays, that it was made as quoted, not that what it says is true.';

function claimText(claim: Claim): ClaimText {
  const { item, source, claimant } = claim;
  const who = claimant ? `${claimant.label} (${item.attributedTo})` : item.attributedTo;
  const grade = source
    ? ` · source ${source.reliability}: ${RELIABILITY_WORDS[source.reliability]}`
    : ' · source not in the graph';
  return {
    quote: item.quote,
    who: `Claim made by: ${who}`,
    source:
      `${source?.publisher ?? item.source}${grade} · ` +
      `report ${item.credibility}: ${CREDIBILITY_WORDS[item.credibility]}`,
    contradicts: claim.contradicts,
  };
}

/** The exported picture's content: the claims shown, in the order shown, with the filters in force. */
export function claimsSnapshotContent(
  graph: Graph,
  claims: ClaimsAbout,
  filterLines: readonly string[],
  today: string,
): ClaimsSnapshotContent {
  const threads = claims.threads.map((thread) => {
    const best = thread.corroboration.bestGrade;
    return {
      sentence: thread.relation.date ? `${thread.sentence} (${thread.relation.date})` : thread.sentence,
      corroboration: `${corroborationLine(thread.corroboration)}${best ? ` · best grade ${gradeCode(best)}` : ''}`,
      asserted: thread.asserted.map(claimText),
      against: [
        ...thread.contradicting.map(claimText),
        ...thread.answers.flatMap((answer) => [{ answeredBy: answer.sentence }, ...answer.claims.map(claimText)]),
      ],
    };
  });
  const cited = new Set<string>();
  for (const thread of claims.threads) {
    for (const claim of [...thread.asserted, ...thread.contradicting, ...thread.answers.flatMap((a) => a.claims)]) {
      cited.add(claim.item.source);
    }
  }
  return {
    title: `Claims about ${claims.actor.label}`,
    subtitle: `${graph.title} · exported ${today}`,
    countLine: `${claims.claimCount} claims in ${claims.threads.length} relations shown`,
    filterLines: [...filterLines],
    threads,
    disagreements: claims.disagreements.map(({ about, text }) => ({ about, text })),
    sources: graph.sources.filter((source) => cited.has(source.id)).map(sourceCitation),
    gradeNote: CLAIMS_GRADE_NOTE,
  };
}
