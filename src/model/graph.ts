// The graph file format, as TypeScript types. graph/schema.json describes the
// same shape for editors; the validator checks a file against both.

/** Admiralty code for a source: A completely reliable ... E unreliable, F cannot be judged. */
export type Reliability = 'A' | 'B' | 'C' | 'D' | 'E' | 'F';
/** Admiralty code for a claim: 1 confirmed ... 5 improbable, 6 cannot be judged. */
export type Credibility = 1 | 2 | 3 | 4 | 5 | 6;

export interface ActorKind {
  id: string;
  label: string;
  color?: string;
  shape?: string;
}

/** How a relation type is drawn: each family has its own line and hue range (see palette.ts). */
export type RelationFamily = 'claim' | 'opposition' | 'violence' | 'affiliation' | 'procedure' | 'contact' | 'other';

export interface RelationType {
  id: string;
  label: string;
  inverseLabel?: string;
  definition: string;
  directed: boolean;
  contested?: boolean;
  /** Without one: 'claim' for a contested type, 'other' otherwise. */
  family?: RelationFamily;
  color?: string;
}

export interface Source {
  id: string;
  title: string;
  publisher: string;
  author: string | null;
  published: string | null;
  url?: string;
  reliability: Reliability;
  archive?: string;
  note?: string;
}

/** Whether a quote supports what it is cited for, or undercuts it. */
export type Stance = 'supports' | 'contradicts';

export interface EvidenceItem {
  source: string;
  quote: string;
  /** Who makes the claim, in the words that say so ("two Iraqi security officials, via Reuters"). */
  attributedTo: string;
  /**
   * The actor who makes the claim, when it is an actor of the graph; null says
   * that none does, where `attributedTo` names one that does not make it.
   */
  claimant?: string | null;
  /** Without one: supports. */
  stance?: Stance;
  /**
   * Grades the report the quote carries, not the relation behind it: for
   * "Kataib Hezbollah denied involvement", that the denial was made.
   */
  credibility: Credibility;
  note?: string;
}

export interface Actor {
  id: string;
  label: string;
  kind: string;
  aliases?: string[];
  summary?: string;
  disputed?: string;
  evidence: EvidenceItem[];
}

export interface Relation {
  id: string;
  type: string;
  from: string;
  to: string;
  date?: string;
  summary?: string;
  disputed?: string;
  /** Ids of the relations this one responds to (a denial answers an accusation). */
  answers?: string[];
  evidence: EvidenceItem[];
}

export interface Graph {
  $schema?: string;
  title: string;
  description?: string;
  updated: string;
  actorKinds: ActorKind[];
  relationTypes: RelationType[];
  sources: Source[];
  actors: Actor[];
  relations: Relation[];
  /** A curated picture: where actors are drawn, so that the file opens as it was left. */
  layout?: GraphLayout;
}

/** Where an actor is drawn, in graph coordinates. */
export interface Position {
  x: number;
  y: number;
}

export interface GraphLayout {
  /** By actor id; actors without one are placed by the layout, next to their neighbours. */
  positions: Record<string, Position>;
}

export const RELIABILITY_WORDS: Record<Reliability, string> = {
  A: 'completely reliable',
  B: 'usually reliable',
  C: 'fairly reliable',
  D: 'not usually reliable',
  E: 'unreliable',
  F: 'reliability cannot be judged',
};

export const CREDIBILITY_WORDS: Record<Credibility, string> = {
  1: 'confirmed by other sources',
  2: 'probably true',
  3: 'possibly true',
  4: 'doubtful',
  5: 'improbable',
  6: 'truth cannot be judged',
};

/** The stance of an evidence item, with its default. */
export function stanceOf(item: EvidenceItem): Stance {
  return item.stance ?? 'supports';
}

/** "B2: usually reliable, probably true" */
export function gradeInWords(reliability: Reliability, credibility: Credibility): string {
  return `${reliability}${credibility}: ${RELIABILITY_WORDS[reliability]}, ${CREDIBILITY_WORDS[credibility]}`;
}
