// Column mapping: which of our columns each of a sheet's headers is, when an
// analyst's spreadsheet names them its own way ("Name", "Target", "Source ID").
// Headers are compared without case, spaces or punctuation, then through common
// synonyms, then by edit distance for typos. A mapping is remembered per file
// layout (layoutKey), so the second import of the same spreadsheet needs no step.

import { distance } from 'fastest-levenshtein';
import type { Sheet } from './sheet.ts';

/** "Source ID", "source_id", "sourceId" -> "sourceid". */
const normalised = (header: string) =>
  header
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');

/** Words spreadsheets use for our columns, normalised. */
const SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  id: ['identifier', 'key', 'ref', 'uid'],
  label: ['name', 'title', 'actor', 'actorname', 'displayname'],
  kind: ['category', 'actortype', 'group', 'class', 'actorkind'],
  aliases: ['alias', 'aka', 'othernames', 'alsoknownas', 'alternatenames'],
  summary: ['description', 'about', 'notes', 'bio'],
  type: ['relation', 'relationship', 'relationtype', 'connectiontype', 'edge', 'edgetype', 'link'],
  from: ['source', 'sourceactor', 'subject', 'fromactor', 'start', 'origin'],
  to: ['target', 'targetactor', 'object', 'toactor', 'end', 'destination'],
  source: ['sourceid', 'citation', 'reference', 'cited'],
  quote: ['quotation', 'excerpt', 'evidence', 'text', 'citationtext'],
  attributedTo: ['attribution', 'attributed', 'saidby', 'speaker', 'who'],
  credibility: ['confidence', 'grade', 'cred'],
  date: ['when', 'time', 'period', 'dates'],
  owner: ['item', 'actororrelation', 'about', 'for'],
  reliability: ['sourcereliability', 'rating'],
  published: ['publicationdate', 'pubdate', 'datepublished'],
  url: ['link', 'website', 'address'],
};

/**
 * For each header, the expected column it is, or null: exact (ignoring case,
 * spaces and punctuation) first, then synonyms, then a typo within a third of
 * the name's length. Each expected column is given to one header at most, the
 * better match winning ("Source" is `source` when `source` is expected, else `from`).
 */
export function suggestMapping(headers: readonly string[], expected: readonly string[]): Record<string, string | null> {
  const byNormal = new Map(expected.map((column) => [normalised(column), column]));
  const candidates: { header: string; column: string; score: number; order: number }[] = [];
  headers.forEach((header, order) => {
    const key = normalised(header);
    if (key === '') return;
    const exact = byNormal.get(key);
    if (exact) candidates.push({ header, column: exact, score: 0, order });
    for (const column of expected) {
      if ((SYNONYMS[column] ?? []).includes(key)) candidates.push({ header, column, score: 1, order });
      const edits = distance(key, normalised(column));
      if (edits > 0 && edits <= Math.max(1, Math.floor(normalised(column).length / 3))) {
        candidates.push({ header, column, score: 1 + edits, order });
      }
    }
  });
  candidates.sort((a, b) => a.score - b.score || a.order - b.order);
  const mapping: Record<string, string | null> = Object.fromEntries(headers.map((header) => [header, null]));
  const taken = new Set<string>();
  const mapped = new Set<string>();
  for (const { header, column } of candidates) {
    if (taken.has(column) || mapped.has(header)) continue;
    mapping[header] = column;
    taken.add(column);
    mapped.add(header);
  }
  return mapping;
}

/**
 * The sheet with its header row renamed by the mapping; a header mapped to null
 * keeps its name (the import then reports it as an unknown column, its cells unread).
 */
export function applyMapping(sheet: Sheet, mapping: Readonly<Record<string, string | null>>): Sheet {
  const [header = [], ...rows] = sheet.rows;
  const renamed = header.map((name) => (Object.hasOwn(mapping, name) ? (mapping[name] ?? name) : name));
  return { name: sheet.name, rows: [renamed, ...rows] };
}

/**
 * A key for a file's layout, the same for every file with these headers in this
 * order (case, spacing and punctuation ignored), so a mapping can be remembered per layout.
 */
export function layoutKey(headers: readonly string[]): string {
  return `columns:${headers.map(normalised).join('|')}`;
}
