// Turns the text (or bytes) of a graph file into a typed Graph, or into the list
// of problems with line:column and JSON path. Pure: no DOM, no file system
// (archived sources for the quote check are handed in as a lookup function).
//
// Any input is safe: the cheap checks that bound the work run first (size,
// nesting, counts), nothing recurses over the file's structure, at most
// MAX_REPORTED_PROBLEMS problems are listed and the rest are counted, and
// checking stops once a file is hopeless. parseGraph never throws.
import { printParseErrorCode, visit } from 'jsonc-parser';
import { ActorNameIndex } from './actor-names.ts';
import { ArchiveIndex, closestPassage } from './closest-passage.ts';
import { parseDateOrRange } from './dates.ts';
import { decodeGraphBytes } from './decode.ts';
import type { Graph } from './graph.ts';
import { findDuplicateFields, JsonLocator, surveyStructure } from './json-text.ts';
import { GRAPH_LIMITS, MAX_GRAPH_FILE_BYTES } from './limits.ts';
import { LocatedProblems } from './located-problems.ts';
import {
  describeType,
  escapeControlCharacters,
  type JsonPath,
  type ParseReport,
  ProblemCollector,
  quoteValue,
  shortened,
} from './problems.ts';
import { normaliseForQuoteMatch } from './quotes.ts';
import { checkSchema, isPlainFileName, layoutPositions } from './schema-check.ts';
import { SuggestionIndex } from './suggest.ts';

export { closestPassage } from './closest-passage.ts';
export { type DecodeResult, decodeGraphBytes } from './decode.ts';
export { GRAPH_LIMITS, MAX_GRAPH_FILE_BYTES, MAX_REPORTED_PROBLEMS } from './limits.ts';
export {
  describeOmitted,
  escapeControlCharacters,
  formatJsonPath,
  formatProblem,
  type JsonPath,
  type ParseReport,
  type Problem,
  type Severity,
  STOPPED_EARLY,
} from './problems.ts';

/** What parseGraph is doing, for a progress line while a big file is checked in a worker. */
export type ParsePhase = 'decoding' | 'parsing' | 'checking the schema' | 'checking references' | 'checking quotes';

/**
 * An archive's text, null when there is no such file, why it could not be read
 * ("it is a folder"), or undefined when it is not at hand to check against (in
 * the editor, a source whose text is not attached): its quotes go unchecked.
 */
export type ArchiveLookup = string | null | { unreadable: string } | undefined;

export interface ParseOptions {
  /**
   * Text of an archived source by file name. When given, every quote is checked
   * against its source's archive. Only names that pass the schema (plain file
   * names, no folders, no leading dot) are looked up.
   */
  archiveText?: (fileName: string) => ArchiveLookup;
  /** Called as each phase starts. */
  onProgress?: (phase: ParsePhase) => void;
  /** Files over this many bytes (in UTF-8) are refused before parsing: MAX_GRAPH_FILE_BYTES unless given. */
  maxFileBytes?: number;
}

export type ParseResult = ({ ok: true; graph: Graph } | { ok: false }) & ParseReport;

/**
 * `archiveText` for archives handed in as texts by file name (the editor's attached
 * sources, sent to the parse worker): a name not among them is a text not attached,
 * so its quotes are not checked (the file on the analyst's disk may well exist).
 */
export function archiveTextFrom(archives: Readonly<Record<string, string>>): (fileName: string) => ArchiveLookup {
  return (fileName) => (Object.hasOwn(archives, fileName) ? archives[fileName] : undefined);
}

export function parseGraph(text: string, options: ParseOptions = {}): ParseResult {
  const collector = new ProblemCollector();
  let data: unknown;
  try {
    data = checkGraphText(text, options, collector);
  } catch (error) {
    // A bug in a check must not take the app down: it becomes a problem to report.
    const reason = shortened(error instanceof Error ? error.message : String(error), 200);
    const message = `internal error while checking the file (please report it): ${escapeControlCharacters(reason)}`;
    collector.add('error', 0, [], 'internal error', message);
    collector.stop();
  }
  const report = collector.report(text);
  if (data === undefined || collector.hasErrors) return { ok: false, ...report };
  return { ok: true, graph: data as Graph, ...report };
}

/** Decodes the bytes of a file (strict UTF-8, see decodeGraphBytes), then parses them. */
export function parseGraphBytes(bytes: Uint8Array, options: ParseOptions = {}): ParseResult {
  options.onProgress?.('decoding');
  const limit = options.maxFileBytes ?? MAX_GRAPH_FILE_BYTES;
  if (bytes.length > limit) {
    const message = fileSizeMessage(bytes.length, limit);
    const problem = { severity: 'error' as const, line: 1, column: 1, path: '', message };
    return { ok: false, problems: [problem], omitted: 0, omittedKinds: [], stoppedEarly: true };
  }
  const decoded = decodeGraphBytes(bytes);
  if (!decoded.ok) return { ok: false, problems: decoded.problems, omitted: 0, omittedKinds: [], stoppedEarly: true };
  return parseGraph(decoded.text, options);
}

/** What a graph too big to open is told to do, after what it has and what the explorer opens. */
export const TOO_BIG_ADVICE = 'split the graph, or filter it before export';

/**
 * Why a file of `bytes` bytes is refused: its size, the limit, and what to do. The
 * size is rounded up, so that a file just over the limit never reads as equal to it.
 */
export function fileSizeMessage(bytes: number, limit: number = MAX_GRAPH_FILE_BYTES): string {
  const size = (Math.ceil((bytes / 1024 / 1024) * 10) / 10).toFixed(1);
  const most = Number((limit / 1024 / 1024).toFixed(1)).toLocaleString('en');
  return `the file is ${size} MB; the explorer opens files of at most ${most} MB: ${TOO_BIG_ADVICE}`;
}

/** Bytes of the text in UTF-8, counting no further than just past `limit`. */
export function utf8LengthUpTo(text: string, limit: number): number {
  let bytes = 0;
  for (let index = 0; index < text.length && bytes <= limit; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && (text.charCodeAt(index + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      index++;
    } else bytes += 3;
  }
  return bytes;
}

/** Whether the text takes more than `limit` bytes in UTF-8; counted only when the length does not tell. */
export function overSizeLimit(text: string, limit: number = MAX_GRAPH_FILE_BYTES): boolean {
  // A UTF-16 unit takes 1 to 3 bytes in UTF-8.
  if (text.length > limit) return true;
  if (text.length * 3 <= limit) return false;
  return utf8LengthUpTo(text, limit) > limit;
}

/** The checks in order, cheapest and most bounding first. Returns the parsed data, or undefined when unparsable. */
function checkGraphText(text: string, options: ParseOptions, collector: ProblemCollector): unknown {
  options.onProgress?.('parsing');
  const limit = options.maxFileBytes ?? MAX_GRAPH_FILE_BYTES;
  if (overSizeLimit(text, limit)) {
    const message = fileSizeMessage(utf8LengthUpTo(text, Number.POSITIVE_INFINITY), limit);
    collector.add('error', 0, [], 'file too large', message);
    collector.stop();
    return undefined;
  }
  // Before any parser: jsonc-parser recurses once per level and overflows the stack near 5,000.
  const survey = surveyStructure(text, GRAPH_LIMITS.depth);
  if (survey.tooDeepAt >= 0) {
    const message = `nested deeper than ${GRAPH_LIMITS.depth} levels of lists and objects (a graph file needs 5)`;
    collector.add('error', survey.tooDeepAt, [], 'nested too deep', message);
    collector.stop();
    return undefined;
  }
  // Before JSON.parse, which takes a second over a million objects.
  for (const listKey of LIST_KEYS) {
    const list = survey.topLevelLists.get(listKey);
    if (list && list.items > LIST_LIMITS[listKey])
      collector.add('error', list.offset, [listKey], 'too many items', tooMany(listKey, list.items));
  }
  if (collector.hasErrors) {
    collector.stop();
    return undefined;
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    reportSyntaxErrors(text, error, collector);
    collector.stop();
    return undefined;
  }
  const problems = new LocatedProblems(collector, new JsonLocator(text));
  if (!isRecord(data)) {
    const message =
      `the file holds ${describeType(data)}, not a graph: a graph file is one JSON object ` +
      '{ "title": ..., "actors": [...], "relations": [...], ... } (see graph/schema.json)';
    problems.at('error', [], 'not a graph', message);
    collector.stop();
    return data;
  }
  if (!checkCounts(data, problems)) {
    collector.stop();
    return data;
  }
  findDuplicateFields(
    text,
    (offset, objectPath, name) => {
      const message = `the field ${quoteValue(name)} appears twice in this object`;
      problems.atOffset('error', offset, [...objectPath, name], 'duplicate field', message);
    },
    () => collector.shouldStop,
  );
  options.onProgress?.('checking the schema');
  checkSchema(data, problems);
  options.onProgress?.('checking references');
  if (!collector.shouldStop) checkMeaning(data, problems);
  if (options.archiveText && !collector.shouldStop) {
    options.onProgress?.('checking quotes');
    checkQuotesAgainstArchives(data, options.archiveText, problems);
  }
  return data;
}

// ---------------------------------------------------------------------------
// Invalid JSON

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

/** Thrown from inside jsonc-parser's visitor to end the scan once the file is hopeless. */
const STOP_SCAN = Symbol('stop scan');

/** True when the last character before `offset`, spaces and line breaks aside, is a comma. */
function followsComma(text: string, offset: number): boolean {
  // Bounded, so that many errors after one long run of spaces cannot cost quadratic time.
  for (let index = offset - 1; index >= 0 && index >= offset - 10_000; index--) {
    const code = text.charCodeAt(index);
    if (code === 44) return true;
    if (code !== 32 && code !== 9 && code !== 10 && code !== 13) return false;
  }
  return false;
}

/** Every syntax error of a text that JSON.parse refused with `parseError`, in jsonc-parser's words turned into ours. */
export function reportSyntaxErrors(text: string, parseError: unknown, collector: ProblemCollector): void {
  let lastOffset = -1;
  try {
    visit(
      text,
      {
        onError: (error, offset) => {
          // One message per place: the parser can report several for one mistake.
          if (offset === lastOffset) return;
          lastOffset = offset;
          const code = printParseErrorCode(error);
          const closer = text[offset];
          const trailingComma = (closer === '}' || closer === ']') && followsComma(text, offset);
          const words = trailingComma
            ? `a comma before "${closer}" is not allowed in JSON: remove the last ","`
            : (SYNTAX_WORDS[code] ?? code);
          collector.add('error', offset, [], 'invalid JSON', `invalid JSON: ${words}`);
          if (collector.shouldStop) throw STOP_SCAN;
        },
      },
      { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
    );
  } catch (error) {
    if (error !== STOP_SCAN) throw error;
  }
  if (lastOffset === -1) {
    // JSON.parse refused what jsonc-parser accepted: say what JSON.parse said, where it said it.
    const reason = parseError instanceof Error ? parseError.message : String(parseError);
    const offset = Number(/position (\d+)/.exec(reason)?.[1] ?? 0);
    const message = `invalid JSON: ${escapeControlCharacters(shortened(reason, 200))}`;
    collector.add('error', offset, [], 'invalid JSON', message);
  }
}

// ---------------------------------------------------------------------------
// Counts, before the schema: an oversized file gets one clear message, not a
// million schema errors.

type Record_ = Record<string, unknown>;
const isRecord = (value: unknown): value is Record_ =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const listAt = (data: Record_, key: string): unknown[] => {
  const value = data[key];
  return Array.isArray(value) ? value : [];
};
const stringField = (item: unknown, key: string): string | undefined => {
  const value = isRecord(item) ? item[key] : undefined;
  return typeof value === 'string' ? value : undefined;
};
const count = (n: number) => n.toLocaleString('en');

/** The top-level lists, in the order of the file format. */
const LIST_KEYS = ['actorKinds', 'relationTypes', 'sources', 'actors', 'relations'] as const;
type ListKey = (typeof LIST_KEYS)[number];

const LIST_NOUNS: Record<ListKey, { one: string; many: string }> = {
  actorKinds: { one: 'actor kind', many: 'actor kinds' },
  relationTypes: { one: 'relation type', many: 'relation types' },
  sources: { one: 'source', many: 'sources' },
  actors: { one: 'actor', many: 'actors' },
  relations: { one: 'relation', many: 'relations' },
};

function tooMany(listKey: ListKey, items: number): string {
  const limit = LIST_LIMITS[listKey];
  const noun = LIST_NOUNS[listKey].many;
  const message = `the file has ${count(items)} ${noun}; the explorer opens at most ${count(limit)}`;
  // Hundreds of kinds, types or sources are a mistake in the file, not a graph too big to open.
  return listKey === 'actors' || listKey === 'relations' ? `${message}: ${TOO_BIG_ADVICE}` : message;
}

const LIST_LIMITS: Record<ListKey, number> = {
  actorKinds: GRAPH_LIMITS.actorKinds,
  relationTypes: GRAPH_LIMITS.relationTypes,
  sources: GRAPH_LIMITS.sources,
  actors: GRAPH_LIMITS.actors,
  relations: GRAPH_LIMITS.relations,
};

/** An object whose every field the schema names, and so reports one by one when unknown. */
function checkFieldCount(value: unknown, path: JsonPath, problems: LocatedProblems): boolean {
  if (!isRecord(value)) return true;
  const fields = Object.keys(value).length;
  if (fields <= GRAPH_LIMITS.fieldsPerObject) return true;
  const limit = GRAPH_LIMITS.fieldsPerObject;
  const message = `this object has ${count(fields)} fields; a graph file's objects have at most ${limit}`;
  problems.at('error', path, 'too many fields', message);
  return false;
}

/**
 * Checks the counts inside the lists that bound the rest of the work; false when
 * the file is over a limit. (The lists themselves were counted before parsing.)
 */
function checkCounts(data: Record_, problems: LocatedProblems): boolean {
  if (!checkFieldCount(data, [], problems)) return false;
  let withinLimits = true;
  for (const listKey of LIST_KEYS) {
    const list = listAt(data, listKey);
    for (let index = 0; index < list.length; index++) {
      const item = list[index];
      withinLimits = checkFieldCount(item, [listKey, index], problems) && withinLimits;
      if (!isRecord(item) || (listKey !== 'actors' && listKey !== 'relations')) continue;
      const noun = LIST_NOUNS[listKey].one;
      const evidence = Array.isArray(item.evidence) ? item.evidence : [];
      if (evidence.length > GRAPH_LIMITS.evidencePerItem) {
        const message =
          `this ${noun} has ${count(evidence.length)} evidence items; ` +
          `at most ${count(GRAPH_LIMITS.evidencePerItem)} are allowed`;
        problems.at('error', [listKey, index, 'evidence'], 'too many items', message);
        withinLimits = false;
      } else {
        for (let evidenceIndex = 0; evidenceIndex < evidence.length; evidenceIndex++) {
          const path = [listKey, index, 'evidence', evidenceIndex];
          withinLimits = checkFieldCount(evidence[evidenceIndex], path, problems) && withinLimits;
        }
      }
      const aliases = Array.isArray(item.aliases) ? item.aliases : [];
      if (listKey === 'actors' && aliases.length > GRAPH_LIMITS.aliasesPerActor) {
        const message =
          `this actor has ${count(aliases.length)} aliases; ` +
          `at most ${count(GRAPH_LIMITS.aliasesPerActor)} are allowed`;
        problems.at('error', [listKey, index, 'aliases'], 'too many items', message);
        withinLimits = false;
      }
      if (problems.shouldStop) return false;
    }
  }
  return checkLayoutCounts(data, problems) && withinLimits;
}

/** The layout's positions: at most one per actor that may be, each a small object. */
function checkLayoutCounts(data: Record_, problems: LocatedProblems): boolean {
  if (!checkFieldCount(data.layout, ['layout'], problems)) return false;
  const positions = layoutPositions(data);
  const ids = Object.keys(positions);
  if (ids.length > GRAPH_LIMITS.positions) {
    const message =
      `the layout has ${count(ids.length)} positions; ` +
      `at most ${count(GRAPH_LIMITS.positions)} are allowed (one per actor)`;
    problems.at('error', ['layout', 'positions'], 'too many items', message);
    return false;
  }
  let withinLimits = true;
  for (const id of ids) {
    withinLimits = checkFieldCount(positions[id], ['layout', 'positions', id], problems) && withinLimits;
    if (problems.shouldStop) return false;
  }
  return withinLimits;
}

// ---------------------------------------------------------------------------
// Meaning: ids, references, dates, quotes. Runs on unknown data (the schema
// may have failed), so every access is guarded.

interface IdOwner {
  listKey: ListKey;
  index: number;
}

/**
 * Ids of one top-level list; reports duplicates. Actors and relations also share
 * `sharedIds`: Cytoscape keeps nodes and edges in one id space, so a relation
 * with an actor's id would silently vanish from the graph.
 */
function collectIds(
  data: Record_,
  listKey: ListKey,
  problems: LocatedProblems,
  sharedIds?: Map<string, IdOwner>,
): Map<string, number> {
  const ids = new Map<string, number>();
  const list = listAt(data, listKey);
  for (let index = 0; index < list.length; index++) {
    if (problems.shouldStop) break;
    const id = stringField(list[index], 'id');
    if (id === undefined) continue;
    const first = ids.get(id);
    const other = sharedIds?.get(id);
    if (first !== undefined) {
      const firstOffset = problems.offsetOf([listKey, first]);
      const noun = LIST_NOUNS[listKey].one;
      problems.at(
        'error',
        [listKey, index, 'id'],
        'duplicate id',
        (lineAt) =>
          `duplicate ${noun} id ${quoteValue(id)} ` +
          `(already used by ${listKey}[${first}] on line ${lineAt(firstOffset)})`,
      );
    } else if (other !== undefined) {
      const otherOffset = problems.offsetOf([other.listKey, other.index]);
      const otherNoun = LIST_NOUNS[other.listKey].one;
      problems.at(
        'error',
        [listKey, index, 'id'],
        'duplicate id',
        (lineAt) =>
          `duplicate id ${quoteValue(id)}: the ${otherNoun} ${other.listKey}[${other.index}] on line ` +
          `${lineAt(otherOffset)} already uses it (actors and relations share one set of ids)`,
      );
    } else {
      ids.set(id, index);
      sharedIds?.set(id, { listKey, index });
    }
  }
  return ids;
}

/** Known ids of one kind, with a "did you mean" index made only when a listed problem needs one. */
class KnownIds {
  private suggestions: SuggestionIndex | undefined;
  constructor(
    readonly ids: Map<string, number>,
    readonly noun: string,
  ) {}
  has(id: string): boolean {
    return this.ids.has(id);
  }
  suggestionFor(name: string): string {
    this.suggestions ??= new SuggestionIndex(this.ids.keys());
    const best = this.suggestions.closest(name);
    return best === undefined ? '' : ` (did you mean ${quoteValue(best)}?)`;
  }
}

function checkReference(problems: LocatedProblems, path: JsonPath, value: string | undefined, known: KnownIds): void {
  if (value === undefined || known.has(value)) return;
  problems.at(
    'error',
    path,
    `unknown ${known.noun}`,
    () => `no ${known.noun} ${quoteValue(value)}${known.suggestionFor(value)}`,
  );
}

const FULL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_OR_RANGE = /^\d{4}(-\d{2}(-\d{2})?)?(\/\d{4}(-\d{2}(-\d{2})?)?)?$/;

function checkDate(problems: LocatedProblems, path: JsonPath, value: unknown, fullDateOnly: boolean): void {
  if (typeof value !== 'string') return;
  const shapeOk = fullDateOnly ? FULL_DATE.test(value) : DATE_OR_RANGE.test(value);
  if (!shapeOk) return; // the schema has already said so
  const check = parseDateOrRange(value);
  if (!check.ok) problems.at('error', path, 'impossible date', check.reason);
}

/** A letter, digit, punctuation mark or symbol: what a reader can see (the schema's rule for labels). */
const VISIBLE_CHARACTER = /[\p{L}\p{N}\p{P}\p{S}]/u;

/** What evidence items are checked against: the graph's sources and actors. */
interface EvidenceContext {
  sources: KnownIds;
  actors: KnownIds;
  /** Actors an `attributedTo` names (by label or alias); attributions repeat, so each is read once. */
  actorsNamedIn: (attributedTo: string) => string[];
  actorLabel: (id: string) => string;
}

function checkEvidence(owner: unknown, ownerPath: JsonPath, context: EvidenceContext, problems: LocatedProblems): void {
  const evidence = isRecord(owner) && Array.isArray(owner.evidence) ? owner.evidence : [];
  for (let index = 0; index < evidence.length; index++) {
    const item = evidence[index];
    const path = [...ownerPath, 'evidence', index];
    checkReference(problems, [...path, 'source'], stringField(item, 'source'), context.sources);
    const quote = stringField(item, 'quote');
    if (quote !== undefined && !VISIBLE_CHARACTER.test(quote)) {
      const message =
        quote.trim() === ''
          ? 'the quote is empty: copy the exact words from the source'
          : 'the quote has no visible character: copy the exact words from the source';
      problems.at('error', [...path, 'quote'], 'empty quote', message);
    }
    checkClaimant(item, path, context, problems);
  }
}

/**
 * A claimant must be an actor of the graph; and where `attributedTo` names an
 * actor, the item should say whether that actor makes the claim (its id) or
 * not (null), so that "claims made by" finds every claim an actor makes.
 */
function checkClaimant(item: unknown, path: JsonPath, context: EvidenceContext, problems: LocatedProblems): void {
  if (!isRecord(item)) return;
  const claimant = item.claimant;
  if (typeof claimant === 'string') {
    checkReference(problems, [...path, 'claimant'], claimant, context.actors);
    return;
  }
  if (claimant === null) return;
  const attributedTo = stringField(item, 'attributedTo');
  if (attributedTo === undefined) return;
  const named = context.actorsNamedIn(attributedTo);
  if (named.length === 0) return;
  const names = named.map((id) => `${quoteValue(context.actorLabel(id))} (${quoteValue(id)})`).join(' and ');
  const first = named[0] as string;
  problems.at(
    'warning',
    [...path, 'attributedTo'],
    'claimant missing',
    `the claim is attributed to words that name the actor ${names}: if that actor makes the claim, ` +
      `add "claimant": ${quoteValue(first)}; if not, add "claimant": null`,
  );
}

/** A relation's `answers`: ids of other relations, each once. */
function checkAnswers(
  relation: unknown,
  path: JsonPath,
  relations: KnownIds,
  actors: KnownIds,
  problems: LocatedProblems,
): void {
  if (!isRecord(relation) || !Array.isArray(relation.answers)) return;
  const ownId = stringField(relation, 'id');
  const seen = new Set<string>();
  relation.answers.forEach((answered, index) => {
    if (typeof answered !== 'string') return; // the schema has said so
    const answerPath = [...path, 'answers', index];
    if (answered === ownId) {
      problems.at('error', answerPath, 'answers itself', `a relation cannot answer itself (${quoteValue(answered)})`);
    } else if (seen.has(answered)) {
      problems.at('warning', answerPath, 'answered twice', `${quoteValue(answered)} is listed twice in answers`);
    } else if (!relations.has(answered) && actors.has(answered)) {
      const message = `${quoteValue(answered)} is an actor; answers lists the relations this one responds to`;
      problems.at('error', answerPath, 'unknown relation', message);
    } else {
      checkReference(problems, answerPath, answered, relations);
    }
    seen.add(answered);
  });
}

/** An actor's id, label and aliases, as far as they are well formed (the schema may have failed). */
function namedActor(actor: unknown): { id: string; label: string; aliases: string[] }[] {
  const id = stringField(actor, 'id');
  const label = stringField(actor, 'label');
  if (id === undefined || label === undefined || !isRecord(actor)) return [];
  const aliases = Array.isArray(actor.aliases) ? actor.aliases.filter((alias) => typeof alias === 'string') : [];
  return [{ id, label, aliases }];
}

function checkMeaning(data: Record_, problems: LocatedProblems): void {
  const kinds = new KnownIds(collectIds(data, 'actorKinds', problems), 'actor kind');
  const types = new KnownIds(collectIds(data, 'relationTypes', problems), 'relation type');
  const sources = new KnownIds(collectIds(data, 'sources', problems), 'source');
  const actorAndRelationIds = new Map<string, IdOwner>();
  const actors = new KnownIds(collectIds(data, 'actors', problems, actorAndRelationIds), 'actor');
  const relations = new KnownIds(collectIds(data, 'relations', problems, actorAndRelationIds), 'relation');
  const actorList = listAt(data, 'actors');
  let actorNames: ActorNameIndex | undefined;
  const namedBefore = new Map<string, string[]>();
  const evidenceContext: EvidenceContext = {
    sources,
    actors,
    actorsNamedIn: (attributedTo) => {
      let named = namedBefore.get(attributedTo);
      if (named === undefined) {
        actorNames ??= new ActorNameIndex(actorList.flatMap(namedActor));
        named = actorNames.namedIn(attributedTo);
        namedBefore.set(attributedTo, named);
      }
      return named;
    },
    actorLabel: (id) => stringField(actorList[actors.ids.get(id) ?? -1], 'label') ?? id,
  };

  checkDate(problems, ['updated'], data.updated, true);
  listAt(data, 'sources').forEach((source, index) => {
    if (isRecord(source)) checkDate(problems, ['sources', index, 'published'], source.published, true);
  });

  for (let index = 0; index < actorList.length && !problems.shouldStop; index++) {
    const actor = actorList[index];
    checkReference(problems, ['actors', index, 'kind'], stringField(actor, 'kind'), kinds);
    checkEvidence(actor, ['actors', index], evidenceContext, problems);
  }

  const directedByType = new Map<string, boolean>();
  for (const type of listAt(data, 'relationTypes')) {
    if (isRecord(type) && typeof type.id === 'string') directedByType.set(type.id, type.directed !== false);
  }
  const actorsInRelations = new Set<string>();
  const firstRelationByPair = new Map<string, number>();
  const relationList = listAt(data, 'relations');
  for (let index = 0; index < relationList.length && !problems.shouldStop; index++) {
    const relation = relationList[index];
    const path = ['relations', index];
    const type = stringField(relation, 'type');
    const from = stringField(relation, 'from');
    const to = stringField(relation, 'to');
    checkReference(problems, [...path, 'type'], type, types);
    checkReference(problems, [...path, 'from'], from, actors);
    checkReference(problems, [...path, 'to'], to, actors);
    if (isRecord(relation)) checkDate(problems, [...path, 'date'], relation.date, false);
    checkEvidence(relation, path, evidenceContext, problems);
    checkAnswers(relation, path, relations, actors, problems);
    if (from !== undefined) actorsInRelations.add(from);
    if (to !== undefined) actorsInRelations.add(to);

    if (type !== undefined && from !== undefined && to !== undefined) {
      const ends = directedByType.get(type) === false ? [from, to].sort() : [from, to];
      const pairKey = JSON.stringify([type, ...ends]);
      const first = firstRelationByPair.get(pairKey);
      if (first === undefined) firstRelationByPair.set(pairKey, index);
      else {
        const firstId = stringField(relationList[first], 'id') ?? '';
        problems.at(
          'warning',
          path,
          'repeated relation',
          `a second ${quoteValue(type)} relation from ${quoteValue(from)} to ${quoteValue(to)} ` +
            `(the first is relations[${first}] ${quoteValue(firstId)}): ` +
            'consider merging their evidence into one relation',
        );
      }
    }
  }

  checkLayoutReferences(data, actors, relations, problems);

  for (let index = 0; index < actorList.length && !problems.shouldStop; index++) {
    const actor = actorList[index];
    const id = stringField(actor, 'id');
    if (id !== undefined && !actorsInRelations.has(id)) {
      const name = quoteValue(stringField(actor, 'label') ?? id);
      problems.at('warning', ['actors', index], 'actor in no relation', `${name} takes part in no relation`);
    }
  }
}

/** Every saved position is an actor's: one for a removed or misspelt actor would be silently ignored. */
function checkLayoutReferences(data: Record_, actors: KnownIds, relations: KnownIds, problems: LocatedProblems): void {
  for (const id of Object.keys(layoutPositions(data))) {
    if (problems.shouldStop) return;
    const path = ['layout', 'positions', id];
    if (!actors.has(id) && relations.has(id)) {
      const message = `${quoteValue(id)} is a relation; the layout saves the positions of actors`;
      problems.at('error', path, 'unknown actor', message);
    } else {
      checkReference(problems, path, id, actors);
    }
  }
}

// ---------------------------------------------------------------------------
// Quotes against archived sources

/** Passages quoted in a message are cut to this many characters. */
const SHOWN_PASSAGE_CHARACTERS = 300;

function lookUpArchive(archiveText: (fileName: string) => ArchiveLookup, fileName: string): ArchiveLookup {
  try {
    return archiveText(fileName);
  } catch (error) {
    return { unreadable: error instanceof Error ? error.message : String(error) };
  }
}

function checkQuotesAgainstArchives(
  data: Record_,
  archiveText: (fileName: string) => ArchiveLookup,
  problems: LocatedProblems,
): void {
  const archiveBySource = new Map<string, string>();
  const normalisedArchives = new Map<string, string>();
  // Made for an archive only when a listed problem needs a closest passage, then shared by its quotes.
  const archiveIndexes = new Map<string, ArchiveIndex>();
  const indexOf = (archive: string, text: string) => {
    let index = archiveIndexes.get(archive);
    if (!index) {
      index = new ArchiveIndex(text);
      archiveIndexes.set(archive, index);
    }
    return index;
  };
  listAt(data, 'sources').forEach((source, index) => {
    const id = stringField(source, 'id');
    const archive = stringField(source, 'archive');
    if (id === undefined || archive === undefined) return;
    if (!isPlainFileName(archive)) return; // the schema has said so; never hand "../x" to archiveText
    if (normalisedArchives.has(archive)) {
      archiveBySource.set(id, archive);
      return;
    }
    const path = ['sources', index, 'archive'];
    const found = lookUpArchive(archiveText, archive);
    if (found === undefined) return; // not at hand: this source's quotes are not checked
    archiveBySource.set(id, archive);
    if (found === null) {
      problems.at('error', path, 'missing archive', `the archived copy ${quoteValue(archive)} was not found`);
    } else if (typeof found !== 'string') {
      const reason = escapeControlCharacters(shortened(String(found.unreadable), 200));
      const message = `the archived copy ${quoteValue(archive)} could not be read: ${reason}`;
      problems.at('error', path, 'unreadable archive', message);
    } else {
      normalisedArchives.set(archive, normaliseForQuoteMatch(found));
    }
  });

  for (const listKey of ['actors', 'relations']) {
    const owners = listAt(data, listKey);
    for (let ownerIndex = 0; ownerIndex < owners.length && !problems.shouldStop; ownerIndex++) {
      const owner = owners[ownerIndex];
      const evidence = isRecord(owner) && Array.isArray(owner.evidence) ? owner.evidence : [];
      evidence.forEach((item, index) => {
        const source = stringField(item, 'source');
        const quote = stringField(item, 'quote');
        if (source === undefined || quote === undefined) return;
        if (quote.length > GRAPH_LIMITS.textLength) return; // too long: the schema has said so
        const archive = archiveBySource.get(source);
        if (archive === undefined) return;
        const text = normalisedArchives.get(archive);
        if (text === undefined) return;
        // An empty or blank quote becomes "", which every archive holds: checkEvidence has reported it.
        const wanted = normaliseForQuoteMatch(quote);
        if (text.includes(wanted)) return;
        problems.at('error', [listKey, ownerIndex, 'evidence', index, 'quote'], 'quote not verbatim', () => {
          const passage = closestPassage(wanted, indexOf(archive, text));
          const shown = escapeControlCharacters(JSON.stringify(shortened(passage, SHOWN_PASSAGE_CHARACTERS)));
          return `the quote is not verbatim in ${quoteValue(archive)}; the closest passage is ${shown}`;
        });
      });
    }
  }
}
