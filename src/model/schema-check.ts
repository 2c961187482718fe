// graph/schema.json checked with the precompiled validator (no eval at run time),
// one list item at a time so that the work stops as soon as the file is hopeless,
// and every violation put in plain words.
import type { ErrorObject } from 'ajv';
import schema from '../../graph/schema.json';
import type { LocatedProblems } from './located-problems.ts';
import { describeType, type JsonPath, quoteValue, shortened } from './problems.ts';
import {
  type SchemaValidator,
  validateActor,
  validateActorKind,
  validateGraphFields,
  validatePosition,
  validateRelation,
  validateRelationType,
  validateSource,
} from './schema-validator.generated.js';
import { SuggestionIndex } from './suggest.ts';

const ITEM_VALIDATORS: [listKey: string, validate: SchemaValidator][] = [
  ['actorKinds', validateActorKind],
  ['relationTypes', validateRelationType],
  ['sources', validateSource],
  ['actors', validateActor],
  ['relations', validateRelation],
];

export function checkSchema(data: Record<string, unknown>, problems: LocatedProblems): void {
  if (!validateGraphFields(data)) {
    for (const error of validateGraphFields.errors ?? []) reportSchemaError(error, data, problems);
  }
  for (const [listKey, validate] of ITEM_VALIDATORS) {
    const list = data[listKey];
    if (!Array.isArray(list)) continue;
    for (let index = 0; index < list.length; index++) {
      if (problems.shouldStop) return;
      if (validate(list[index], { instancePath: `/${listKey}/${index}` })) continue;
      for (const error of validate.errors ?? []) reportSchemaError(error, data, problems);
    }
  }
  const positions = layoutPositions(data);
  for (const id of Object.keys(positions)) {
    if (problems.shouldStop) return;
    if (validatePosition(positions[id], { instancePath: `/layout/positions/${pointerSegment(id)}` })) continue;
    for (const error of validatePosition.errors ?? []) reportSchemaError(error, data, problems);
  }
}

/** The layout's positions by actor id, as far as the file has them; empty when it has none or they are malformed. */
export function layoutPositions(data: Record<string, unknown>): Record<string, unknown> {
  const layout = data.layout;
  if (typeof layout !== 'object' || layout === null || Array.isArray(layout)) return {};
  const positions = (layout as Record<string, unknown>).positions;
  if (typeof positions !== 'object' || positions === null || Array.isArray(positions)) return {};
  return positions as Record<string, unknown>;
}

/** A key as one segment of a JSON pointer: "a/b" is "a~1b". */
function pointerSegment(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * A JSON pointer ("/actors/0/a~1b"), as ajv gives an error's place, as a path: ["actors", 0, "a/b"].
 * Given the data, digits into an object are a name, not an index: the layout's position
 * for an actor "2021" is ["layout", "positions", "2021"].
 */
export function pathFromPointer(pointer: string, data?: unknown): JsonPath {
  if (pointer === '') return [];
  const path: JsonPath = [];
  let value = data;
  for (const escaped of pointer.slice(1).split('/')) {
    const segment = escaped.replace(/~1/g, '/').replace(/~0/g, '~');
    const intoObject = typeof value === 'object' && value !== null && !Array.isArray(value);
    const isIndex = /^\d+$/.test(segment) && !intoObject;
    path.push(isIndex ? Number(segment) : segment);
    value = valueAt(value, [segment]);
  }
  return path;
}

export function valueAt(data: unknown, path: JsonPath): unknown {
  let value: unknown = data;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    if (!Object.hasOwn(value, segment)) return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
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

/** Characters as the schema counts them (code points), without making an array of a 10 MB text. */
function characterCount(text: string): number {
  let count = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) index++;
    }
    count++;
  }
  return count;
}

type SchemaNode = { [keyword: string]: unknown };
const isSchemaNode = (value: unknown): value is SchemaNode =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The schema that describes the value at `path`, following "properties", "items" and "$ref". */
function schemaAt(path: JsonPath): SchemaNode | undefined {
  const resolve = (node: unknown): SchemaNode | undefined => {
    if (!isSchemaNode(node)) return undefined;
    const ref = node.$ref;
    if (typeof ref === 'string' && ref.startsWith('#/definitions/')) {
      const definitions: unknown = schema.definitions;
      return isSchemaNode(definitions) ? resolve(definitions[ref.slice('#/definitions/'.length)]) : undefined;
    }
    return node;
  };
  let node = resolve(schema);
  for (const segment of path) {
    if (!node) return undefined;
    if (typeof segment === 'number') node = resolve(node.items);
    else node = isSchemaNode(node.properties) ? resolve(node.properties[segment]) : undefined;
  }
  return node;
}

const VISIBLE_PATTERN = schema.definitions.label.pattern;
const ARCHIVE_PATTERN = schema.definitions.source.properties.archive.pattern;
const ARCHIVE_NAME = new RegExp(ARCHIVE_PATTERN, 'u');

/** The schema's rule for an archive's file name: no folders, no leading dot, no control characters. */
export function isPlainFileName(name: string): boolean {
  return name.length <= schema.definitions.source.properties.archive.maxLength && ARCHIVE_NAME.test(name);
}

/** What each pattern in the schema means, by the pattern itself. */
function patternWords(pattern: string, value: unknown): { kind: string; message: string } {
  const shown = quoteValue(value);
  switch (pattern) {
    case schema.definitions.slug.pattern:
      return {
        kind: 'invalid id',
        message: `${shown} is not a valid id: use lowercase letters, digits and "-" (like "kataib-hezbollah")`,
      };
    case schema.definitions.color.pattern:
      return { kind: 'invalid colour', message: `${shown} is not a colour: use #rrggbb` };
    case schema.definitions.fullDate.pattern:
      return { kind: 'invalid date', message: `${shown} is not a date: use YYYY-MM-DD` };
    case schema.definitions.dateOrRange.pattern:
      return { kind: 'invalid date', message: `${shown} is not a date: use YYYY, YYYY-MM, YYYY-MM-DD or START/END` };
    case schema.definitions.source.properties.url.pattern:
      return {
        kind: 'invalid link',
        message: `${shown} is not an http(s) link: only http:// and https:// URLs are allowed`,
      };
    case ARCHIVE_PATTERN:
      return {
        kind: 'invalid file name',
        message:
          `${shown} must be a plain file name in the sources folder: ` +
          'no folders, no "." or "..", no leading dot, no control characters',
      };
    case VISIBLE_PATTERN:
      return value === ''
        ? { kind: 'empty text', message: 'is empty' }
        : {
            kind: 'no visible character',
            message: `${shown} has no visible character: use at least one letter, digit, punctuation mark or symbol`,
          };
    default:
      return { kind: 'invalid value', message: `${shown} does not have the expected form` };
  }
}

const suggestionsByFieldList = new Map<string, SuggestionIndex>();
function suggestField(name: string, allowed: string[]): string {
  const key = allowed.join(',');
  let index = suggestionsByFieldList.get(key);
  if (!index) {
    index = new SuggestionIndex(allowed);
    suggestionsByFieldList.set(key, index);
  }
  const best = index.closest(name);
  return best === undefined ? '' : ` (did you mean ${quoteValue(best)}?)`;
}

const CREDIBILITY_WORDS = 'use 1 (confirmed) to 6 (cannot be judged)';

/** One schema violation in plain words, at its place (exported for the tests of rules the schema may gain). */
export function reportSchemaError(error: ErrorObject, data: unknown, problems: LocatedProblems): void {
  const path = pathFromPointer(error.instancePath, data);
  const value = valueAt(data, path);
  const params = error.params as Record<string, unknown>;
  const last = path[path.length - 1];
  // A number as written in the file: 1e400 is Infinity once parsed, and JSON has no way to write Infinity.
  const written = () => shortened(problems.writtenValue(path), 40);

  if (last === 'credibility' && typeof value === 'number') {
    const message = `${written()} is not a credibility grade: ${CREDIBILITY_WORDS}`;
    problems.at('error', path, 'invalid credibility', message);
    return;
  }
  switch (error.keyword) {
    case 'required': {
      const field = String(params.missingProperty);
      if (field === 'evidence') {
        const message = 'has no "evidence": every actor and relation needs at least one evidence item';
        problems.at('error', path, 'no evidence', message);
      } else {
        problems.at('error', path, 'missing field', `missing the required field ${quoteValue(field)}`);
      }
      return;
    }
    case 'additionalProperties': {
      const field = String(params.additionalProperty);
      const properties = schemaAt(path)?.properties;
      const allowed = isSchemaNode(properties) ? Object.keys(properties) : [];
      problems.atKey('error', path, field, 'unknown field', () => {
        return `unknown field ${quoteValue(field)}${suggestField(field, allowed)}`;
      });
      return;
    }
    case 'type': {
      const expected = String(params.type)
        .split(',')
        .map((type) => TYPE_WORDS[type] ?? type)
        .join(' or ');
      if (typeof value === 'number' && !Number.isFinite(value)) {
        problems.at('error', path, 'wrong type', `${written()} is too large a number; it should be ${expected}`);
      } else if (typeof value === 'number' && String(params.type) === 'integer') {
        problems.at('error', path, 'wrong type', `${written()} is not a whole number`);
      } else {
        problems.at('error', path, 'wrong type', `should be ${expected}, not ${describeType(value)}`);
      }
      return;
    }
    case 'pattern': {
      const { kind, message } = patternWords(String(params.pattern), value);
      problems.at('error', path, kind, message);
      return;
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[])
        .map((allowedValue) => JSON.stringify(allowedValue))
        .join(', ');
      const what =
        last === 'reliability' ? ' (Admiralty code: A completely reliable ... E unreliable, F cannot be judged)' : '';
      const message = `${quoteValue(value)} is not allowed here: use one of ${allowed}${what}`;
      problems.at('error', path, 'value not allowed', message);
      return;
    }
    case 'minItems':
      if (last === 'evidence') {
        const message = 'has no evidence: every actor and relation needs at least one evidence item';
        problems.at('error', path, 'no evidence', message);
      } else problems.at('error', path, 'empty list', `needs at least ${String(params.limit)} item(s)`);
      return;
    case 'maxItems': {
      const count = Array.isArray(value) ? value.length.toLocaleString('en') : 'too many';
      const message = `has ${count} items; at most ${Number(params.limit).toLocaleString('en')} are allowed`;
      problems.at('error', path, 'too many items', message);
      return;
    }
    case 'minLength':
      if (last === 'quote') return; // reported with the other empty quotes, by the meaning checks
      problems.at('error', path, 'empty text', 'is empty');
      return;
    case 'maxLength': {
      const length = typeof value === 'string' ? characterCount(value).toLocaleString('en') : 'too many';
      const limit = Number(params.limit).toLocaleString('en');
      problems.at('error', path, 'too long', `is ${length} characters long; at most ${limit} are allowed`);
      return;
    }
    case 'minimum':
    case 'maximum': {
      const limit = String(params.limit);
      const message =
        error.keyword === 'minimum'
          ? `${written()} is too small: the least allowed is ${limit}`
          : `${written()} is too large: the most allowed is ${limit}`;
      problems.at('error', path, 'out of range', message);
      return;
    }
    default:
      problems.at('error', path, 'schema rule', error.message ?? `fails the schema rule "${error.keyword}"`);
  }
}
