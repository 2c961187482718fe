// What the editor's forms hold while the analyst types (drafts: text as typed),
// how a draft becomes an item of the graph file, and which of the validator's
// problems belong to which field. Pure: the forms only display these.

import type { EditOperation, EvidenceOwner } from './edit.ts';
import type {
  Actor,
  Credibility,
  EvidenceItem,
  Graph,
  Relation,
  RelationFamily,
  RelationType,
  Reliability,
  Source,
  Stance,
} from './graph.ts';
import type { Problem } from './problems.ts';
import { relationId, slugFromLabel, uniqueId } from './slug.ts';
import { archiveFileName } from './source-text.ts';

export interface EvidenceDraft {
  source: string;
  quote: string;
  attributedTo: string;
  /** An actor id; '' for none given; NO_CLAIMANT_ACTOR for "no actor of the graph makes it". */
  claimant: string;
  stance: Stance;
  credibility: string;
  note: string;
}

/** The claimant choice that writes `claimant: null`. */
export const NO_CLAIMANT_ACTOR = '(none)';

export interface ActorDraft {
  label: string;
  kind: string;
  /** Separated by "|", as in the spreadsheets. */
  aliases: string;
  summary: string;
  disputed: string;
}

export interface RelationDraft {
  type: string;
  from: string;
  to: string;
  date: string;
  summary: string;
  disputed: string;
  /** Ids of the relations it answers. */
  answers: string[];
}

export interface SourceDraft {
  title: string;
  publisher: string;
  author: string;
  published: string;
  url: string;
  reliability: Reliability;
  note: string;
}

export interface TypeDraft {
  label: string;
  inverseLabel: string;
  definition: string;
  directed: boolean;
  contested: boolean;
  family: RelationFamily;
}

export const EMPTY_EVIDENCE: EvidenceDraft = Object.freeze({
  source: '',
  quote: '',
  attributedTo: '',
  claimant: '',
  stance: 'supports',
  credibility: '3',
  note: '',
}) as EvidenceDraft;

export const EMPTY_ACTOR: ActorDraft = Object.freeze({ label: '', kind: '', aliases: '', summary: '', disputed: '' });

export const EMPTY_SOURCE: SourceDraft = Object.freeze({
  title: '',
  publisher: '',
  author: '',
  published: '',
  url: '',
  reliability: 'F',
  note: '',
}) as SourceDraft;

export const EMPTY_TYPE: TypeDraft = Object.freeze({
  label: '',
  inverseLabel: '',
  definition: '',
  directed: true,
  contested: false,
  family: 'other',
}) as TypeDraft;

// ---------------------------------------------------------------------------
// Items to drafts (editing an existing item) and back.

export function evidenceDraftOf(item: EvidenceItem): EvidenceDraft {
  return {
    source: item.source,
    quote: item.quote,
    attributedTo: item.attributedTo,
    claimant: item.claimant === null ? NO_CLAIMANT_ACTOR : (item.claimant ?? ''),
    stance: item.stance ?? 'supports',
    credibility: String(item.credibility),
    note: item.note ?? '',
  };
}

export function actorDraftOf(actor: Actor): ActorDraft {
  return {
    label: actor.label,
    kind: actor.kind,
    aliases: (actor.aliases ?? []).join(' | '),
    summary: actor.summary ?? '',
    disputed: actor.disputed ?? '',
  };
}

export function relationDraftOf(relation: Relation): RelationDraft {
  return {
    type: relation.type,
    from: relation.from,
    to: relation.to,
    date: relation.date ?? '',
    summary: relation.summary ?? '',
    disputed: relation.disputed ?? '',
    answers: [...(relation.answers ?? [])],
  };
}

export function sourceDraftOf(source: Source): SourceDraft {
  return {
    title: source.title,
    publisher: source.publisher,
    author: source.author ?? '',
    published: source.published ?? '',
    url: source.url ?? '',
    reliability: source.reliability,
    note: source.note ?? '',
  };
}

/** Text fields are kept as typed, but an empty optional field is left out of the file. */
const optional = <K extends string>(key: K, value: string): Partial<Record<K, string>> =>
  value.trim() === '' ? {} : ({ [key]: value.trim() } as Record<K, string>);

export function evidenceFromDraft(draft: EvidenceDraft): EvidenceItem {
  const credibility = Number(draft.credibility) as Credibility;
  return {
    source: draft.source,
    // The quote is kept exactly as captured or typed: it must stay verbatim.
    quote: draft.quote,
    attributedTo: draft.attributedTo.trim(),
    ...(draft.claimant === NO_CLAIMANT_ACTOR ? { claimant: null } : draft.claimant ? { claimant: draft.claimant } : {}),
    ...(draft.stance === 'contradicts' ? { stance: 'contradicts' as const } : {}),
    credibility,
    ...optional('note', draft.note),
  };
}

export function aliasesOf(text: string): string[] {
  return text
    .split('|')
    .map((alias) => alias.trim())
    .filter((alias) => alias !== '');
}

/**
 * The actor a draft describes; `evidence` is the actor's evidence as it stays
 * (or its first item for a new one). An empty list of other names that the
 * actor had in its file stays, so that saving an unchanged actor changes nothing.
 */
export function actorFromDraft(id: string, draft: ActorDraft, evidence: EvidenceItem[], before?: Actor): Actor {
  const aliases = aliasesOf(draft.aliases);
  return {
    id,
    label: draft.label.trim(),
    kind: draft.kind,
    ...(aliases.length > 0 || before?.aliases !== undefined ? { aliases } : {}),
    ...optional('summary', draft.summary),
    ...optional('disputed', draft.disputed),
    evidence,
  };
}

export function relationFromDraft(id: string, draft: RelationDraft, evidence: EvidenceItem[]): Relation {
  return {
    id,
    type: draft.type,
    from: draft.from,
    to: draft.to,
    ...optional('date', draft.date),
    ...optional('summary', draft.summary),
    ...optional('disputed', draft.disputed),
    ...(draft.answers.length > 0 ? { answers: [...draft.answers] } : {}),
    evidence,
  };
}

export function sourceFromDraft(id: string, draft: SourceDraft, archive: string | undefined): Source {
  return {
    id,
    title: draft.title.trim(),
    publisher: draft.publisher.trim(),
    author: draft.author.trim() === '' ? null : draft.author.trim(),
    published: draft.published.trim() === '' ? null : draft.published.trim(),
    ...optional('url', draft.url),
    reliability: draft.reliability,
    ...(archive ? { archive } : {}),
    ...optional('note', draft.note),
  };
}

export function typeFromDraft(id: string, draft: TypeDraft): RelationType {
  return {
    id,
    label: draft.label.trim(),
    ...optional('inverseLabel', draft.inverseLabel),
    definition: draft.definition.trim(),
    directed: draft.directed,
    ...(draft.contested ? { contested: true } : {}),
    family: draft.family,
  };
}

// ---------------------------------------------------------------------------
// Ids for new items: slugs of their labels, unique in their id space.

/** Actors and relations share one id space (the graph draws both with one set of ids). */
export function takenItemIds(graph: Graph): Set<string> {
  return new Set([...graph.actors.map((actor) => actor.id), ...graph.relations.map((relation) => relation.id)]);
}

export function newActorId(graph: Graph, label: string): string {
  return uniqueId(slugFromLabel(label), takenItemIds(graph));
}

export function newRelationId(graph: Graph, from: string, type: string, to: string): string {
  return relationId(from, type, to, takenItemIds(graph));
}

export function newSourceId(graph: Graph, draft: SourceDraft): string {
  return uniqueId(slugFromLabel(draft.publisher || draft.title), new Set(graph.sources.map((source) => source.id)));
}

export function newTypeId(graph: Graph, label: string): string {
  return uniqueId(slugFromLabel(label), new Set(graph.relationTypes.map((type) => type.id)));
}

// ---------------------------------------------------------------------------
// What a draft lacks before it can be tried: the fields the file requires, in words.

export type FieldProblems = Record<string, string[]>;

function need(problems: FieldProblems, field: string, message: string): void {
  problems[field] = [...(problems[field] ?? []), message];
}

export function missingInEvidence(draft: EvidenceDraft, prefix = ''): FieldProblems {
  const problems: FieldProblems = {};
  if (!draft.source) need(problems, `${prefix}source`, 'Choose the source the quote comes from.');
  if (draft.quote.trim() === '') need(problems, `${prefix}quote`, 'A quote is needed: the words of the source.');
  if (draft.attributedTo.trim() === '') {
    need(problems, `${prefix}attributedTo`, 'Say who makes the claim, in the words of the source.');
  }
  return problems;
}

export function missingInActor(draft: ActorDraft): FieldProblems {
  const problems: FieldProblems = {};
  if (draft.label.trim() === '') need(problems, 'label', 'A name is needed.');
  if (!draft.kind) need(problems, 'kind', 'Choose a kind.');
  return problems;
}

export function missingInRelation(draft: RelationDraft): FieldProblems {
  const problems: FieldProblems = {};
  if (!draft.type) need(problems, 'type', 'Choose a relation type, or declare a new one.');
  if (!draft.from) need(problems, 'from', 'Choose the actor it goes from.');
  if (!draft.to) need(problems, 'to', 'Choose the actor it goes to.');
  return problems;
}

export function missingInSource(draft: SourceDraft): FieldProblems {
  const problems: FieldProblems = {};
  if (draft.title.trim() === '') need(problems, 'title', 'A title is needed.');
  if (draft.publisher.trim() === '') need(problems, 'publisher', 'A publisher is needed.');
  return problems;
}

export function missingInType(draft: TypeDraft): FieldProblems {
  const problems: FieldProblems = {};
  if (draft.label.trim() === '') need(problems, 'label', 'A label is needed ("accused").');
  if (draft.definition.trim() === '') need(problems, 'definition', 'Say what the type means, for other analysts.');
  return problems;
}

export const hasProblems = (problems: FieldProblems) => Object.keys(problems).length > 0;

// ---------------------------------------------------------------------------
// The validator's problems, sorted onto the fields of the item an edit touched.

/** The list and index of the item an operation writes, to find its problems ("actors[3].label"). */
export function editedItemPath(graph: Graph, operation: EditOperation): string | null {
  const at = (list: { id: string }[], id: string, name: string) => {
    const index = list.findIndex((item) => item.id === id);
    return index === -1 ? null : `${name}[${index}]`;
  };
  const owner = (target: EvidenceOwner) =>
    target.kind === 'actor' ? at(graph.actors, target.id, 'actors') : at(graph.relations, target.id, 'relations');
  switch (operation.op) {
    case 'add-actor':
    case 'update-actor':
      return at(graph.actors, operation.actor.id, 'actors');
    case 'add-relation':
    case 'update-relation':
      return at(graph.relations, operation.relation.id, 'relations');
    case 'add-source':
    case 'update-source':
      return at(graph.sources, operation.source.id, 'sources');
    case 'add-relation-type':
    case 'update-relation-type':
      return at(graph.relationTypes, operation.type.id, 'relationTypes');
    case 'add-evidence': {
      const base = owner(operation.owner);
      if (base === null) return null;
      const list = operation.owner.kind === 'actor' ? graph.actors : graph.relations;
      const item = list.find((entry) => entry.id === operation.owner.id);
      const index = operation.at ?? (item ? item.evidence.length - 1 : 0);
      return `${base}.evidence[${index}]`;
    }
    case 'update-evidence': {
      const base = owner(operation.owner);
      return base === null ? null : `${base}.evidence[${operation.index}]`;
    }
    case 'batch': {
      // A batch that creates an item with its first evidence: the item's own fields come first.
      for (const inner of operation.operations) {
        const path = editedItemPath(graph, inner);
        if (path !== null) return path;
      }
      return null;
    }
    default:
      return null;
  }
}

/**
 * Problems under `itemPath` by field ("label", "evidence[0].quote"), and the
 * others (elsewhere in the file) apart. Only errors stop an edit; warnings are
 * shown beside it.
 */
export function problemsByField(
  problems: readonly Problem[],
  itemPath: string | null,
): { byField: FieldProblems; elsewhere: Problem[] } {
  const byField: FieldProblems = {};
  const elsewhere: Problem[] = [];
  for (const problem of problems) {
    if (itemPath !== null && (problem.path === itemPath || problem.path.startsWith(`${itemPath}.`))) {
      const field = problem.path.slice(itemPath.length + 1) || '';
      need(byField, field, problem.message);
    } else {
      elsewhere.push(problem);
    }
  }
  return { byField, elsewhere };
}

/** The messages for a field and for everything under it ("evidence[0]" gets "evidence[0].quote" too). */
export function messagesFor(problems: FieldProblems, field: string): string[] {
  return Object.entries(problems)
    .filter(([key]) => key === field || key.startsWith(`${field}.`) || key.startsWith(`${field}[`))
    .flatMap(([, messages]) => messages);
}

// ---------------------------------------------------------------------------
// What the editor panel is doing: which form is open.

/** A passage chosen in the source reader, to go into the evidence form open (or a new one). */
export interface Citation {
  sourceId: string;
  quote: string;
  /** A new number for each citation, so citing the same passage twice still fills the form again. */
  serial: number;
}

export type EditTask =
  /** Add (id null) or edit an actor. */
  | { kind: 'actor'; id: string | null }
  /** Add (id null) or edit a relation; a new one starts from these ends (either may be ''). */
  | { kind: 'relation'; id: string | null; from: string; to: string }
  /** Add (index null) or edit an evidence item of an actor or relation. */
  | { kind: 'evidence'; owner: EvidenceOwner; index: number | null }
  /** Confirm the removal of an actor or relation, listing what goes with it. */
  | { kind: 'remove'; target: EvidenceOwner }
  /** The graph's title and description. */
  | { kind: 'meta' }
  /** The actor kinds and relation types: add a kind, rename, remove what nothing uses. */
  | { kind: 'vocabulary' };

/** What removing an actor takes with it, for the confirmation: its relations and the evidence on both. */
export function removalOf(
  graph: Graph,
  target: EvidenceOwner,
): { relations: Relation[]; evidenceItems: number; claimantMentions: number; answerMentions: number } {
  if (target.kind === 'relation') {
    const relation = graph.relations.find((entry) => entry.id === target.id);
    const answerMentions = graph.relations.filter((entry) => entry.answers?.includes(target.id)).length;
    return { relations: [], evidenceItems: relation?.evidence.length ?? 0, claimantMentions: 0, answerMentions };
  }
  const actor = graph.actors.find((entry) => entry.id === target.id);
  const relations = graph.relations.filter((relation) => relation.from === target.id || relation.to === target.id);
  const goneIds = new Set(relations.map((relation) => relation.id));
  const evidenceItems = (actor?.evidence.length ?? 0) + relations.reduce((sum, r) => sum + r.evidence.length, 0);
  let claimantMentions = 0;
  for (const item of [...graph.actors, ...graph.relations]) {
    if (item.id === target.id || goneIds.has(item.id)) continue;
    claimantMentions += item.evidence.filter((evidence) => evidence.claimant === target.id).length;
  }
  const answerMentions = graph.relations.filter(
    (relation) => !goneIds.has(relation.id) && relation.answers?.some((id) => goneIds.has(id)),
  ).length;
  return { relations, evidenceItems, claimantMentions, answerMentions };
}

/** What to select once an edit has landed: the item it created, or the one it added evidence to. */
export function selectionAfterEdit(operation: EditOperation): EvidenceOwner | null {
  switch (operation.op) {
    case 'add-actor':
      return { kind: 'actor', id: operation.actor.id };
    case 'add-relation':
      return { kind: 'relation', id: operation.relation.id };
    case 'add-evidence':
    case 'update-evidence':
      return operation.owner;
    case 'batch': {
      let last: EvidenceOwner | null = null;
      for (const inner of operation.operations) last = selectionAfterEdit(inner) ?? last;
      return last;
    }
    default:
      return null;
  }
}

/** A plain file name for a source's attached text (see archiveFileName), unique among the graph's sources. */
export function archiveNameFor(graph: Graph, sourceId: string, fileName: string): string {
  const base = fileName.trim() === '' ? `${sourceId}.txt` : archiveFileName(fileName);
  const taken = new Set(graph.sources.filter((source) => source.id !== sourceId).map((source) => source.archive));
  if (!taken.has(base)) return base;
  const dot = base.lastIndexOf('.');
  const [stem, extension] = dot > 0 ? [base.slice(0, dot), base.slice(dot)] : [base, ''];
  for (let number = 2; ; number++) {
    const candidate = `${stem}-${number}${extension}`;
    if (!taken.has(candidate)) return candidate;
  }
}
