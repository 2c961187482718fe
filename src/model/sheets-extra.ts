// Two ways into the spreadsheet format besides its own sheets:
//
// - An edge list for quick starts: one sheet, one row per piece of evidence for a
//   relation ("from, type, to, source, quote"), actors named as the analyst writes
//   them. Read into the same items as readSheets gives, for mergeImport.
// - The template: the sheets with their headers and an example that is a valid graph.

import { parseDateOrRange } from './dates.ts';
import type { Actor, Credibility, EvidenceItem, Graph, Relation } from './graph.ts';
import { GRAPH_LIMITS } from './limits.ts';
import { DEFAULT_ACTOR_KINDS, DEFAULT_RELATION_TYPES } from './new-graph.ts';
import { quoteValue } from './problems.ts';
import { cellPlace, type Sheet } from './sheet.ts';
import {
  didYouMean,
  type ImportedItems,
  SHEET_COLUMNS,
  SHEET_NAMES,
  type SheetName,
  type SheetProblem,
  SheetProblems,
} from './sheets.ts';
import { relationId, slugFromLabel, uniqueId } from './slug.ts';
import { SuggestionIndex } from './suggest.ts';

// ---------------------------------------------------------------------------
// Edge list

/** The edge list's columns, in order: what edgeListTemplate writes. */
export const EDGE_LIST_COLUMNS = [
  'from',
  'type',
  'to',
  'source',
  'quote',
  'attributedTo',
  'credibility',
  'date',
  'summary',
] as const;
export const EDGE_LIST_REQUIRED = ['from', 'type', 'to', 'source', 'quote'] as const;

/** The credibility of a row that gives none: 6, "truth cannot be judged". */
export const DEFAULT_EDGE_CREDIBILITY: Credibility = 6;

export interface EdgeListOptions {
  /** For the places in problems: "edges.csv". */
  fileName: string;
  /** The kind of the actors the list creates (an id; missing from the graph: offered for creation). */
  defaultKind: string;
}

export interface EdgeListResult {
  /** New actors, and new relations or existing ones with the rows' evidence added. */
  items: ImportedItems;
  /** Kinds, types and sources named but defined nowhere, as ids, offered for creation. */
  missing: { kinds: string[]; types: string[]; sources: string[] };
  problems: SheetProblem[];
  omitted: number;
  errors: number;
}

const headerNames = (sheet: Sheet) => (sheet.rows[0] ?? []).map((cell) => cell.trim());

/** A single sheet with from, type and to columns, not named as one of the format's sheets (relations has those too). */
export function isEdgeList(sheet: Sheet): boolean {
  if ((SHEET_NAMES as string[]).includes(sheet.name.trim().toLowerCase())) return false;
  const header = headerNames(sheet);
  return ['from', 'type', 'to'].every((column) => header.includes(column));
}

const lower = (text: string) => text.trim().toLowerCase();

/** The id a name gives ("Paid for" -> "paid-for"), or undefined when no letter of it is Latin. */
function slugOf(name: string): string | undefined {
  const slug = slugFromLabel(name, '-');
  return slug === 'item' && lower(name) !== 'item' ? undefined : slug;
}

/** Names (lowercased) to the ids they name; a name may name several. */
class NameIndex {
  private readonly byName = new Map<string, Set<string>>();
  add(name: string, id: string): void {
    const key = lower(name);
    if (key === '') return;
    const ids = this.byName.get(key) ?? new Set<string>();
    ids.add(id);
    this.byName.set(key, ids);
  }
  get(name: string): string[] {
    return [...(this.byName.get(lower(name)) ?? [])];
  }
  names(): string[] {
    return [...this.byName.keys()];
  }
}

/** The same quote from the same source: one piece of evidence, however it is attributed. */
const sameEvidence = (a: EvidenceItem, b: EvidenceItem) => a.source === b.source && a.quote.trim() === b.quote.trim();

/**
 * An edge list read against the graph it goes into (`base`): each row one piece of evidence for the relation
 * FROM-TYPE-TO (on its date), rows with the same from, type, to and date adding to one relation. Actors are
 * named by id, label or alias (case ignored); a name the graph lacks is a new actor of `defaultKind`, with the
 * first row naming it as its evidence. A relation the graph has already (same from, type, to and date) gets
 * the rows' evidence added to its own; evidence it has already is not added twice.
 */
export function edgeListToItems(sheet: Sheet, base: Graph, options: EdgeListOptions): EdgeListResult {
  const problems = new SheetProblems();
  const file = options.fileName;
  const columns = new Map<string, number>();
  const expected: readonly string[] = EDGE_LIST_COLUMNS;
  const columnIndex = new SuggestionIndex(expected);
  headerNames(sheet).forEach((name, column) => {
    if (name === '') return;
    const place = cellPlace(file, 0, column);
    if (!expected.includes(name)) {
      const message = `unknown column ${quoteValue(name)}; its cells are not read`;
      problems.add('warning', place, name, message + didYouMean(columnIndex.closest(name)));
    } else if (columns.has(name)) {
      problems.add('error', place, name, `a second ${quoteValue(name)} column; a sheet has one of each`);
    } else columns.set(name, column);
  });
  for (const required of EDGE_LIST_REQUIRED) {
    if (columns.has(required)) continue;
    const message = `no ${quoteValue(required)} column; an edge list needs ${EDGE_LIST_REQUIRED.join(', ')}`;
    problems.add('error', `${file}:1`, required, message);
  }
  const missing = { kinds: new Set<string>(), types: new Set<string>(), sources: new Set<string>() };
  const result = (items: ImportedItems): EdgeListResult => ({
    items,
    missing: { kinds: [...missing.kinds], types: [...missing.types], sources: [...missing.sources] },
    problems: problems.sorted(),
    omitted: problems.omitted,
    errors: problems.errors,
  });
  if (problems.errors > 0) return result({});

  // What names can name.
  const actorNames = new NameIndex();
  const actorIds = new Set(base.actors.map((actor) => actor.id));
  for (const actor of base.actors) {
    for (const name of [actor.label, ...(actor.aliases ?? [])]) actorNames.add(name, actor.id);
  }
  const typeNames = new NameIndex();
  for (const type of base.relationTypes) for (const name of [type.id, type.label]) typeNames.add(name, type.id);
  const typeIds = new Set(base.relationTypes.map((type) => type.id));
  const sourceNames = new NameIndex();
  for (const source of base.sources) for (const name of [source.id, source.title]) sourceNames.add(name, source.id);
  const sourcesById = new Map(base.sources.map((source) => [source.id, source]));
  const typeSuggestions = new SuggestionIndex(typeNames.names());
  const sourceSuggestions = new SuggestionIndex(sourceNames.names());
  let actorSuggestions: SuggestionIndex | undefined;
  const taken = new Set([...actorIds, ...base.relations.map((relation) => relation.id)]);
  const kindKnown = base.actorKinds.some((kind) => kind.id === options.defaultKind);

  const raw = (row: number, column: string) => {
    const index = columns.get(column);
    return index === undefined ? '' : (sheet.rows[row]?.[index] ?? '');
  };
  const place = (row: number, column: string) => cellPlace(file, row, columns.get(column) ?? 0);
  const error = (row: number, column: string, message: string) =>
    problems.add('error', place(row, column), column, message);
  const warning = (row: number, column: string, message: string) =>
    problems.add('warning', place(row, column), column, message);

  const newActors = new Map<string, Actor>();
  const relations = new Map<string, Relation>();
  const baseRelations = new Map(
    base.relations.map((relation) => [
      `${relation.from}\n${relation.type}\n${relation.to}\n${relation.date ?? ''}`,
      relation,
    ]),
  );
  let defaultedCredibility = false;
  let dataRows = 0;

  /** The actor a from or to cell names: an id or a unique label or alias, else a new actor (undefined: an error). */
  const actorFor = (row: number, column: string, name: string, evidence: () => EvidenceItem | undefined) => {
    const trimmed = name.trim();
    if (actorIds.has(trimmed) || actorIds.has(lower(trimmed))) return actorIds.has(trimmed) ? trimmed : lower(trimmed);
    const named = actorNames.get(trimmed);
    if (named.length === 1) return named[0];
    if (named.length > 1) {
      const ids = named.map((id) => quoteValue(id)).join(', ');
      error(row, column, `${quoteValue(trimmed)} names several actors (${ids}); write the one meant by its id`);
      return undefined;
    }
    const item = evidence();
    if (!item) return undefined;
    const id = uniqueId(slugFromLabel(trimmed), taken);
    actorSuggestions ??= new SuggestionIndex(actorNames.names());
    const close = actorSuggestions.closest(lower(trimmed));
    const meant = close === undefined ? undefined : actorNames.get(close)[0];
    const made = `it becomes a new actor ${quoteValue(id)} of kind ${quoteValue(options.defaultKind)}`;
    warning(row, column, `no actor ${quoteValue(trimmed)} in the graph${didYouMean(meant)}; ${made}`);
    taken.add(id);
    actorIds.add(id);
    actorNames.add(trimmed, id);
    newActors.set(id, { id, label: trimmed, kind: options.defaultKind, evidence: [item] });
    if (!kindKnown) missing.kinds.add(options.defaultKind);
    return id;
  };

  for (let row = 1; row < sheet.rows.length; row++) {
    if (problems.shouldStop) break;
    if (!(sheet.rows[row] ?? []).some((cell) => cell.trim() !== '')) continue;
    if (++dataRows > GRAPH_LIMITS.relations) {
      error(row, 'from', `more than ${GRAPH_LIMITS.relations} rows; a graph holds at most that many relations`);
      break;
    }
    const errorsBefore = problems.errors;
    const required = (column: string) => {
      const value = raw(row, column);
      if (value.trim() === '') error(row, column, 'empty; an edge needs one');
      return value;
    };
    const from = required('from').trim();
    const typeCell = required('type').trim();
    const to = required('to').trim();
    const sourceCell = required('source').trim();
    const quote = required('quote');

    // Type: by id or label; else a type to create, as the slug of what the cell says.
    let type: string | undefined;
    if (typeCell !== '') {
      const named = typeNames.get(typeCell);
      const slug = slugOf(typeCell);
      if (named.length >= 1) type = named[0];
      else if (slug !== undefined && typeIds.has(slug)) type = slug;
      else {
        const message = `no type ${quoteValue(typeCell)}${didYouMean(typeSuggestions.closest(lower(typeCell)))}`;
        if (slug === undefined) error(row, 'type', message);
        else {
          type = slug;
          missing.types.add(slug);
          const as = slug === typeCell ? '' : ` as ${quoteValue(slug)}`;
          warning(row, 'type', `${message}; it can be created with the import${as}`);
        }
      }
    }

    // Source: by id or title; else a source to create.
    let source: string | undefined;
    if (sourceCell !== '') {
      const named = sourceNames.get(sourceCell);
      const slug = slugOf(sourceCell);
      if (named.length >= 1) source = named[0];
      else if (slug !== undefined && sourcesById.has(slug)) source = slug;
      else {
        const meant = sourceSuggestions.closest(lower(sourceCell));
        const message = `no source ${quoteValue(sourceCell)}${didYouMean(meant)}`;
        if (slug === undefined) error(row, 'source', message);
        else {
          source = slug;
          missing.sources.add(slug);
          const as = slug === sourceCell ? '' : ` as ${quoteValue(slug)}`;
          warning(row, 'source', `${message}; it can be created with the import${as}`);
        }
      }
    }

    const credibilityCell = raw(row, 'credibility').trim();
    let credibility: Credibility | undefined = DEFAULT_EDGE_CREDIBILITY;
    if (credibilityCell === '') {
      if (!defaultedCredibility) {
        const message =
          `empty; graded ${DEFAULT_EDGE_CREDIBILITY}, "truth cannot be judged", here and on every row ` +
          'that gives no credibility';
        warning(row, 'credibility', message);
        defaultedCredibility = true;
      }
    } else if (/^[1-6]$/.test(credibilityCell)) credibility = Number(credibilityCell) as Credibility;
    else {
      error(row, 'credibility', `${quoteValue(credibilityCell)} is not a credibility; one of 1, 2, 3, 4, 5, 6`);
      credibility = undefined;
    }

    const date = raw(row, 'date').trim();
    if (date !== '') {
      const check = parseDateOrRange(date);
      if (!check.ok) error(row, 'date', check.reason);
    }
    const summary = raw(row, 'summary');
    const attributedCell = raw(row, 'attributedTo').trim();
    const attributedTo =
      attributedCell !== '' ? attributedCell : ((source && sourcesById.get(source)?.publisher) ?? 'the source');

    const evidence = (): EvidenceItem | undefined =>
      source === undefined || quote.trim() === '' || credibility === undefined
        ? undefined
        : { source, quote, attributedTo, credibility };
    const fromId = from === '' ? undefined : actorFor(row, 'from', from, evidence);
    const toId = to === '' ? undefined : actorFor(row, 'to', to, evidence);
    if (problems.errors > errorsBefore || fromId === undefined || toId === undefined || type === undefined) {
      continue;
    }
    if (fromId === toId) {
      error(row, 'to', `${quoteValue(to)} is the actor in "from" too; a relation joins two actors`);
      continue;
    }
    const item = evidence();
    if (!item) continue;

    const key = `${fromId}\n${type}\n${toId}\n${date}`;
    let relation = relations.get(key);
    if (!relation) {
      const existing = baseRelations.get(key);
      if (existing) relation = { ...existing, evidence: [...existing.evidence] };
      else {
        const id = relationId(fromId, type, toId, taken);
        taken.add(id);
        relation = {
          id,
          type,
          from: fromId,
          to: toId,
          ...(date === '' ? {} : { date }),
          ...(summary.trim() === '' ? {} : { summary }),
          evidence: [],
        };
      }
      relations.set(key, relation);
    }
    if (relation.evidence.some((known) => sameEvidence(known, item))) {
      warning(row, 'quote', `the graph has this quote for ${quoteValue(relation.id)} already; not added again`);
    } else relation.evidence.push(item);
  }
  // Relations the list names but adds nothing to stay out of the import.
  const baseEvidence = new Map(base.relations.map((relation) => [relation.id, relation.evidence.length]));
  const touched = [...relations.values()].filter(
    (relation) => baseEvidence.get(relation.id) !== relation.evidence.length,
  );
  return result({ actors: [...newActors.values()], relations: touched });
}

// ---------------------------------------------------------------------------
// Templates

const PERSON = 'hassan-jaber';
const GROUP = 'saraya-al-mithal';
const SOURCE = 'example-news-2021-05-10';
const DENIAL = `${GROUP}-denied-${PERSON}`;

/** One example row for each sheet, by column (rows beyond the first where one row cannot make a valid graph). */
const TEMPLATE_ROWS: { readonly [Name in SheetName]: readonly Record<string, string>[] } = {
  graph: [
    {
      title: 'Example: a denial and its source',
      description: 'One actor of each kind, one relation and its evidence; replace them with your own.',
      updated: '2021-05-10',
    },
  ],
  kinds: DEFAULT_ACTOR_KINDS.filter((kind) => kind.id === 'person' || kind.id === 'armed-group').map((kind) => ({
    id: kind.id,
    label: kind.label,
    color: kind.color ?? '',
    shape: kind.shape ?? '',
  })),
  types: DEFAULT_RELATION_TYPES.filter((type) => type.id === 'denied').map((type) => ({
    id: type.id,
    label: type.label,
    inverseLabel: type.inverseLabel ?? '',
    definition: type.definition,
    directed: String(type.directed),
    contested: type.contested === undefined ? '' : String(type.contested),
    family: type.family ?? '',
    color: type.color ?? '',
  })),
  sources: [
    {
      id: SOURCE,
      title: 'Armed group denies role in abduction of Basra activist',
      publisher: 'Example News',
      author: 'A. Reporter',
      published: '2021-05-10',
      url: 'https://example.com/news/2021/05/10/denial',
      reliability: 'C',
      note: 'An example source: replace it with yours.',
    },
  ],
  actors: [
    { id: PERSON, label: 'Hassan Jaber', kind: 'person', aliases: 'H. Jaber', summary: 'A Basra activist.' },
    { id: GROUP, label: 'Saraya al-Mithal', kind: 'armed-group', aliases: '(none)', summary: 'An armed group.' },
  ],
  relations: [
    {
      id: DENIAL,
      type: 'denied',
      from: GROUP,
      to: PERSON,
      date: '2021-05-09',
      summary: 'The group denied any part in the abduction of Hassan Jaber.',
    },
  ],
  evidence: [
    {
      owner: PERSON,
      source: SOURCE,
      quote: 'Hassan Jaber, an activist in Basra, was abducted on Saturday.',
      attributedTo: 'Example News',
      credibility: '2',
    },
    {
      owner: GROUP,
      source: SOURCE,
      quote: 'Saraya al-Mithal, an armed group active in the south,',
      attributedTo: 'Example News',
      credibility: '3',
    },
    {
      owner: DENIAL,
      source: SOURCE,
      quote: 'The brigades had nothing to do with the abduction of Hassan Jaber, a spokesman for the group said.',
      attributedTo: 'a spokesman for Saraya al-Mithal, via Example News',
      claimant: GROUP,
      stance: 'supports',
      credibility: '2',
      note: 'Grades that the denial was made, not that it is true.',
    },
  ],
  positions: [{ actor: GROUP, x: '0', y: '0' }],
};

const rowOf = (columns: readonly string[], values: Readonly<Record<string, string>>) =>
  columns.map((column) => values[column] ?? '');

/**
 * Every sheet of the format with its headers and an example, together a valid graph: a person, an armed
 * group, a denial by the group with its quote and source. One row a sheet, except where a valid graph needs
 * more (two actors for a relation, their two kinds, and evidence for each actor and the relation).
 */
export function templateSheets(): Sheet[] {
  return SHEET_NAMES.map((name) => ({
    name,
    rows: [[...SHEET_COLUMNS[name]], ...TEMPLATE_ROWS[name].map((values) => rowOf(SHEET_COLUMNS[name], values))],
  }));
}

/** An edge list with its headers and one example row (a denial, its source named by id). */
export function edgeListTemplate(): Sheet {
  const example: Record<string, string> = {
    from: 'Saraya al-Mithal',
    type: 'denied',
    to: 'Hassan Jaber',
    source: SOURCE,
    quote: 'The brigades had nothing to do with the abduction of Hassan Jaber, a spokesman for the group said.',
    attributedTo: 'a spokesman for Saraya al-Mithal, via Example News',
    credibility: '2',
    date: '2021-05-09',
    summary: 'The group denied any part in the abduction of Hassan Jaber.',
  };
  return { name: 'edges', rows: [[...EDGE_LIST_COLUMNS], rowOf(EDGE_LIST_COLUMNS, example)] };
}
