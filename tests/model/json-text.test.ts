// The scans over a JSON file's text: the survey before any parser (how deep it
// nests, how long its top-level lists are), the duplicate-field check, and the
// locator that says where a value is written, which places every problem.
import fc from 'fast-check';
import { createScanner } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { findDuplicateFields, JsonLocator, surveyStructure } from '../../src/model/json-text.ts';
import type { JsonPath } from '../../src/model/problems.ts';

// jsonc-parser's SyntaxKind, a const enum that cannot be imported as a value.
const OPEN_BRACE = 1;
const CLOSE_BRACE = 2;
const OPEN_BRACKET = 3;
const CLOSE_BRACKET = 4;
const END_OF_FILE = 17;

/** Where jsonc-parser's scanner first opens a list or object deeper than `maxDepth`, or -1. */
function tooDeepByJsoncScanner(text: string, maxDepth: number): number {
  const scanner = createScanner(text, false);
  let depth = 0;
  for (let token = scanner.scan(); token !== END_OF_FILE; token = scanner.scan()) {
    if (token === OPEN_BRACE || token === OPEN_BRACKET) {
      depth++;
      if (depth > maxDepth) return scanner.getTokenOffset();
    } else if ((token === CLOSE_BRACE || token === CLOSE_BRACKET) && depth > 0) {
      depth--;
    }
  }
  return -1;
}

const lists = (text: string) => Object.fromEntries(surveyStructure(text, 32).topLevelLists);

describe('surveyStructure: how deep a text nests', () => {
  it('gives the offset of the first "[" or "{" past the limit', () => {
    expect(surveyStructure('[[{"a": []}]]', 3).tooDeepAt).toBe(8);
    expect(surveyStructure('[[{"a": []}]]', 4).tooDeepAt).toBe(-1);
    expect(surveyStructure('{"a": [1], "b": [[[2]]]}', 3).tooDeepAt).toBe(18);
  });

  it('does not count what is inside strings, escaped quotes included', () => {
    expect(surveyStructure('["[[[", "\\"[[[", "\\\\"]', 1).tooDeepAt).toBe(-1);
    // After an escaped backslash the quote closes the string, and the "[" after it counts.
    expect(surveyStructure('["\\\\", [2]]', 1).tooDeepAt).toBe(7);
  });

  it('ends a string at a line break, as jsonc-parser does, and counts what follows', () => {
    expect(surveyStructure('["abc\n[[]]]', 2).tooDeepAt).toBe(7);
    expect(surveyStructure('["abc\r[[]]]', 2).tooDeepAt).toBe(7);
  });

  it('skips comments of both kinds, and a comment left open skips the rest', () => {
    expect(surveyStructure('[// [[[\n[]]', 2).tooDeepAt).toBe(-1);
    expect(surveyStructure('[// [[[\n[[]]]', 2).tooDeepAt).toBe(9);
    expect(surveyStructure('[/* [[[ */ [[]]]', 2).tooDeepAt).toBe(12);
    expect(surveyStructure('[/*/ [[[ */ []]', 2).tooDeepAt).toBe(-1);
    expect(surveyStructure('[/* [[[ [[[', 1).tooDeepAt).toBe(-1);
    // A "/" that starts no comment is just a character.
    expect(surveyStructure('[1 / [2]]', 1).tooDeepAt).toBe(5);
  });

  it('does not let closing brackets with nothing open make room for more', () => {
    expect(surveyStructure(']]] [[', 1).tooDeepAt).toBe(5);
  });

  it('reads strings and comments exactly as jsonc-parser scans them, on any text of JSON characters', () => {
    const unit = fc.constantFrom('{', '}', '[', ']', '"', '\\', '/', '*', '\n', '\r', ' ', 'a', ',', ':');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 60, size: 'max' }), fc.integer({ min: 1, max: 4 }), (text, depth) => {
        expect(surveyStructure(text, depth).tooDeepAt).toBe(tooDeepByJsoncScanner(text, depth));
      }),
      { seed: 20261128, numRuns: 600 },
    );
  });
});

describe('surveyStructure: the top-level lists', () => {
  it('counts the items of each list that is a field of the top-level object, with the offset of its "["', () => {
    const text = '{"actors": [1, 2, 3], "relations": [], "sources": [ ], "x": [[1, 2], {"a": [3, 4]}, "s,t"]}';
    expect(lists(text)).toEqual({
      actors: { offset: 11, items: 3 },
      relations: { offset: 35, items: 0 },
      sources: { offset: 50, items: 0 },
      x: { offset: 60, items: 3 },
    });
  });

  it('counts one item for a list of one thing of any kind', () => {
    const text = '{"a": ["x"], "b": [{}], "c": [[]], "d": [7], "e": [ true ]}';
    expect(lists(text)).toEqual({
      a: { offset: text.indexOf('["x"]'), items: 1 },
      b: { offset: text.indexOf('[{}]'), items: 1 },
      c: { offset: text.indexOf('[[]]'), items: 1 },
      d: { offset: text.indexOf('[7]'), items: 1 },
      e: { offset: text.indexOf('[ true ]'), items: 1 },
    });
  });

  it('skips comments and whitespace between items', () => {
    expect(lists('{\n\t"a": [ // one\n 1 /* , */ ,\r\n 2 ]\n}')).toEqual({ a: { offset: 8, items: 2 } });
  });

  it('ignores lists that are not fields of the top-level object', () => {
    expect(lists('{"a": {"actors": [1, 2]}, "b": 3}')).toEqual({});
    expect(lists('[{"actors": [1]}, [1, 2]]')).toEqual({});
    expect(lists('[1, "actors": [1, 2]]')).toEqual({}); // a top-level list has no fields, even when it reads like one
    expect(lists('{"a": 1, "b": "actors", "c": {"d": [1]}}')).toEqual({});
  });

  it('reads escaped field names as JSON does, and names nothing with a name JSON would refuse', () => {
    expect(lists('{"act\\u006frs": [1, 2], "a\\"b": [1]}')).toEqual({
      actors: { offset: 16, items: 2 },
      'a"b': { offset: 32, items: 1 },
    });
    expect(lists('{"bad\\x": [1, 2]}')).toEqual({});
    expect(lists('{"": [1, 2]}')).toEqual({ '': { offset: 5, items: 2 } });
  });

  it('reads a field name cut off by a line break up to the break, as jsonc-parser does', () => {
    expect(lists('{"ab\n: [1, 2]}')).toEqual({ ab: { offset: 7, items: 2 } });
  });

  it('keeps the last of two lists of one name, as JSON.parse keeps the last', () => {
    expect(lists('{"a": [1], "a": [1, 2]}')).toEqual({ a: { offset: 16, items: 2 } });
  });

  it('agrees with JSON.parse on any valid JSON object, however it is laid out', () => {
    const layout = fc.constantFrom<[number | string]>([0], [2], ['\t'], [' \r\n']);
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 3 })), layout, (object, [indent]) => {
        const text = JSON.stringify(object, null, indent);
        const survey = surveyStructure(text, 32);
        expect(survey.tooDeepAt).toBe(-1);
        const expected = Object.entries(object).filter(([, value]) => Array.isArray(value));
        expect(Object.fromEntries([...survey.topLevelLists].map(([name, list]) => [name, list.items]))).toEqual(
          Object.fromEntries(expected.map(([name, value]) => [name, (value as unknown[]).length])),
        );
        for (const [name, list] of survey.topLevelLists) {
          expect(list.offset).toBe(new JsonLocator(text).valueOffset([name]));
        }
      }),
      { seed: 20261128, numRuns: 200 },
    );
  });
});

describe('findDuplicateFields', () => {
  type Found = [offset: number, path: JsonPath, name: string];
  const duplicates = (text: string, stopAfter = Number.POSITIVE_INFINITY) => {
    const found: Found[] = [];
    findDuplicateFields(
      text,
      (offset, path, name) => found.push([offset, path, name]),
      () => found.length >= stopAfter,
    );
    return found;
  };

  it('reports each field given twice, at the second one, with the path of its object', () => {
    const text = '{"a": 1, "b": {"c": 1, "c": 2}, "a": 3}';
    expect(duplicates(text)).toEqual([
      [23, ['b'], 'c'],
      [32, [], 'a'],
    ]);
  });

  it('counts list items to place an object inside a list', () => {
    const text = '{"l": ["a,b", "{", [1, 2], {"x": 1, "x": 2}], "m": [[1, 2], [{"k": 1, "k": 2}]]}';
    expect(duplicates(text)).toEqual([
      [text.indexOf('"x": 2'), ['l', 3], 'x'],
      [text.indexOf('"k": 2'), ['m', 1, 0], 'k'],
    ]);
    expect(duplicates('[{}, {"k": 1, "k": 2}]')).toEqual([[14, [1], 'k']]);
  });

  it('compares names as JSON reads them, escapes decoded', () => {
    expect(duplicates('{"a": 1, "\\u0061": 2}')).toEqual([[9, [], 'a']]);
  });

  it('does not take values for field names', () => {
    expect(duplicates('{"a": "a", "b": ["b", "b"], "c": {"d": "c"}}')).toEqual([]);
    expect(duplicates('"just a string"')).toEqual([]);
    expect(duplicates('[1, {"a": 1}, {"a": 2}]')).toEqual([]);
  });

  it('stops at once when asked to, and goes on otherwise', () => {
    const text = '{"a": 1, "a": 2, "a": 3}';
    expect(duplicates(text, 1)).toEqual([[9, [], 'a']]);
    expect(duplicates(text)).toEqual([
      [9, [], 'a'],
      [17, [], 'a'],
    ]);
  });
});

describe('JsonLocator', () => {
  const text = '{\n  "a": [1, {"b": "x\\"y", "c": 1e400 }],\n  "d": {},\n  "e": [],\n  "a2": "" \n}\n';
  const at = (written: string) => text.indexOf(written);

  it('finds where a value is written, through lists and objects', () => {
    const locator = new JsonLocator(text);
    expect(locator.valueOffset([])).toBe(0);
    expect(locator.valueOffset(['a'])).toBe(at('[1'));
    expect(locator.valueOffset(['a', 0])).toBe(at('1,'));
    expect(locator.valueOffset(['a', 1])).toBe(at('{"b"'));
    expect(locator.valueOffset(['a', 1, 'b'])).toBe(at('"x'));
    expect(locator.valueOffset(['a', 1, 'c'])).toBe(at('1e400'));
    expect(locator.writtenValue(['a', 1, 'c'])).toBe('1e400');
    expect(locator.writtenValue(['a', 1, 'b'])).toBe('"x\\"y"');
    expect(locator.writtenValue(['a', 1])).toBe('{"b": "x\\"y", "c": 1e400 }');
    expect(locator.writtenValue(['a2'])).toBe('""');
  });

  it('stops at the nearest enclosing value when the path goes further than the file', () => {
    const locator = new JsonLocator(text);
    expect(locator.valueOffset(['nothing'])).toBe(0);
    expect(locator.valueOffset(['a', 5])).toBe(at('[1'));
    expect(locator.valueOffset(['a', 0, 'b'])).toBe(at('1,')); // through a number
    expect(locator.valueOffset(['a', 1, 'b', 'c'])).toBe(at('"x')); // through a string
    expect(locator.valueOffset(['e', 0])).toBe(at('[]')); // into an empty list
    expect(locator.valueOffset(['d', 'x'])).toBe(at('{}')); // into an empty object
    expect(locator.valueOffset([0])).toBe(0); // an item number asked of an object
    expect(locator.valueOffset(['a', '0'])).toBe(at('[1')); // a field name asked of a list
    expect(locator.valueOffset(['a', 'length'])).toBe(at('[1'));
  });

  it('does not let an item number run on into the next values', () => {
    const locator = new JsonLocator('[[1], [2, 3], 4]');
    expect(locator.valueOffset([0, 1])).toBe(1);
    expect(locator.valueOffset([1, 1])).toBe(10);
    expect(locator.valueOffset([2])).toBe(14);
  });

  it('finds the name of a field, or the object when it has no such field', () => {
    const locator = new JsonLocator(text);
    expect(locator.keyOffset(['a', 1], 'c')).toBe(at('"c"'));
    expect(locator.keyOffset(['a', 1], 'z')).toBe(at('{"b"'));
    expect(locator.keyOffset(['a'], 'b')).toBe(at('[1')); // a list has no fields
    expect(locator.keyOffset(['a', 0], 'b')).toBe(at('1,')); // nor has a number
    expect(locator.keyOffset([], 'd')).toBe(at('"d"'));
  });

  it('takes the last of two fields of one name, as JSON.parse does', () => {
    const locator = new JsonLocator('{"a": 1, "a": 22}');
    expect(locator.keyOffset([], 'a')).toBe(9);
    expect(locator.writtenValue(['a'])).toBe('22');
  });

  it('reads a value as written, up to the comma, bracket or space after it', () => {
    expect(new JsonLocator('{"n": -1.5e3 , "t": true}').writtenValue(['n'])).toBe('-1.5e3');
    expect(new JsonLocator('[null]').writtenValue([0])).toBe('null');
    expect(new JsonLocator('{"s": "a\\\\", "t": "\\\\\\"", "u": 1}').writtenValue(['s'])).toBe('"a\\\\"');
    expect(new JsonLocator('{"s": "a\\\\", "t": "\\\\\\"", "u": 1}').writtenValue(['t'])).toBe('"\\\\\\""');
    expect(new JsonLocator('{"s": "a\\\\", "t": "\\\\\\"", "u": 1}').valueOffset(['u'])).toBe(31);
    expect(new JsonLocator('""\n').writtenValue([])).toBe('""');
    expect(new JsonLocator('  {"s": "}]"} ').writtenValue([])).toBe('{"s": "}]"}');
  });

  it('gives back every value of any valid JSON text, written as it is', () => {
    const layout = fc.constantFrom<[number | string]>([0], [2], ['\t'], [' \r\n']);
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), layout, (value, [indent]) => {
        const text = JSON.stringify(value, null, indent);
        const locator = new JsonLocator(text);
        const visit = (expected: unknown, path: JsonPath): void => {
          // Compared as JSON text: -0 is written "0".
          expect(JSON.stringify(JSON.parse(locator.writtenValue(path)))).toBe(JSON.stringify(expected));
          if (Array.isArray(expected)) {
            for (const [index, item] of expected.entries()) visit(item, [...path, index]);
          } else if (expected !== null && typeof expected === 'object') {
            for (const [name, item] of Object.entries(expected)) {
              const writtenName = text.slice(locator.keyOffset(path, name)).match(/^"(?:[^"\\]|\\.)*"/)?.[0];
              expect(JSON.parse(writtenName ?? '')).toBe(name);
              visit(item, [...path, name]);
            }
          }
        };
        visit(value, []);
      }),
      { seed: 20261128, numRuns: 200 },
    );
  });
});
