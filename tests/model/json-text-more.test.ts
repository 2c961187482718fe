// More of the scans over a JSON file's text (src/model/json-text.ts): the
// corners that the mutation run showed no other test looks at.
import { describe, expect, it } from 'vitest';
import { findDuplicateFields, JsonLocator, surveyStructure } from '../../src/model/json-text.ts';
import type { JsonPath } from '../../src/model/problems.ts';

const lists = (text: string) => Object.fromEntries(surveyStructure(text, 32).topLevelLists);

describe('surveyStructure: comments around the top-level lists', () => {
  it('skips a comment as a whole: it is not an item, and a field name after it is still read', () => {
    expect(lists('{"actors": [ // none yet\n]}')).toEqual({ actors: { offset: 11, items: 0 } });
    expect(lists('{"actors": [ /* none yet */ ]}')).toEqual({ actors: { offset: 11, items: 0 } });
    expect(lists('{// the people\n"actors": [1, 2]}')).toEqual({ actors: { offset: 25, items: 2 } });
    expect(lists('{/* the people */ "actors": [1, 2]}')).toEqual({ actors: { offset: 28, items: 2 } });
  });
});

describe('surveyStructure: what is a field name in text that is not JSON', () => {
  it('only a string just after "{" or ",": a second string in a row names nothing', () => {
    expect(lists('{"a" "actors": [1, 2]}')).toEqual({ a: { offset: 15, items: 2 } });
  });

  it('only a list just after "name:": a second list in a row is not counted under that name', () => {
    expect(lists('{"a": [1] [1, 2, 3]}')).toEqual({ a: { offset: 6, items: 1 } });
  });
});

describe('findDuplicateFields: items of a list', () => {
  it('counts an item at each comma, whatever the spacing', () => {
    const found: [number, JsonPath, string][] = [];
    const text = '[{},{"k":1,"k":2},\n  {"j":1,"j":2}]';
    findDuplicateFields(
      text,
      (offset, path, name) => found.push([offset, path, name]),
      () => false,
    );
    expect(found).toEqual([
      [text.indexOf('"k":2'), [1], 'k'],
      [text.indexOf('"j":2'), [2], 'j'],
    ]);
  });
});

describe('JsonLocator: a path below where the file has nothing', () => {
  // The text between a value and the next quote would read as a field name
  // (", ") if the empty value were taken for an object with fields.
  it('stops at an empty object, whatever the name asked for', () => {
    const text = '{"a": {}, "b": 1}';
    expect(new JsonLocator(text).valueOffset(['a', ', '])).toBe(6);
    expect(new JsonLocator(text).keyOffset(['a'], ', ')).toBe(6);
  });

  it('stops at an empty text, whatever the name asked for', () => {
    const text = '{"a": "", "b": 1}';
    expect(new JsonLocator(text).valueOffset(['a', ', '])).toBe(6);
    expect(new JsonLocator(text).keyOffset(['a'], ', ')).toBe(6);
  });
});
