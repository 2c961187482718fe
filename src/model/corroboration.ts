// How well a relation is corroborated: how many sources and claimants stand
// behind it, how many items undercut it, and its best grade. Pure.
//
// Counted over the items that support the relation; items that contradict it
// are counted apart. Sources are independent when their publishers differ: two
// articles from one outlet are one voice. Claimants are the actors named as
// `claimant`, or else the words of `attributedTo` (case and spacing folded).

import { foldName } from './actor-names.ts';
import {
  CREDIBILITY_WORDS,
  type Credibility,
  type EvidenceItem,
  RELIABILITY_WORDS,
  type Reliability,
  type Source,
  stanceOf,
} from './graph.ts';

/** How a relation is drawn for its corroboration (see the legend). */
export type Strength = 'corroborated' | 'single' | 'weak' | 'contradicted';

export interface Grade {
  reliability: Reliability;
  credibility: Credibility;
}

export interface Corroboration {
  /** Distinct sources among the supporting items. */
  sources: number;
  /** Distinct publishers among them. */
  independentSources: number;
  /** Distinct claimants among the supporting items. */
  claimants: number;
  supporting: number;
  contradicting: number;
  /** The best grade of a supporting item: most reliable source first, then most credible report. */
  bestGrade: Grade | null;
  strength: Strength;
}

const RELIABILITY_RANK: Record<Reliability, number> = { A: 0, B: 1, C: 2, D: 3, E: 4, F: 5 };

/** Who makes a claim, as a key: "actor:<id>" for a claimant of the graph, else "said:<attributedTo, folded>". */
export function claimantKey(item: EvidenceItem): string {
  return typeof item.claimant === 'string' ? `actor:${item.claimant}` : `said:${foldName(item.attributedTo)}`;
}

/** Whether a grade is weak: a source not usually reliable or worse, or a report doubtful or worse. */
export function isWeakGrade(grade: Grade): boolean {
  return RELIABILITY_RANK[grade.reliability] >= RELIABILITY_RANK.D || grade.credibility >= 4;
}

function better(a: Grade, b: Grade | null): boolean {
  if (b === null) return true;
  const byReliability = RELIABILITY_RANK[a.reliability] - RELIABILITY_RANK[b.reliability];
  return byReliability < 0 || (byReliability === 0 && a.credibility < b.credibility);
}

/**
 * The corroboration of a list of evidence items. An item citing a source the
 * graph does not have counts as a source of its own, with no grade.
 */
export function corroborationOf(
  evidence: readonly EvidenceItem[],
  sourceById: ReadonlyMap<string, Source>,
): Corroboration {
  const sources = new Set<string>();
  const publishers = new Set<string>();
  const claimants = new Set<string>();
  let supporting = 0;
  let contradicting = 0;
  let bestGrade: Grade | null = null;
  for (const item of evidence) {
    if (stanceOf(item) === 'contradicts') {
      contradicting++;
      continue;
    }
    supporting++;
    sources.add(item.source);
    const source = sourceById.get(item.source);
    publishers.add(source ? `publisher:${foldName(source.publisher)}` : `source:${item.source}`);
    claimants.add(claimantKey(item));
    if (source) {
      const grade: Grade = { reliability: source.reliability, credibility: item.credibility };
      if (better(grade, bestGrade)) bestGrade = grade;
    }
  }
  const independentSources = publishers.size;
  let strength: Strength;
  if (supporting === 0) strength = 'contradicted';
  else if (independentSources >= 2) strength = 'corroborated';
  else if (bestGrade === null || isWeakGrade(bestGrade)) strength = 'weak';
  else strength = 'single';
  return {
    sources: sources.size,
    independentSources,
    claimants: claimants.size,
    supporting,
    contradicting,
    bestGrade,
    strength,
  };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "2 sources, 3 claimants, 1 contradicting"; "(1 independent)" when two sources share a publisher. */
export function corroborationLine(corroboration: Corroboration): string {
  const { sources, independentSources, claimants, contradicting, supporting } = corroboration;
  const parts: string[] = [];
  if (supporting === 0) parts.push('no supporting evidence');
  else {
    const independent = independentSources < sources ? ` (${independentSources} independent)` : '';
    parts.push(`${plural(sources, 'source')}${independent}`, plural(claimants, 'claimant'));
  }
  if (contradicting > 0) parts.push(`${contradicting} contradicting`);
  return parts.join(', ');
}

/** "B2" */
export function gradeCode(grade: Grade): string {
  return `${grade.reliability}${grade.credibility}`;
}

/** What each strength means, for the legend and the panel. */
export const STRENGTH_WORDS: Record<Strength, string> = {
  corroborated: 'two or more independent sources',
  single: 'one independent source, graded A-C and 1-3',
  weak: 'one independent source, graded D-F or 4-6',
  contradicted: 'contradicting evidence only',
};

/** "B2: usually reliable source, report probably true" */
export function gradeWords(grade: Grade): string {
  return (
    `${gradeCode(grade)}: ${RELIABILITY_WORDS[grade.reliability]} source, ` +
    `report ${CREDIBILITY_WORDS[grade.credibility]}`
  );
}
