// Bytes to text (defect 10): strict UTF-8, a UTF-8 byte-order mark accepted,
// UTF-16, UTF-32 and invalid bytes refused with their position. The checker and
// the browser both read files through parseGraphBytes, so they agree.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstInvalidUtf8Byte } from '../../src/model/decode.ts';
import { decodeGraphBytes, formatProblem, MAX_GRAPH_FILE_BYTES, parseGraphBytes } from '../../src/model/validate.ts';
import { itWithLargeInput } from './timeouts.ts';

const HOSTILE = join(import.meta.dirname, '..', 'fixtures', 'hostile');
const bytesOf = (fixture: string) => new Uint8Array(readFileSync(join(HOSTILE, fixture)));
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('decodeGraphBytes', () => {
  it('decodes UTF-8 and drops one byte-order mark', () => {
    expect(decodeGraphBytes(utf8('{"a": "é"}'))).toEqual({ ok: true, text: '{"a": "é"}' });
    expect(decodeGraphBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('{}')]))).toEqual({ ok: true, text: '{}' });
    expect(decodeGraphBytes(new Uint8Array())).toEqual({ ok: true, text: '' });
  });

  it('refuses UTF-16 and UTF-32, with or without a byte-order mark', () => {
    const message = (result: ReturnType<typeof decodeGraphBytes>) => (result.ok ? '' : result.problems[0]?.message);
    expect(message(decodeGraphBytes(new Uint8Array([0xff, 0xfe, 0x7b, 0x00])))).toBe(
      'the file is UTF-16 (it starts with a UTF-16 byte-order mark): save it as UTF-8',
    );
    expect(message(decodeGraphBytes(new Uint8Array([0xfe, 0xff, 0x00, 0x7b])))).toBe(
      'the file is UTF-16 (it starts with a UTF-16 byte-order mark): save it as UTF-8',
    );
    expect(message(decodeGraphBytes(new Uint8Array([0xff, 0xfe, 0x00, 0x00, 0x7b, 0, 0, 0])))).toBe(
      'the file is UTF-32 (it starts with a UTF-32 byte-order mark): save it as UTF-8',
    );
    expect(message(decodeGraphBytes(new Uint8Array([0x7b, 0x00, 0x7d, 0x00])))).toBe(
      'the file looks like UTF-16 or UTF-32 (it has zero bytes between its characters): save it as UTF-8',
    );
  });

  it('places the first invalid byte by byte number, line and column', () => {
    const bytes = new Uint8Array([...utf8('{\n  "label": "Khaz'), 0xe1, ...utf8('li"\n}')]);
    const result = decodeGraphBytes(bytes);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems.map((problem) => formatProblem('x.json', problem))).toEqual([
        'x.json:2:17 invalid UTF-8 at byte 19 (line 2, column 17): save the file as UTF-8',
      ]);
    }
  });

  itWithLargeInput('finds exactly the sequences the strict TextDecoder refuses', () => {
    const strict = new TextDecoder('utf-8', { fatal: true });
    const accepts = (bytes: Uint8Array) => {
      try {
        strict.decode(bytes);
        return true;
      } catch {
        return false;
      }
    };
    // Bytes near the edges of UTF-8's rules: lead bytes, continuation bytes, overlong and surrogate forms.
    const interesting = fc.constantFrom(0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf);
    const leads = fc.constantFrom(0xe0, 0xe1, 0xed, 0xee, 0xef, 0xf0, 0xf1, 0xf4, 0xf5, 0xff);
    const bytes = fc.array(fc.oneof(interesting, leads, fc.integer({ min: 0, max: 255 })), { maxLength: 12 });
    fc.assert(
      fc.property(bytes, (list) => {
        const array = new Uint8Array(list);
        const invalidAt = firstInvalidUtf8Byte(array);
        expect(invalidAt === -1).toBe(accepts(array));
        // Everything before the reported byte is valid.
        if (invalidAt >= 0) expect(accepts(array.subarray(0, invalidAt))).toBe(true);
      }),
      { seed: 20261128, numRuns: 5_000 },
    );
  });
});

describe('parseGraphBytes', () => {
  it('accepts a UTF-8 file with a byte-order mark', () => {
    const result = parseGraphBytes(bytesOf('bom.json'));
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('refuses a UTF-16 file and a file with an invalid UTF-8 byte, saying where', () => {
    const lines = (fixture: string) => parseGraphBytes(bytesOf(fixture)).problems.map((p) => formatProblem(fixture, p));
    expect(lines('utf16.json')).toEqual([
      'utf16.json:1:1 the file is UTF-16 (it starts with a UTF-16 byte-order mark): save it as UTF-8',
    ]);
    expect(lines('invalid-utf8.json')).toEqual([
      'invalid-utf8.json:17:46 invalid UTF-8 at byte 635 (line 17, column 46): save the file as UTF-8',
    ]);
    expect(parseGraphBytes(bytesOf('invalid-utf8.json')).stoppedEarly).toBe(true);
  });

  it('refuses a file over the size limit before decoding it', () => {
    const result = parseGraphBytes(new Uint8Array(MAX_GRAPH_FILE_BYTES + 1));
    expect(result.problems.map((problem) => problem.message)).toEqual([
      'the file is 128.1 MB; the explorer opens files of at most 128 MB: split the graph, or filter it before export',
    ]);
  });

  it('reports its phases, decoding first', () => {
    const phases: string[] = [];
    parseGraphBytes(bytesOf('bom.json'), { onProgress: (phase) => phases.push(phase) });
    expect(phases).toEqual(['decoding', 'parsing', 'checking the schema', 'checking references']);
  });
});
