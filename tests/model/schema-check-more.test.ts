// The schema's rule for an archive's file name, as the checks that open archives
// use it (src/model/schema-check.ts isPlainFileName): the length limit included.
import { describe, expect, it } from 'vitest';
import schema from '../../graph/schema.json';
import { isPlainFileName } from '../../src/model/schema-check.ts';

describe('isPlainFileName', () => {
  it('accepts a name as long as the schema allows (255 characters) and refuses one character more', () => {
    expect(schema.definitions.source.properties.archive.maxLength).toBe(255);
    expect(isPlainFileName(`${'a'.repeat(251)}.txt`)).toBe(true);
    expect(isPlainFileName(`${'a'.repeat(252)}.txt`)).toBe(false);
  });

  it('refuses folders, a leading dot and control characters', () => {
    expect(isPlainFileName('report.txt')).toBe(true);
    expect(isPlainFileName('sub/report.txt')).toBe(false);
    expect(isPlainFileName('.env')).toBe(false);
    expect(isPlainFileName('a\u0007b.txt')).toBe(false);
  });
});
