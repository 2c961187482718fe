import { describe, expect, it } from 'vitest';
import { applyMapping, layoutKey, suggestMapping } from '../../src/model/sheet-mapping.ts';
import { SHEET_COLUMNS } from '../../src/model/sheets.ts';

describe('an analyst’s own headers are matched to ours', () => {
  it('case, spaces and punctuation do not matter', () => {
    expect(suggestMapping(['ID', 'Attributed to', 'claimant '], SHEET_COLUMNS.evidence)).toEqual({
      ID: null,
      'Attributed to': 'attributedTo',
      'claimant ': 'claimant',
    });
  });

  it('common names are understood: Name, Category, Target, Relation, Source ID', () => {
    expect(suggestMapping(['Name', 'Category', 'Identifier'], SHEET_COLUMNS.actors)).toEqual({
      Name: 'label',
      Category: 'kind',
      Identifier: 'id',
    });
    expect(suggestMapping(['Source', 'Relation', 'Target'], SHEET_COLUMNS.relations)).toEqual({
      Source: 'from',
      Relation: 'type',
      Target: 'to',
    });
    expect(suggestMapping(['Owner', 'Source ID', 'Quote'], SHEET_COLUMNS.evidence)).toEqual({
      Owner: 'owner',
      'Source ID': 'source',
      Quote: 'quote',
    });
  });

  it('a typo is matched, and a column is given to one header only, the better match', () => {
    expect(suggestMapping(['lable', 'Label', 'knd', 'favourite colour'], SHEET_COLUMNS.actors)).toEqual({
      lable: null,
      Label: 'label',
      knd: 'kind',
      'favourite colour': null,
    });
  });

  it('the mapping renames the header row and leaves the cells alone', () => {
    const sheet = {
      name: 'actors',
      rows: [
        ['Name', 'Other'],
        ['Kadhimi', 'x'],
      ],
    };
    expect(applyMapping(sheet, { Name: 'label', Other: null }).rows).toEqual([
      ['label', 'Other'],
      ['Kadhimi', 'x'],
    ]);
  });

  it('the same layout gives the same key, whatever its spelling; another layout another key', () => {
    expect(layoutKey(['Name', 'Kind'])).toBe(layoutKey(['name', ' KIND']));
    expect(layoutKey(['Name', 'Kind'])).not.toBe(layoutKey(['Kind', 'Name']));
  });
});
