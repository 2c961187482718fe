// Scans over the text of a JSON file without recursion, so that no input can
// overflow the stack: the survey that runs before any parser (nesting, list
// sizes), the duplicate-field check, and a locator that finds where a value is
// written.

import type { JsonPath } from './problems.ts';

const QUOTE = 34; // "
const BACKSLASH = 92;
const SLASH = 47;
const ASTERISK = 42;
const LINE_FEED = 10;
const CARRIAGE_RETURN = 13;
const SPACE = 32;
const TAB = 9;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const COMMA = 44;
const COLON = 58;

const isLineBreak = (code: number) => code === LINE_FEED || code === CARRIAGE_RETURN;
const isJsonWhitespace = (code: number) =>
  code === SPACE || code === TAB || code === LINE_FEED || code === CARRIAGE_RETURN;

export interface StructureSurvey {
  /** Offset of the first "[" or "{" that opens a level deeper than the limit, or -1. */
  tooDeepAt: number;
  /** Items in each list that is a field of the top-level object, by field name, with the list's offset. */
  topLevelLists: Map<string, { offset: number; items: number }>;
}

/**
 * One pass over any text, valid JSON or not, without building anything: how
 * deep it nests, and how many items the top-level lists hold, so that a file
 * over a limit is refused before JSON.parse spends a second on a million objects.
 * Strings and comments are skipped exactly as jsonc-parser's scanner skips them
 * (a string also ends at a line break; a backslash escapes the next character),
 * so that a text passing this check never nests deeper than `maxDepth` in
 * jsonc-parser's recursive descent either.
 */
export function surveyStructure(text: string, maxDepth: number): StructureSurvey {
  const topLevelLists = new Map<string, { offset: number; items: number }>();
  const length = text.length;
  let depth = 0;
  let rootIsObject = false;
  // At depth 1: the last structural character, and the field name being read.
  let previousAtTop = 0;
  let fieldName: string | undefined;
  // The top-level list being counted: its commas, and whether it holds anything at all.
  let list: { name: string; offset: number; commas: number; hasItem: boolean } | undefined;
  let index = 0;
  while (index < length) {
    const code = text.charCodeAt(index);
    if (code === QUOTE) {
      const start = index;
      index++;
      while (index < length) {
        const inString = text.charCodeAt(index);
        if (inString === QUOTE) break;
        if (inString === BACKSLASH) index++;
        else if (isLineBreak(inString)) break;
        index++;
      }
      if (depth === 1 && rootIsObject && (previousAtTop === OPEN_BRACE || previousAtTop === COMMA)) {
        fieldName = fieldNameIn(text.slice(start, index + 1));
      }
      if (depth === 1) previousAtTop = QUOTE;
      if (depth === 2 && list) list.hasItem = true;
    } else if (code === SLASH && text.charCodeAt(index + 1) === SLASH) {
      index += 2;
      while (index < length && !isLineBreak(text.charCodeAt(index))) index++;
    } else if (code === SLASH && text.charCodeAt(index + 1) === ASTERISK) {
      const end = text.indexOf('*/', index + 2);
      index = end === -1 ? length : end + 1;
    } else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      if (depth === 0 && code === OPEN_BRACE) rootIsObject = true;
      if (depth === 1 && code === OPEN_BRACKET && previousAtTop === COLON && fieldName !== undefined) {
        list = { name: fieldName, offset: index, commas: 0, hasItem: false };
      }
      if (depth === 2 && list) list.hasItem = true;
      depth++;
      if (depth === 1) previousAtTop = code;
      if (depth > maxDepth) return { tooDeepAt: index, topLevelLists };
    } else if ((code === CLOSE_BRACE || code === CLOSE_BRACKET) && depth > 0) {
      depth--;
      if (depth === 1 && list) {
        topLevelLists.set(list.name, { offset: list.offset, items: list.hasItem ? list.commas + 1 : 0 });
        list = undefined;
      }
      if (depth === 1) previousAtTop = code;
    } else if (depth === 2 && list && code === COMMA) {
      list.commas++;
    } else if (depth === 2 && list && !isJsonWhitespace(code)) {
      list.hasItem = true;
    } else if (depth === 1 && !isJsonWhitespace(code)) {
      previousAtTop = code;
    }
    index++;
  }
  return { tooDeepAt: -1, topLevelLists };
}

/** The name in a quoted field name as written, or undefined when it is not valid JSON text. */
function fieldNameIn(quoted: string): string | undefined {
  if (!quoted.includes('\\')) return quoted.length >= 2 ? quoted.slice(1, -1) : undefined;
  try {
    const name: unknown = JSON.parse(quoted);
    return typeof name === 'string' ? name : undefined;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------
// Valid JSON only (JSON.parse has accepted the text) from here on.

function skipWhitespace(text: string, index: number): number {
  while (index < text.length && isJsonWhitespace(text.charCodeAt(index))) index++;
  return index;
}

/** `index` is at an opening quote; returns the offset just after the closing one. */
function skipString(text: string, index: number): number {
  let search = index + 1;
  for (;;) {
    const quote = text.indexOf('"', search);
    if (quote === -1) return text.length;
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
    search = quote + 1;
  }
}

/** The text of a string whose opening quote is at `start` and which ends before `end`. */
function decodeString(text: string, start: number, end: number): string {
  const raw = text.slice(start, end);
  return raw.includes('\\') ? (JSON.parse(raw) as string) : raw.slice(1, -1);
}

/** `index` is at the start of a value; returns the offset just after it. */
function skipValue(text: string, index: number): number {
  const code = text.charCodeAt(index);
  if (code === QUOTE) return skipString(text, index);
  if (code === OPEN_BRACE || code === OPEN_BRACKET) {
    let depth = 0;
    while (index < text.length) {
      const inside = text.charCodeAt(index);
      if (inside === QUOTE) {
        index = skipString(text, index);
        continue;
      }
      if (inside === OPEN_BRACE || inside === OPEN_BRACKET) depth++;
      else if (inside === CLOSE_BRACE || inside === CLOSE_BRACKET) {
        depth--;
        if (depth === 0) return index + 1;
      }
      index++;
    }
    return index;
  }
  while (index < text.length) {
    const inside = text.charCodeAt(index);
    if (inside === COMMA || inside === CLOSE_BRACE || inside === CLOSE_BRACKET || isJsonWhitespace(inside)) break;
    index++;
  }
  return index;
}

interface OpenContainer {
  isObject: boolean;
  /** In a list: the index of the current item. */
  itemIndex: number;
  /** In an object: the current field name, and the names seen so far (made on the first field). */
  fieldName: string;
  fieldNames: Set<string> | undefined;
}

/**
 * Calls `onDuplicate` for every field name given twice in one object (JSON.parse
 * keeps the last silently). `shouldStop` is asked after each duplicate.
 */
export function findDuplicateFields(
  text: string,
  onDuplicate: (keyOffset: number, objectPath: JsonPath, name: string) => void,
  shouldStop: () => boolean,
): void {
  const open: OpenContainer[] = [];
  let previous = 0; // the last structural character, to tell field names from values
  let index = 0;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if (code === QUOTE) {
      const end = skipString(text, index);
      const container = open[open.length - 1];
      if (container?.isObject && (previous === OPEN_BRACE || previous === COMMA)) {
        const name = decodeString(text, index, end);
        container.fieldNames ??= new Set();
        if (container.fieldNames.has(name)) {
          const objectPath = open.slice(0, -1).map((outer) => (outer.isObject ? outer.fieldName : outer.itemIndex));
          onDuplicate(index, objectPath, name);
          if (shouldStop()) return;
        }
        container.fieldNames.add(name);
        container.fieldName = name;
      }
      previous = QUOTE;
      index = end;
      continue;
    }
    if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      open.push({ isObject: code === OPEN_BRACE, itemIndex: 0, fieldName: '', fieldNames: undefined });
    } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
      open.pop();
    } else if (code === COMMA) {
      const container = open[open.length - 1];
      if (container && !container.isObject) container.itemIndex++;
    }
    if (!isJsonWhitespace(code)) previous = code;
    index++;
  }
}

interface ListIndex {
  isObject: false;
  itemOffsets: number[];
}
interface ObjectIndex {
  isObject: true;
  /** The last occurrence of each name, as JSON.parse keeps the last. */
  fields: Map<string, { keyOffset: number; valueOffset: number }>;
}

/**
 * Where values are written in a valid JSON text. Each list or object is indexed
 * the first time a path goes through it, so finding a few hundred places in a
 * 20 MB file reads each character only a few times, and nothing builds a tree of
 * the whole file.
 */
export class JsonLocator {
  private readonly indexes = new Map<number, ListIndex | ObjectIndex>();
  private readonly rootOffset: number;

  constructor(private readonly text: string) {
    this.rootOffset = skipWhitespace(text, 0);
  }

  private indexAt(offset: number): ListIndex | ObjectIndex | undefined {
    const cached = this.indexes.get(offset);
    if (cached) return cached;
    const text = this.text;
    const open = text.charCodeAt(offset);
    let index: ListIndex | ObjectIndex;
    if (open === OPEN_BRACKET) {
      const itemOffsets: number[] = [];
      let at = skipWhitespace(text, offset + 1);
      while (at < text.length && text.charCodeAt(at) !== CLOSE_BRACKET) {
        itemOffsets.push(at);
        at = skipWhitespace(text, skipValue(text, at));
        if (text.charCodeAt(at) !== COMMA) break;
        at = skipWhitespace(text, at + 1);
      }
      index = { isObject: false, itemOffsets };
    } else if (open === OPEN_BRACE) {
      const fields = new Map<string, { keyOffset: number; valueOffset: number }>();
      let at = skipWhitespace(text, offset + 1);
      while (at < text.length && text.charCodeAt(at) === QUOTE) {
        const keyEnd = skipString(text, at);
        const name = decodeString(text, at, keyEnd);
        let valueOffset = skipWhitespace(text, keyEnd);
        if (text.charCodeAt(valueOffset) === COLON) valueOffset = skipWhitespace(text, valueOffset + 1);
        fields.set(name, { keyOffset: at, valueOffset });
        at = skipWhitespace(text, skipValue(text, valueOffset));
        if (text.charCodeAt(at) !== COMMA) break;
        at = skipWhitespace(text, at + 1);
      }
      index = { isObject: true, fields };
    } else {
      return undefined;
    }
    this.indexes.set(offset, index);
    return index;
  }

  /** Offset of the value at `path`, or of the nearest enclosing value that exists. */
  valueOffset(path: JsonPath): number {
    let offset = this.rootOffset;
    for (const segment of path) {
      const index = this.indexAt(offset);
      const next =
        index === undefined
          ? undefined
          : index.isObject
            ? typeof segment === 'string'
              ? index.fields.get(segment)?.valueOffset
              : undefined
            : typeof segment === 'number'
              ? index.itemOffsets[segment]
              : undefined;
      if (next === undefined) return offset;
      offset = next;
    }
    return offset;
  }

  /** Offset of the field name `name` in the object at `path`, or of the object when it has no such field. */
  keyOffset(path: JsonPath, name: string): number {
    const objectOffset = this.valueOffset(path);
    const index = this.indexAt(objectOffset);
    return (index?.isObject ? index.fields.get(name)?.keyOffset : undefined) ?? objectOffset;
  }

  /** The value at `path` as written in the file ("1e400", where JSON.parse gives Infinity). */
  writtenValue(path: JsonPath): string {
    const offset = this.valueOffset(path);
    return this.text.slice(offset, skipValue(this.text, offset));
  }
}
