// The spreadsheet format: a graph as named sheets of text cells, and back.
//
// One sheet per list of the graph file, one row per item, the columns named as
// the file's fields (SHEET_COLUMNS, which are also the template and the docs):
//
//   graph      one row: title, description, updated, $schema
//   kinds      id, label, color, shape
//   types      id, label, inverseLabel, definition, directed, contested, family, color
//   sources    id, title, publisher, author, published, url, reliability, archive, note
//   actors     id, label, kind, aliases, summary, disputed
//   relations  id, type, from, to, date, summary, disputed, answers
//   evidence   owner (the actor's or relation's id), source, quote, attributedTo, claimant, stance,
//              credibility, note: one row per item, in the order of the owner's list
//   positions  actor, x, y (only when the graph has a saved layout)
//
// Cells are text. An empty cell is a field left out (a source's author and
// published: null). Booleans are `true` and `false`, numbers are written as
// JavaScript writes them. Lists (aliases, answers) have " | " between values.
// `(none)` says "explicitly none" where the file can say so apart from leaving
// the field out: a claimant of null, and an empty list of aliases.
//
// Reading checks every row and reports every problem at its cell
// ("actors.csv:12:C"), at most GRAPH_LIMITS.problems of them, the rest counted;
// then the assembled graph goes through the file validator, whose problems are
// mapped back to the cells the items came from.

import { NO_CLAIMANT_ACTOR } from './edit-forms.ts';
import type {
  Actor,
  ActorKind,
  Credibility,
  EvidenceItem,
  Graph,
  Position,
  Relation,
  RelationFamily,
  RelationType,
  Reliability,
  Source,
  Stance,
} from './graph.ts';
import { graphToJson } from './graph-json.ts';
import { GRAPH_LIMITS } from './limits.ts';
import { quoteValue } from './problems.ts';
import { cellPlace, type Sheet } from './sheet.ts';
import { SLUG_PATTERN } from './slug.ts';
import { SuggestionIndex } from './suggest.ts';
import { parseGraph } from './validate.ts';

/** The columns of each sheet, in order: what graphToSheets writes and the template holds. */
export const SHEET_COLUMNS = {
  graph: ['title', 'description', 'updated', '$schema'],
  kinds: ['id', 'label', 'color', 'shape'],
  types: ['id', 'label', 'inverseLabel', 'definition', 'directed', 'contested', 'family', 'color'],
  sources: ['id', 'title', 'publisher', 'author', 'published', 'url', 'reliability', 'archive', 'note'],
  actors: ['id', 'label', 'kind', 'aliases', 'summary', 'disputed'],
  relations: ['id', 'type', 'from', 'to', 'date', 'summary', 'disputed', 'answers'],
  evidence: ['owner', 'source', 'quote', 'attributedTo', 'claimant', 'stance', 'credibility', 'note'],
  positions: ['actor', 'x', 'y'],
} as const satisfies Record<string, readonly string[]>;

export type SheetName = keyof typeof SHEET_COLUMNS;
export const SHEET_NAMES = Object.keys(SHEET_COLUMNS) as SheetName[];

/** Columns a sheet must have, and cells each of its rows must fill. */
export const REQUIRED_COLUMNS: { readonly [Name in SheetName]: readonly string[] } = {
  graph: ['title', 'updated'],
  kinds: ['id', 'label'],
  types: ['id', 'label', 'definition', 'directed'],
  sources: ['id', 'title', 'publisher', 'reliability'],
  actors: ['id', 'label', 'kind'],
  relations: ['id', 'type', 'from', 'to'],
  evidence: ['owner', 'source', 'quote', 'attributedTo', 'credibility'],
  positions: ['actor', 'x', 'y'],
};

/** Sheets a whole graph needs (sources, evidence and positions may be left out: none). */
const SHEETS_OF_A_GRAPH: readonly SheetName[] = ['graph', 'kinds', 'types', 'actors', 'relations'];

/** The cell that says "explicitly none": a claimant of null, an empty list of aliases. */
export const NONE_CELL = NO_CLAIMANT_ACTOR;
/** Between the values of a list cell. */
export const LIST_SEPARATOR = ' | ';

export interface SheetProblem {
  severity: 'error' | 'warning';
  /** "actors.csv:12:C"; "actors.csv:1" for a missing column; "actors.csv" for a missing sheet. */
  place: string;
  /** The column's name ('' when the problem is not one column's). */
  column: string;
  message: string;
}

/** `actors.csv:12:C kind: no kind "armed group" (did you mean "armed-group"?)` */
export function formatSheetProblem(problem: SheetProblem): string {
  return `${problem.place}${problem.column ? ` ${problem.column}` : ''}: ${problem.message}`;
}

export type SheetsResult =
  | { ok: true; graph: Graph; problems: SheetProblem[]; omitted: number }
  | { ok: false; problems: SheetProblem[]; omitted: number };

// ---------------------------------------------------------------------------
// Writing

const text = (value: string | undefined) => value ?? '';
const bool = (value: boolean | undefined) => (value === undefined ? '' : String(value));
const list = (values: readonly string[] | undefined) =>
  values === undefined ? '' : values.length === 0 ? NONE_CELL : values.join(LIST_SEPARATOR);

function evidenceRow(owner: string, item: EvidenceItem): string[] {
  const claimant = item.claimant === null ? NONE_CELL : text(item.claimant);
  return [
    owner,
    item.source,
    item.quote,
    item.attributedTo,
    claimant,
    text(item.stance),
    String(item.credibility),
    text(item.note),
  ];
}

/** The graph as sheets, in SHEET_NAMES order (positions only when the graph has a layout). */
export function graphToSheets(graph: Graph): Sheet[] {
  const sheet = (name: SheetName, rows: string[][]): Sheet => ({ name, rows: [[...SHEET_COLUMNS[name]], ...rows] });
  const evidence = [
    ...graph.actors.flatMap((actor) => actor.evidence.map((item) => evidenceRow(actor.id, item))),
    ...graph.relations.flatMap((relation) => relation.evidence.map((item) => evidenceRow(relation.id, item))),
  ];
  const sheets = [
    sheet('graph', [[graph.title, text(graph.description), graph.updated, text(graph.$schema)]]),
    sheet(
      'kinds',
      graph.actorKinds.map((kind) => [kind.id, kind.label, text(kind.color), text(kind.shape)]),
    ),
    sheet(
      'types',
      graph.relationTypes.map((type) => [
        type.id,
        type.label,
        text(type.inverseLabel),
        type.definition,
        bool(type.directed),
        bool(type.contested),
        text(type.family),
        text(type.color),
      ]),
    ),
    sheet(
      'sources',
      graph.sources.map((source) => [
        source.id,
        source.title,
        source.publisher,
        source.author ?? '',
        source.published ?? '',
        text(source.url),
        source.reliability,
        text(source.archive),
        text(source.note),
      ]),
    ),
    sheet(
      'actors',
      graph.actors.map((actor) => [
        actor.id,
        actor.label,
        actor.kind,
        list(actor.aliases),
        text(actor.summary),
        text(actor.disputed),
      ]),
    ),
    sheet(
      'relations',
      graph.relations.map((relation) => [
        relation.id,
        relation.type,
        relation.from,
        relation.to,
        text(relation.date),
        text(relation.summary),
        text(relation.disputed),
        list(relation.answers),
      ]),
    ),
    sheet('evidence', evidence),
  ];
  if (graph.layout) {
    const positions = Object.entries(graph.layout.positions).map(([actor, at]) => [actor, String(at.x), String(at.y)]);
    sheets.push(sheet('positions', positions));
  }
  return sheets;
}

// ---------------------------------------------------------------------------
// Reading: problems

/** Collects problems, keeping the first GRAPH_LIMITS.problems and counting the rest (as problems.ts does). */
export class SheetProblems {
  readonly listed: SheetProblem[] = [];
  omitted = 0;
  errors = 0;

  add(severity: SheetProblem['severity'], place: string, column: string, message: string): void {
    if (severity === 'error') this.errors++;
    if (this.listed.length < GRAPH_LIMITS.problems) this.listed.push({ severity, place, column, message });
    else this.omitted++;
  }

  /** Enough found: a sheet this broken is not fixed by reading a longer list. */
  get shouldStop(): boolean {
    return this.listed.length + this.omitted >= GRAPH_LIMITS.problemsBeforeStopping;
  }

  /** Errors before warnings, each in the order found. */
  sorted(): SheetProblem[] {
    return [...this.listed.filter((p) => p.severity === 'error'), ...this.listed.filter((p) => p.severity !== 'error')];
  }
}

export const didYouMean = (suggestion: string | undefined) =>
  suggestion === undefined ? '' : ` (did you mean ${quoteValue(suggestion)}?)`;

// ---------------------------------------------------------------------------
// Reading: one sheet

/** Where each read item came from: its sheet and row. */
export interface RowOrigin {
  sheet: SheetName;
  row: number;
}

/** A sheet being read: its columns by name, and the cells of a row. */
class SheetReader {
  readonly columns = new Map<string, number>();
  constructor(
    readonly name: SheetName,
    readonly sheet: Sheet,
    readonly file: string,
    problems: SheetProblems,
  ) {
    const header = sheet.rows[0] ?? [];
    const expected: readonly string[] = SHEET_COLUMNS[name];
    const suggestions = new SuggestionIndex(expected);
    header.forEach((rawName, column) => {
      const columnName = rawName.trim();
      if (columnName === '') return;
      const place = cellPlace(file, 0, column);
      if (!expected.includes(columnName)) {
        const message = `unknown column ${quoteValue(columnName)}; its cells are not read`;
        problems.add('warning', place, columnName, message + didYouMean(suggestions.closest(columnName)));
      } else if (this.columns.has(columnName)) {
        problems.add('error', place, columnName, `a second ${quoteValue(columnName)} column; a sheet has one of each`);
      } else this.columns.set(columnName, column);
    });
    for (const required of REQUIRED_COLUMNS[name]) {
      if (!this.columns.has(required)) {
        const needed = REQUIRED_COLUMNS[name].join(', ');
        problems.add(
          'error',
          `${file}:1`,
          required,
          `no ${quoteValue(required)} column; the ${name} sheet needs ${needed}`,
        );
      }
    }
  }

  get usable(): boolean {
    return REQUIRED_COLUMNS[this.name].every((column) => this.columns.has(column));
  }

  /** The cell's text as written ('' for a column the sheet lacks or a short row). */
  raw(row: number, column: string): string {
    const index = this.columns.get(column);
    return index === undefined ? '' : (this.sheet.rows[row]?.[index] ?? '');
  }

  place(row: number, column: string): string {
    return cellPlace(this.file, row, this.columns.get(column) ?? 0);
  }

  /** Rows after the header that have a non-blank cell. */
  *dataRows(): Generator<number> {
    for (let row = 1; row < this.sheet.rows.length; row++) {
      if ((this.sheet.rows[row] ?? []).some((cell) => cell.trim() !== '')) yield row;
    }
  }
}

/** Reads the cells of one row, reporting problems at their cells. */
class RowCells {
  constructor(
    private readonly reader: SheetReader,
    private readonly row: number,
    private readonly problems: SheetProblems,
  ) {}

  error(column: string, message: string): void {
    this.problems.add('error', this.reader.place(this.row, column), column, message);
  }

  /** Text kept exactly as written (quotes, summaries); undefined when empty. */
  text(column: string): string | undefined {
    const value = this.reader.raw(this.row, column);
    return value === '' ? undefined : value;
  }

  /** A required cell's text, or '' with a problem when it is empty. */
  required(column: string, what: string): string {
    const value = this.reader.raw(this.row, column);
    if (value.trim() === '') {
      this.error(column, `empty; ${what} needs one`);
      return '';
    }
    return value;
  }

  /** An id or a reference to one: trimmed. */
  id(column: string, what: string): string {
    return this.required(column, what).trim();
  }

  optionalId(column: string): string | undefined {
    const value = this.reader.raw(this.row, column).trim();
    return value === '' ? undefined : value;
  }

  /** true, false, or undefined when empty; a problem for anything else. */
  boolean(column: string): boolean | undefined {
    const value = this.reader.raw(this.row, column).trim();
    if (value === '') return undefined;
    const lower = value.toLowerCase();
    if (lower === 'true') return true;
    if (lower === 'false') return false;
    this.error(column, `${quoteValue(value)} is not true or false`);
    return undefined;
  }

  /** One of `allowed`, or undefined when empty; a problem with a suggestion for anything else. */
  choice<T extends string>(column: string, allowed: readonly T[], what: string): T | undefined {
    const value = this.reader.raw(this.row, column).trim();
    if (value === '') return undefined;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    // Edit distance says nothing for one-letter codes ("d" is as near "A" as "D").
    const suggestion =
      caseInsensitive(allowed, value) ?? (value.length > 2 ? new SuggestionIndex(allowed).closest(value) : undefined);
    this.error(column, `no ${what} ${quoteValue(value)}${didYouMean(suggestion)}; one of ${allowed.join(', ')}`);
    return undefined;
  }

  /** A list cell: values between "|", or [] for `(none)`; undefined when empty. */
  list(column: string): string[] | undefined {
    const value = this.reader.raw(this.row, column).trim();
    if (value === '') return undefined;
    if (value === NONE_CELL) return [];
    return value
      .split('|')
      .map((item) => item.trim())
      .filter((item) => item !== '');
  }

  /** A finite number, or undefined with a problem. */
  number(column: string, what: string): number | undefined {
    const value = this.required(column, what).trim();
    if (value === '') return undefined;
    const number = Number(value);
    if (!Number.isFinite(number)) {
      this.error(column, `${quoteValue(value)} is not a number`);
      return undefined;
    }
    return number;
  }
}

function caseInsensitive<T extends string>(allowed: readonly T[], value: string): T | undefined {
  return allowed.find((item) => item.toLowerCase() === value.toLowerCase());
}

const RELIABILITIES: readonly Reliability[] = ['A', 'B', 'C', 'D', 'E', 'F'];
const CREDIBILITIES = ['1', '2', '3', '4', '5', '6'] as const;
const STANCES: readonly Stance[] = ['supports', 'contradicts'];
const FAMILIES: readonly RelationFamily[] = [
  'claim',
  'opposition',
  'violence',
  'affiliation',
  'procedure',
  'contact',
  'other',
];

// ---------------------------------------------------------------------------
// Reading: all sheets into items

/** What sheets hold: each list present only when its sheet is. */
export interface ImportedItems {
  graph?: { title: string; description?: string; updated: string; $schema?: string };
  actorKinds?: ActorKind[];
  relationTypes?: RelationType[];
  sources?: Source[];
  /** Evidence as the evidence sheet gives it: [] when no row names the item. */
  actors?: Actor[];
  relations?: Relation[];
  positions?: Record<string, Position>;
}

/** Where each item came from, by list and index; evidence by owner id, item by item. */
export interface ItemOrigins {
  graph?: number;
  actorKinds: number[];
  relationTypes: number[];
  sources: number[];
  actors: number[];
  relations: number[];
  evidence: Map<string, number[]>;
  positions: Map<string, number>;
}

export interface ReadOptions {
  /** File name by sheet name, for the places in problems: { actors: "actors.csv" }; "<sheet>.csv" when not given. */
  fileNames?: Readonly<Record<string, string>>;
  /**
   * The graph the sheets are merged into: its kinds, types, sources, actors and
   * relations count as known, and evidence rows may name its actors and relations.
   * Without it the sheets must be a whole graph.
   */
  into?: Graph;
}

export interface ReadResult {
  items: ImportedItems;
  origins: ItemOrigins;
  /** Kinds, types and sources named (as well-formed ids) but defined neither by the sheets nor by `into`. */
  missing: { kinds: string[]; types: string[]; sources: string[] };
  problems: SheetProblem[];
  omitted: number;
  errors: number;
  /** Sheet name to file name, for placing later problems. */
  fileOf: (sheet: SheetName) => string;
  /** The column index of a field in a read sheet, for placing later problems. */
  columnOf: (sheet: SheetName, column: string) => number | undefined;
}

/**
 * Reads sheets into items, checking each row and the references between them.
 * Sheets are matched by name (case and surrounding space ignored); unknown sheets get a warning.
 */
export function readSheets(sheets: readonly Sheet[], options: ReadOptions = {}): ReadResult {
  const problems = new SheetProblems();
  const fileOf = (name: string) => options.fileNames?.[name] ?? `${name}.csv`;
  const readers = new Map<SheetName, SheetReader>();
  const sheetIndex = new SuggestionIndex(SHEET_NAMES);
  for (const sheet of sheets) {
    const name = sheet.name.trim().toLowerCase();
    if (!(SHEET_NAMES as string[]).includes(name)) {
      const message = `unknown sheet ${quoteValue(sheet.name)}; the sheets are ${SHEET_NAMES.join(', ')}`;
      problems.add('warning', fileOf(sheet.name), '', message + didYouMean(sheetIndex.closest(name)));
      continue;
    }
    const sheetName = name as SheetName;
    if (readers.has(sheetName)) {
      problems.add('error', fileOf(sheet.name), '', `a second ${sheetName} sheet; give each sheet once`);
      continue;
    }
    readers.set(sheetName, new SheetReader(sheetName, sheet, fileOf(sheetName), problems));
  }
  const whole = options.into === undefined;
  /** A sheet that is there but lacks a required column: what it defines is unknown, so nothing is checked against. */
  const sheetUnreadable = (name: SheetName) => readers.has(name) && readers.get(name)?.usable === false;
  if (whole) {
    for (const name of SHEETS_OF_A_GRAPH) {
      if (!readers.has(name)) problems.add('error', fileOf(name), '', `no ${name} sheet; a graph needs one`);
    }
  }
  const items: ImportedItems = {};
  const origins: ItemOrigins = {
    actorKinds: [],
    relationTypes: [],
    sources: [],
    actors: [],
    relations: [],
    evidence: new Map(),
    positions: new Map(),
  };
  /** Each row of a usable sheet, until there are too many problems. */
  const eachRow = (name: SheetName, read: (cells: RowCells, row: number) => void) => {
    const reader = readers.get(name);
    if (!reader?.usable) return;
    for (const row of reader.dataRows()) {
      if (problems.shouldStop) return;
      read(new RowCells(reader, row, problems), row);
    }
  };
  /** Ids already given in this sheet (or in the shared actor and relation id space), for duplicate checks. */
  const unique = (cells: RowCells, seen: Map<string, string>, id: string, described: string): boolean => {
    if (id === '') return false;
    if (!SLUG_PATTERN.test(id)) {
      cells.error('id', `${quoteValue(id)} is not an id: lowercase letters and digits, words joined by "-"`);
      return false;
    }
    const earlier = seen.get(id);
    if (earlier !== undefined) {
      cells.error('id', `${quoteValue(id)} is already the id of ${earlier}`);
      return false;
    }
    seen.set(id, described);
    return true;
  };

  eachRow('graph', (cells, row) => {
    if (items.graph) {
      cells.error('title', 'a second row; the graph sheet has one row');
      return;
    }
    const description = cells.text('description');
    const schema = cells.optionalId('$schema');
    items.graph = {
      title: cells.required('title', 'the graph'),
      ...(description === undefined ? {} : { description }),
      updated: cells.id('updated', 'the graph'),
      ...(schema === undefined ? {} : { $schema: schema }),
    };
    origins.graph = row;
  });

  const kindIds = new Map<string, string>();
  if (readers.get('kinds')?.usable) items.actorKinds = [];
  eachRow('kinds', (cells, row) => {
    const id = cells.id('id', 'a kind');
    const label = cells.required('label', 'a kind');
    const color = cells.optionalId('color');
    const shape = cells.optionalId('shape');
    if (!unique(cells, kindIds, id, `the kind on row ${row + 1}`)) return;
    items.actorKinds?.push({ id, label, ...(color ? { color } : {}), ...(shape ? { shape } : {}) });
    origins.actorKinds.push(row);
  });

  const typeIds = new Map<string, string>();
  if (readers.get('types')?.usable) items.relationTypes = [];
  eachRow('types', (cells, row) => {
    const id = cells.id('id', 'a type');
    const label = cells.required('label', 'a type');
    const inverseLabel = cells.text('inverseLabel');
    const definition = cells.required('definition', 'a type');
    const directed = cells.boolean('directed');
    if (directed === undefined && cells.text('directed') === undefined)
      cells.error('directed', 'empty; a type needs one');
    const contested = cells.boolean('contested');
    const family = cells.choice('family', FAMILIES, 'family');
    const color = cells.optionalId('color');
    if (!unique(cells, typeIds, id, `the type on row ${row + 1}`) || directed === undefined) return;
    items.relationTypes?.push({
      id,
      label,
      ...(inverseLabel === undefined ? {} : { inverseLabel }),
      definition,
      directed,
      ...(contested === undefined ? {} : { contested }),
      ...(family === undefined ? {} : { family }),
      ...(color ? { color } : {}),
    });
    origins.relationTypes.push(row);
  });

  const sourceIds = new Map<string, string>();
  if (readers.get('sources')?.usable) items.sources = [];
  eachRow('sources', (cells, row) => {
    const id = cells.id('id', 'a source');
    const title = cells.required('title', 'a source');
    const publisher = cells.required('publisher', 'a source');
    const author = cells.text('author');
    const published = cells.optionalId('published');
    const url = cells.optionalId('url');
    const reliabilityCell = cells.id('reliability', 'a source');
    const reliability = reliabilityCell === '' ? undefined : cells.choice('reliability', RELIABILITIES, 'reliability');
    const archive = cells.text('archive');
    const note = cells.text('note');
    if (!unique(cells, sourceIds, id, `the source on row ${row + 1}`) || reliability === undefined) return;
    items.sources?.push({
      id,
      title,
      publisher,
      author: author ?? null,
      published: published ?? null,
      ...(url === undefined ? {} : { url }),
      reliability,
      ...(archive === undefined ? {} : { archive }),
      ...(note === undefined ? {} : { note }),
    });
    origins.sources.push(row);
  });

  // Actors and relations share one id space.
  const itemIds = new Map<string, string>();
  const actorRows: { actor: Actor; row: number }[] = [];
  if (readers.get('actors')?.usable) items.actors = [];
  eachRow('actors', (cells, row) => {
    const id = cells.id('id', 'an actor');
    const label = cells.required('label', 'an actor');
    const kind = cells.id('kind', 'an actor');
    const aliases = cells.list('aliases');
    const summary = cells.text('summary');
    const disputed = cells.text('disputed');
    if (!unique(cells, itemIds, id, `the actor on row ${row + 1} of the actors sheet`)) return;
    const actor: Actor = {
      id,
      label,
      kind,
      ...(aliases === undefined ? {} : { aliases }),
      ...(summary === undefined ? {} : { summary }),
      ...(disputed === undefined ? {} : { disputed }),
      evidence: [],
    };
    items.actors?.push(actor);
    actorRows.push({ actor, row });
    origins.actors.push(row);
  });

  const relationRows: { relation: Relation; row: number }[] = [];
  if (readers.get('relations')?.usable) items.relations = [];
  eachRow('relations', (cells, row) => {
    const id = cells.id('id', 'a relation');
    const type = cells.id('type', 'a relation');
    const from = cells.id('from', 'a relation');
    const to = cells.id('to', 'a relation');
    const date = cells.optionalId('date');
    const summary = cells.text('summary');
    const disputed = cells.text('disputed');
    const answers = cells.list('answers');
    if (!unique(cells, itemIds, id, `the relation on row ${row + 1} of the relations sheet`)) return;
    const relation: Relation = {
      id,
      type,
      from,
      to,
      ...(date === undefined ? {} : { date }),
      ...(summary === undefined ? {} : { summary }),
      ...(disputed === undefined ? {} : { disputed }),
      ...(answers === undefined || answers.length === 0 ? {} : { answers }),
      evidence: [],
    };
    items.relations?.push(relation);
    relationRows.push({ relation, row });
    origins.relations.push(row);
  });

  // Evidence, by owner; an owner of `into` that the sheets do not list gets its evidence replaced.
  const actorsById = new Map((items.actors ?? []).map((actor) => [actor.id, actor]));
  const relationsById = new Map((items.relations ?? []).map((relation) => [relation.id, relation]));
  const baseActors = new Map((options.into?.actors ?? []).map((actor) => [actor.id, actor]));
  const baseRelations = new Map((options.into?.relations ?? []).map((relation) => [relation.id, relation]));
  const evidenceCells: { owner: string; row: number; source: string; claimant: string | undefined }[] = [];
  const ownerIndex = new SuggestionIndex([...actorsById.keys(), ...relationsById.keys(), ...baseActors.keys()]);
  eachRow('evidence', (cells, row) => {
    const owner = cells.id('owner', 'an evidence row');
    const source = cells.id('source', 'an evidence row');
    const quote = cells.required('quote', 'an evidence row');
    const attributedTo = cells.required('attributedTo', 'an evidence row');
    const claimantCell = cells.optionalId('claimant');
    const stance = cells.choice('stance', STANCES, 'stance');
    const credibilityCell = cells.id('credibility', 'an evidence row');
    const credibility = credibilityCell === '' ? undefined : cells.choice('credibility', CREDIBILITIES, 'credibility');
    const note = cells.text('note');
    if (owner === '' || credibility === undefined) return;
    let target = actorsById.get(owner) ?? relationsById.get(owner);
    if (!target) {
      const base = baseActors.get(owner) ?? baseRelations.get(owner);
      if (base) {
        // Evidence for an item of the graph that the sheets do not list: the item, with this evidence.
        target = { ...base, evidence: [] };
        if ('kind' in target) {
          items.actors = [...(items.actors ?? []), target];
          actorsById.set(owner, target);
          origins.actors.push(row);
        } else {
          items.relations = [...(items.relations ?? []), target];
          relationsById.set(owner, target);
          origins.relations.push(row);
        }
      }
    }
    if (!target && (sheetUnreadable('actors') || sheetUnreadable('relations'))) return;
    if (!target) {
      const message = `no actor or relation ${quoteValue(owner)}${didYouMean(ownerIndex.closest(owner))}`;
      cells.error('owner', message);
      return;
    }
    const item: EvidenceItem = {
      source,
      quote,
      attributedTo,
      ...(claimantCell === NONE_CELL ? { claimant: null } : claimantCell ? { claimant: claimantCell } : {}),
      ...(stance === undefined ? {} : { stance }),
      credibility: Number(credibility) as Credibility,
      ...(note === undefined ? {} : { note }),
    };
    target.evidence.push(item);
    const rows = origins.evidence.get(owner) ?? [];
    rows.push(row);
    origins.evidence.set(owner, rows);
    evidenceCells.push({ owner, row, source, claimant: claimantCell === NONE_CELL ? undefined : claimantCell });
  });

  if (readers.get('positions')?.usable) items.positions = {};
  eachRow('positions', (cells, row) => {
    const actor = cells.id('actor', 'a position');
    const x = cells.number('x', 'a position');
    const y = cells.number('y', 'a position');
    if (actor === '' || x === undefined || y === undefined) return;
    if (origins.positions.has(actor)) {
      cells.error('actor', `${quoteValue(actor)} has a position already; one per actor`);
      return;
    }
    if (items.positions) items.positions[actor] = { x, y };
    origins.positions.set(actor, row);
  });

  // References, each checked against what the sheets and the graph merged into define.
  const into = options.into;
  const known = {
    kinds: new Set([...kindIds.keys(), ...(into?.actorKinds ?? []).map((kind) => kind.id)]),
    types: new Set([...typeIds.keys(), ...(into?.relationTypes ?? []).map((type) => type.id)]),
    sources: new Set([...sourceIds.keys(), ...(into?.sources ?? []).map((source) => source.id)]),
    actors: new Set([...actorsById.keys(), ...baseActors.keys()]),
    relations: new Set([...relationsById.keys(), ...baseRelations.keys()]),
  };
  const unreadable = (what: keyof typeof known) => sheetUnreadable(what);
  const missing = { kinds: new Set<string>(), types: new Set<string>(), sources: new Set<string>() };
  const suggesters = new Map<string, SuggestionIndex>();
  const suggester = (what: keyof typeof known) => {
    let index = suggesters.get(what);
    if (!index) {
      index = new SuggestionIndex(known[what]);
      suggesters.set(what, index);
    }
    return index;
  };
  /**
   * A named kind, type or source: an error when it is not an id; when it is but nothing defines it,
   * an error for a whole graph, and for a merge a warning and a missing item the analyst may create.
   */
  const reference = (
    sheet: SheetName,
    row: number,
    column: string,
    value: string,
    what: 'kinds' | 'types' | 'sources' | 'actors' | 'relations',
  ) => {
    if (value === '' || known[what].has(value) || unreadable(what) || problems.shouldStop) return;
    const word = { kinds: 'kind', types: 'type', sources: 'source', actors: 'actor', relations: 'relation' }[what];
    const reader = readers.get(sheet);
    const place = reader ? reader.place(row, column) : fileOf(sheet);
    const message = `no ${word} ${quoteValue(value)}${didYouMean(suggester(what).closest(value))}`;
    const creatable = what === 'kinds' || what === 'types' || what === 'sources';
    if (creatable && !whole && SLUG_PATTERN.test(value)) {
      missing[what].add(value);
      problems.add('warning', place, column, `${message}; it can be created with the import`);
    } else problems.add('error', place, column, message);
  };
  for (const { actor, row } of actorRows) reference('actors', row, 'kind', actor.kind, 'kinds');
  for (const { relation, row } of relationRows) {
    reference('relations', row, 'type', relation.type, 'types');
    reference('relations', row, 'from', relation.from, 'actors');
    reference('relations', row, 'to', relation.to, 'actors');
    for (const answered of relation.answers ?? []) reference('relations', row, 'answers', answered, 'relations');
  }
  for (const { row, source, claimant } of evidenceCells) {
    reference('evidence', row, 'source', source, 'sources');
    if (claimant !== undefined) reference('evidence', row, 'claimant', claimant, 'actors');
  }
  for (const [actor, row] of origins.positions) reference('positions', row, 'actor', actor, 'actors');

  // Items that stand without evidence: an error, unless the graph merged into keeps theirs.
  const withoutEvidence = (sheet: 'actors' | 'relations', item: Actor | Relation, row: number) => {
    const kept = sheet === 'actors' ? baseActors.has(item.id) : baseRelations.has(item.id);
    if (item.evidence.length > 0 || kept || sheetUnreadable('evidence') || problems.shouldStop) return;
    const word = sheet === 'actors' ? 'actor' : 'relation';
    const reader = readers.get(sheet);
    const message = `no evidence row names this ${word}; every ${word} needs at least one`;
    problems.add('error', reader ? reader.place(row, 'id') : fileOf(sheet), 'id', message);
  };
  for (const { actor, row } of actorRows) withoutEvidence('actors', actor, row);
  for (const { relation, row } of relationRows) withoutEvidence('relations', relation, row);

  return {
    items,
    origins,
    missing: { kinds: [...missing.kinds], types: [...missing.types], sources: [...missing.sources] },
    problems: problems.sorted(),
    omitted: problems.omitted,
    errors: problems.errors,
    fileOf,
    columnOf: (sheet, column) => readers.get(sheet)?.columns.get(column),
  };
}

// ---------------------------------------------------------------------------
// A whole graph from sheets

/** The list, sheet and column of a validator path's item and field. */
const LIST_SHEETS = {
  actorKinds: 'kinds',
  relationTypes: 'types',
  sources: 'sources',
  actors: 'actors',
  relations: 'relations',
} as const satisfies Record<string, SheetName>;

/**
 * The cell a validator problem is about, from its path ("actors[3].evidence[0].quote"):
 * the row the item came from and the field's column; the sheet alone when no cell says it.
 */
function placeOfPath(path: string, read: ReadResult, graph: Graph): { place: string; column: string } {
  const at = (sheet: SheetName, row: number | undefined, column: string) => {
    const index = read.columnOf(sheet, column);
    if (row === undefined) return { place: read.fileOf(sheet), column };
    return { place: cellPlace(read.fileOf(sheet), row, index ?? 0), column: index === undefined ? '' : column };
  };
  const item = /^(actorKinds|relationTypes|sources|actors|relations)\[(\d+)\](?:\.evidence\[(\d+)\])?(?:\.(\w+))?/.exec(
    path,
  );
  if (item) {
    const [, list = '', indexText = '0', evidenceText, field = 'id'] = item;
    const index = Number(indexText);
    const sheet = LIST_SHEETS[list as keyof typeof LIST_SHEETS];
    if (evidenceText !== undefined && (list === 'actors' || list === 'relations')) {
      const owner = graph[list][index]?.id ?? '';
      const row = read.origins.evidence.get(owner)?.[Number(evidenceText)];
      return at('evidence', row, item[4] ?? 'owner');
    }
    const origins = read.origins[list as keyof typeof LIST_SHEETS];
    return at(sheet, origins[index], field);
  }
  const position = /^layout\.positions\.([^.[]+)/.exec(path) ?? /^layout\.positions\["(.*)"\]/.exec(path);
  if (position) return at('positions', read.origins.positions.get(position[1] ?? ''), 'actor');
  if (path.startsWith('layout')) return at('positions', undefined, '');
  const field = /^(title|description|updated|\$schema)/.exec(path);
  if (field) return at('graph', read.origins.graph, field[1] ?? '');
  const list = /^(actorKinds|relationTypes|sources|actors|relations)/.exec(path);
  if (list) return at(LIST_SHEETS[list[1] as keyof typeof LIST_SHEETS], undefined, '');
  return { place: read.fileOf('graph'), column: '' };
}

/**
 * A whole graph from its sheets (SHEET_COLUMNS), or every problem at its cell.
 * `fileNames` gives each sheet's file name for the places ("actors" -> "actors.csv").
 * A result with problems that are only warnings still gives the graph.
 */
export function sheetsToGraph(
  sheets: readonly Sheet[],
  fileNames: Readonly<Record<string, string>> = {},
): SheetsResult {
  const read = readSheets(sheets, { fileNames });
  if (read.errors > 0) return { ok: false, problems: read.problems, omitted: read.omitted };
  const { items } = read;
  const meta = items.graph ?? { title: '', updated: '' };
  const graph: Graph = {
    ...(meta.$schema === undefined ? {} : { $schema: meta.$schema }),
    title: meta.title,
    ...(meta.description === undefined ? {} : { description: meta.description }),
    updated: meta.updated,
    actorKinds: items.actorKinds ?? [],
    relationTypes: items.relationTypes ?? [],
    sources: items.sources ?? [],
    actors: items.actors ?? [],
    relations: items.relations ?? [],
    ...(items.positions === undefined ? {} : { layout: { positions: items.positions } }),
  };
  const checked = parseGraph(graphToJson(graph));
  const problems = [...read.problems];
  for (const problem of checked.problems) {
    const { place, column } = placeOfPath(problem.path, read, graph);
    problems.push({ severity: problem.severity, place, column, message: problem.message });
  }
  const omitted = read.omitted + checked.omitted;
  const errorsFirst = [
    ...problems.filter((p) => p.severity === 'error'),
    ...problems.filter((p) => p.severity !== 'error'),
  ];
  if (!checked.ok) return { ok: false, problems: errorsFirst, omitted };
  return { ok: true, graph: checked.graph, problems: errorsFirst, omitted };
}
