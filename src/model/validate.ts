// Turns the text of a graph file into a typed Graph, or into the complete list
// of problems with line:column and JSON path. Pure: no DOM, no file system
// (archived sources for the quote check are handed in as a lookup function).

import Ajv, { type ErrorObject } from 'ajv';
import { closest, distance } from 'fastest-levenshtein';
import { findNodeAtLocation, type Node, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import schema from '../../graph/schema.json';
import { closestPassage } from './closest-passage.ts';
import { parseDateOrRange } from './dates.ts';
import type { Graph } from './graph.ts';
import { normaliseForQuoteMatch } from './quotes.ts';

export { closestPassage } from './closest-passage.ts';

/** Larger files are refused before parsing; 20 MB holds well over 10,000 actors with evidence. */
export const MAX_GRAPH_FILE_BYTES = 20 * 1024 * 1024;

export type Severity = 'error' | 'warning';
export type JsonPath = (string | number)[];

export interface Problem {
  severity: Severity;
  /** 1-based */
  line: number;
  /** 1-based */
  column: number;
  /** "relations[3].to"; "" for the whole file */
  path: string;
  message: string;
}

export type ParseResult = { ok: true; graph: Graph; problems: Problem[] } | { ok: false; problems: Problem[] };

export interface ParseOptions {
  /**
   * Text of an archived source by file name, or null when it is missing.
   * When given, every quote is checked against its source's archive.
   */
  archiveText?: (fileName: string) => string | null;
}

/** "graph/x.json:42:13 relations[3].to: no actor ..." (warnings say so after the path). */
export function formatProblem(fileName: string, problem: Problem): string {
  const where = problem.path === '' ? '' : ` ${problem.path}:`;
  const severity = problem.severity === 'warning' ? ' warning:' : '';
  return `${fileName}:${problem.line}:${problem.column}${where}${severity} ${problem.message}`;
}

export function formatJsonPath(path: JsonPath): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(segment)) text += text === '' ? segment : `.${segment}`;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text;
}

let compiledSchema: ReturnType<Ajv['compile']> | undefined;
function schemaValidator() {
  // Compiled lazily and once: compiling costs a few ms and most callers parse many files.
  compiledSchema ??= new Ajv({ allErrors: true, strict: true }).compile(schema);
  return compiledSchema;
}

/** Maps offsets to 1-based line and column. */
class LineIndex {
  private readonly lineStarts: number[] = [0];
  constructor(text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
  }
  position(offset: number): { line: number; column: number } {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.lineStarts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - (this.lineStarts[low] ?? 0) + 1 };
  }
}

const SYNTAX_WORDS: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'malformed number',
  PropertyNameExpected: 'expected a field name in double quotes',
  ValueExpected: 'expected a value',
  ColonExpected: 'expected ":" after the field name',
  CommaExpected: 'expected "," between items',
  CloseBraceExpected: 'expected "}" to close the object',
  CloseBracketExpected: 'expected "]" to close the list',
  EndOfFileExpected: 'unexpected text after the end of the graph',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'comments are not allowed in JSON',
  UnexpectedEndOfString: 'the text is not closed with a double quote',
  UnexpectedEndOfNumber: 'malformed number',
  InvalidUnicode: 'invalid \\u escape',
  InvalidEscapeCharacter: 'invalid escape after "\\"',
  InvalidCharacter: 'control character inside text (use \\n for a new line)',
};

/** Collects problems and places them in the file. */
class ProblemList {
  readonly items: Problem[] = [];
  constructor(
    private readonly root: Node | undefined,
    private readonly lines: LineIndex,
  ) {}

  atOffset(severity: Severity, offset: number, path: JsonPath, message: string): void {
    this.items.push({ severity, ...this.lines.position(offset), path: formatJsonPath(path), message });
  }

  /** At the value found at `path` (or the nearest existing parent). */
  at(severity: Severity, path: JsonPath, message: string): void {
    this.atOffset(severity, this.offsetOf(path), path, message);
  }

  /** At the field name `key` of the object at `path` (for fields that should not be there). */
  atKey(severity: Severity, path: JsonPath, key: string, message: string): void {
    const objectNode = this.root ? findNodeAtLocation(this.root, path) : undefined;
    const property = objectNode?.children?.find((child) => child.children?.[0]?.value === key);
    const offset = property?.children?.[0]?.offset ?? this.offsetOf(path);
    this.atOffset(severity, offset, [...path, key], message);
  }

  positionOf(path: JsonPath): { line: number; column: number } {
    return this.lines.position(this.offsetOf(path));
  }

  offsetOf(path: JsonPath): number {
    if (!this.root) return 0;
    for (let length = path.length; length >= 0; length--) {
      const node = findNodeAtLocation(this.root, path.slice(0, length));
      if (node) return node.offset;
    }
    return this.root.offset;
  }
}

export function parseGraph(text: string, options: ParseOptions = {}): ParseResult {
  const lines = new LineIndex(text);
  const byteLength = new TextEncoder().encode(text).length;
  if (byteLength > MAX_GRAPH_FILE_BYTES) {
    const megabytes = (n: number) => (n / 1024 / 1024).toFixed(1);
    return {
      ok: false,
      problems: [
        {
          severity: 'error',
          line: 1,
          column: 1,
          path: '',
          message: `the file is ${megabytes(byteLength)} MB; the limit is ${megabytes(MAX_GRAPH_FILE_BYTES)} MB`,
        },
      ],
    };
  }

  const syntaxErrors: ParseError[] = [];
  const root = parseTree(text, syntaxErrors, {
    disallowComments: true,
    allowTrailingComma: false,
    allowEmptyContent: false,
  });
  const problems = new ProblemList(root, lines);
  if (syntaxErrors.length > 0 || !root) {
    const reportedOffsets = new Set<number>();
    for (const error of syntaxErrors) {
      // One message per place: the parser can report several for one mistake.
      if (reportedOffsets.has(error.offset)) continue;
      reportedOffsets.add(error.offset);
      const code = printParseErrorCode(error.error);
      const closer = text[error.offset];
      const trailingComma = (closer === '}' || closer === ']') && /,\s*$/.test(text.slice(0, error.offset));
      const words = trailingComma
        ? `a comma before "${closer}" is not allowed in JSON: remove the last ","`
        : (SYNTAX_WORDS[code] ?? code);
      problems.atOffset('error', error.offset, [], `invalid JSON: ${words}`);
    }
    if (syntaxErrors.length === 0) problems.atOffset('error', 0, [], 'invalid JSON: the file is empty');
    return { ok: false, problems: problems.items };
  }

  checkDuplicateKeys(root, [], problems);
  const data: unknown = JSON.parse(text);
  const validateSchema = schemaValidator();
  if (!validateSchema(data)) {
    for (const error of validateSchema.errors ?? []) reportSchemaError(error, data, problems);
  }
  checkMeaning(data, problems);
  if (options.archiveText) checkQuotesAgainstArchives(data, options.archiveText, problems);

  const sorted = problems.items.sort((a, b) => a.line - b.line || a.column - b.column);
  if (sorted.some((problem) => problem.severity === 'error')) return { ok: false, problems: sorted };
  return { ok: true, graph: data as Graph, problems: sorted };
}

function checkDuplicateKeys(node: Node, path: JsonPath, problems: ProblemList): void {
  if (node.type === 'object') {
    const seen = new Set<string>();
    for (const property of node.children ?? []) {
      const [keyNode, valueNode] = property.children ?? [];
      if (!keyNode) continue;
      const key = String(keyNode.value);
      if (seen.has(key)) {
        problems.atOffset('error', keyNode.offset, [...path, key], `the field "${key}" appears twice in this object`);
      }
      seen.add(key);
      if (valueNode) checkDuplicateKeys(valueNode, [...path, key], problems);
    }
  } else if (node.type === 'array') {
    for (const [index, child] of (node.children ?? []).entries()) checkDuplicateKeys(child, [...path, index], problems);
  }
}

// ---------------------------------------------------------------------------
// Schema errors in words

function pathFromPointer(pointer: string): JsonPath {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

function valueAt(data: unknown, path: JsonPath): unknown {
  let value: unknown = data;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return 'text';
  if (typeof value === 'number') return 'a number';
  return `a ${typeof value}`;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  null: 'null',
};

/** What each pattern in the schema means, by the definition or field it belongs to. */
function patternWords(schemaPath: string, value: unknown): string {
  const shown = JSON.stringify(value);
  if (schemaPath.includes('/slug/'))
    return `${shown} is not a valid id: use lowercase letters, digits and "-" (like "kataib-hezbollah")`;
  if (schemaPath.includes('/color/')) return `${shown} is not a colour: use #rrggbb`;
  if (schemaPath.includes('/fullDate/') || schemaPath.includes('/published/'))
    return `${shown} is not a date: use YYYY-MM-DD`;
  if (schemaPath.includes('/dateOrRange/')) return `${shown} is not a date: use YYYY, YYYY-MM, YYYY-MM-DD or START/END`;
  if (schemaPath.includes('/url/'))
    return `${shown} is not an http(s) link: only http:// and https:// URLs are allowed`;
  if (schemaPath.includes('/archive/')) return `${shown} must be a plain file name, without folders`;
  return `${shown} does not have the expected form`;
}

function reportSchemaError(error: ErrorObject, data: unknown, problems: ProblemList): void {
  const path = pathFromPointer(error.instancePath);
  const value = valueAt(data, path);
  const params = error.params as Record<string, unknown>;
  const last = path[path.length - 1];
  switch (error.keyword) {
    case 'required': {
      const field = String(params.missingProperty);
      if (field === 'evidence') {
        problems.at('error', path, 'has no "evidence": every actor and relation needs at least one evidence item');
      } else {
        problems.at('error', path, `missing the required field "${field}"`);
      }
      return;
    }
    case 'additionalProperties': {
      const field = String(params.additionalProperty);
      const allowed = Object.keys(schemaPropertiesAt(error.schemaPath));
      const suggestion = suggest(field, allowed);
      problems.atKey('error', path, field, `unknown field "${field}"${suggestion}`);
      return;
    }
    case 'type': {
      const expected = String(params.type)
        .split(',')
        .map((t) => TYPE_WORDS[t] ?? t)
        .join(' or ');
      problems.at('error', path, `should be ${expected}, not ${describeType(value)}`);
      return;
    }
    case 'pattern':
      problems.at('error', path, patternWords(error.schemaPath, value));
      return;
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ');
      const what =
        last === 'reliability' ? ' (Admiralty code: A completely reliable ... E unreliable, F cannot be judged)' : '';
      problems.at('error', path, `${JSON.stringify(value)} is not allowed here: use one of ${allowed}${what}`);
      return;
    }
    case 'minItems':
      if (last === 'evidence')
        problems.at('error', path, 'has no evidence: every actor and relation needs at least one evidence item');
      else problems.at('error', path, `needs at least ${String(params.limit)} item(s)`);
      return;
    case 'minLength':
      if (last === 'quote') return; // reported with the other empty quotes, by checkMeaning
      problems.at('error', path, 'is empty');
      return;
    case 'minimum':
    case 'maximum':
      if (last === 'credibility')
        problems.at(
          'error',
          path,
          `${JSON.stringify(value)} is not a credibility grade: use 1 (confirmed) to 6 (cannot be judged)`,
        );
      else problems.at('error', path, `${JSON.stringify(value)} is out of range (${error.message ?? ''})`);
      return;
    default:
      problems.at('error', path, error.message ?? `fails the schema rule "${error.keyword}"`);
  }
}

/** The `properties` of the schema object that an error's schemaPath points into. */
function schemaPropertiesAt(schemaPath: string): Record<string, unknown> {
  // schemaPath looks like "#/properties/actors/items/additionalProperties"
  const segments = schemaPath.replace(/^#\//, '').split('/').slice(0, -1);
  let node: unknown = schema;
  for (const segment of segments) node = (node as Record<string, unknown> | undefined)?.[segment];
  const properties = (node as { properties?: Record<string, unknown> } | undefined)?.properties;
  return properties ?? {};
}

function suggest(name: string, candidates: string[]): string {
  if (candidates.length === 0 || name === '') return '';
  const best = closest(name, candidates);
  const allowedDistance = Math.max(2, Math.floor(name.length / 3));
  return distance(name, best) <= allowedDistance ? ` (did you mean "${best}"?)` : '';
}

// ---------------------------------------------------------------------------
// Meaning: ids, references, dates, quotes. Runs on unknown data (the schema
// may have failed), so every access is guarded.

type Record_ = Record<string, unknown>;
const isRecord = (value: unknown): value is Record_ =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const listAt = (data: unknown, key: string): unknown[] => {
  const value = isRecord(data) ? data[key] : undefined;
  return Array.isArray(value) ? value : [];
};
const stringField = (item: unknown, key: string): string | undefined => {
  const value = isRecord(item) ? item[key] : undefined;
  return typeof value === 'string' ? value : undefined;
};

const LIST_NOUNS: Record<string, string> = {
  actorKinds: 'actor kind',
  relationTypes: 'relation type',
  sources: 'source',
  actors: 'actor',
  relations: 'relation',
};

/** Ids of one top-level list; reports duplicates. */
function collectIds(data: unknown, listKey: string, problems: ProblemList): Map<string, number> {
  const ids = new Map<string, number>();
  listAt(data, listKey).forEach((item, index) => {
    const id = stringField(item, 'id');
    if (id === undefined) return;
    const first = ids.get(id);
    if (first !== undefined) {
      const firstLine = problems.positionOf([listKey, first]).line;
      problems.at(
        'error',
        [listKey, index, 'id'],
        `duplicate ${LIST_NOUNS[listKey]} id "${id}" (already used by ${listKey}[${first}] on line ${firstLine})`,
      );
    } else {
      ids.set(id, index);
    }
  });
  return ids;
}

function checkReference(
  problems: ProblemList,
  path: JsonPath,
  value: string | undefined,
  known: Map<string, number>,
  noun: string,
): void {
  if (value === undefined || known.has(value)) return;
  problems.at('error', path, `no ${noun} "${value}"${suggest(value, [...known.keys()])}`);
}

function checkDate(problems: ProblemList, path: JsonPath, value: unknown, fullDateOnly: boolean): void {
  if (typeof value !== 'string') return;
  const shapeOk = fullDateOnly
    ? /^\d{4}-\d{2}-\d{2}$/.test(value)
    : /^\d{4}(-\d{2}(-\d{2})?)?(\/\d{4}(-\d{2}(-\d{2})?)?)?$/.test(value);
  if (!shapeOk) return; // the schema has already said so
  const check = parseDateOrRange(value);
  if (!check.ok) problems.at('error', path, check.reason);
}

function checkEvidence(
  data: unknown,
  ownerPath: JsonPath,
  sourceIds: Map<string, number>,
  problems: ProblemList,
): void {
  const owner = valueAt(data, ownerPath);
  const evidence = isRecord(owner) && Array.isArray(owner.evidence) ? owner.evidence : [];
  evidence.forEach((item, index) => {
    const path = [...ownerPath, 'evidence', index];
    checkReference(problems, [...path, 'source'], stringField(item, 'source'), sourceIds, 'source');
    const quote = stringField(item, 'quote');
    if (quote !== undefined && quote.trim() === '')
      problems.at('error', [...path, 'quote'], 'the quote is empty: copy the exact words from the source');
  });
}

function checkMeaning(data: unknown, problems: ProblemList): void {
  const kindIds = collectIds(data, 'actorKinds', problems);
  const typeIds = collectIds(data, 'relationTypes', problems);
  const sourceIds = collectIds(data, 'sources', problems);
  const actorIds = collectIds(data, 'actors', problems);
  collectIds(data, 'relations', problems);

  if (isRecord(data)) checkDate(problems, ['updated'], data.updated, true);
  listAt(data, 'sources').forEach((source, index) => {
    if (isRecord(source)) checkDate(problems, ['sources', index, 'published'], source.published, true);
  });

  listAt(data, 'actors').forEach((actor, index) => {
    checkReference(problems, ['actors', index, 'kind'], stringField(actor, 'kind'), kindIds, 'actor kind');
    checkEvidence(data, ['actors', index], sourceIds, problems);
  });

  const directedByType = new Map<string, boolean>();
  for (const type of listAt(data, 'relationTypes')) {
    const id = stringField(type, 'id');
    if (id !== undefined && isRecord(type)) directedByType.set(id, type.directed !== false);
  }
  const actorsInRelations = new Set<string>();
  const firstRelationByPair = new Map<string, number>();
  listAt(data, 'relations').forEach((relation, index) => {
    const path = ['relations', index];
    const type = stringField(relation, 'type');
    const from = stringField(relation, 'from');
    const to = stringField(relation, 'to');
    checkReference(problems, [...path, 'type'], type, typeIds, 'relation type');
    checkReference(problems, [...path, 'from'], from, actorIds, 'actor');
    checkReference(problems, [...path, 'to'], to, actorIds, 'actor');
    if (isRecord(relation)) checkDate(problems, [...path, 'date'], relation.date, false);
    checkEvidence(data, path, sourceIds, problems);
    if (from !== undefined) actorsInRelations.add(from);
    if (to !== undefined) actorsInRelations.add(to);

    if (type !== undefined && from !== undefined && to !== undefined) {
      const ends = directedByType.get(type) === false ? [from, to].sort() : [from, to];
      const pairKey = JSON.stringify([type, ...ends]);
      const first = firstRelationByPair.get(pairKey);
      if (first === undefined) firstRelationByPair.set(pairKey, index);
      else {
        const firstId = stringField(listAt(data, 'relations')[first], 'id') ?? '';
        problems.at(
          'warning',
          path,
          `a second "${type}" relation from "${from}" to "${to}" (the first is relations[${first}] "${firstId}"): consider merging their evidence into one relation`,
        );
      }
    }
  });

  listAt(data, 'actors').forEach((actor, index) => {
    const id = stringField(actor, 'id');
    if (id !== undefined && !actorsInRelations.has(id)) {
      problems.at('warning', ['actors', index], `"${stringField(actor, 'label') ?? id}" takes part in no relation`);
    }
  });
}

// ---------------------------------------------------------------------------
// Quotes against archived sources

function checkQuotesAgainstArchives(
  data: unknown,
  archiveText: (fileName: string) => string | null,
  problems: ProblemList,
): void {
  const archiveBySource = new Map<string, string>();
  listAt(data, 'sources').forEach((source, index) => {
    const id = stringField(source, 'id');
    const archive = stringField(source, 'archive');
    if (id === undefined || archive === undefined) return;
    archiveBySource.set(id, archive);
    if (archiveText(archive) === null)
      problems.at('error', ['sources', index, 'archive'], `the archived copy "${archive}" was not found`);
  });
  const normalisedArchives = new Map<string, string | null>();
  const archiveFor = (fileName: string) => {
    if (!normalisedArchives.has(fileName)) {
      const text = archiveText(fileName);
      normalisedArchives.set(fileName, text === null ? null : normaliseForQuoteMatch(text));
    }
    return normalisedArchives.get(fileName) ?? null;
  };

  for (const listKey of ['actors', 'relations']) {
    listAt(data, listKey).forEach((owner, ownerIndex) => {
      const evidence = isRecord(owner) && Array.isArray(owner.evidence) ? owner.evidence : [];
      evidence.forEach((item, index) => {
        const source = stringField(item, 'source');
        const quote = stringField(item, 'quote');
        if (source === undefined || quote === undefined || quote.trim() === '') return;
        const archive = archiveBySource.get(source);
        if (archive === undefined) return;
        const text = archiveFor(archive);
        if (text === null) return;
        const wanted = normaliseForQuoteMatch(quote);
        if (text.includes(wanted)) return;
        const passage = closestPassage(wanted, text);
        problems.at(
          'error',
          [listKey, ownerIndex, 'evidence', index, 'quote'],
          `the quote is not verbatim in "${archive}"; the closest passage is "${passage}"`,
        );
      });
    });
  }
}
