// Strict UTF-8, byte by byte: the first byte of the first bad sequence is the
// one reported, exactly where the browser's strict TextDecoder would stop, and a
// refused file says why in words an analyst can act on.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeGraphBytes, firstInvalidUtf8Byte } from '../../src/model/decode.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);
const strict = new TextDecoder('utf-8', { fatal: true });
function accepts(bytes: Uint8Array): boolean {
  try {
    strict.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Where the strict decoder stops: the longest prefix it accepts, or -1 when it accepts everything. */
function whereStrictDecoderStops(bytes: Uint8Array): number {
  if (accepts(bytes)) return -1;
  let longest = 0;
  for (let end = 1; end < bytes.length; end++) if (accepts(bytes.subarray(0, end))) longest = end;
  return longest;
}

describe('firstInvalidUtf8Byte', () => {
  it('accepts every form of one to four bytes at the edges of its range', () => {
    const valid = [
      [0x00],
      [0x7f],
      [0xc2, 0x80], // U+0080, the first two-byte character
      [0xdf, 0xbf], // U+07FF
      [0xe0, 0xa0, 0x80], // U+0800
      [0xed, 0x9f, 0xbf], // U+D7FF, just below the surrogates
      [0xee, 0x80, 0x80], // U+E000, just above them
      [0xef, 0xbf, 0xbf], // U+FFFF
      [0xf0, 0x90, 0x80, 0x80], // U+10000
      [0xf4, 0x8f, 0xbf, 0xbf], // U+10FFFF, the last code point
    ];
    for (const bytes of valid) expect(firstInvalidUtf8Byte(new Uint8Array([0x41, ...bytes, 0x41]))).toBe(-1);
  });

  it('reports the first byte of the bad sequence, after any good ones', () => {
    const cases: [number[], number][] = [
      [[0x41, 0x80], 1], // a continuation byte with no lead
      [[0x41, 0xc0, 0x80], 1], // an overlong "NUL"
      [[0xc1, 0xbf], 0], // overlong
      [[0xc2, 0x41], 0], // cut short by an ASCII letter
      [[0xc2, 0xc2, 0x80], 0],
      [[0xe0, 0x9f, 0xbf], 0], // overlong three-byte form
      [[0xed, 0xa0, 0x80], 0], // a surrogate
      [[0xe1, 0x80, 0x41], 0], // the third byte missing
      [[0xe1, 0x80], 0], // the file ends inside a character
      [[0xf0, 0x8f, 0xbf, 0xbf], 0], // overlong four-byte form
      [[0xf4, 0x90, 0x80, 0x80], 0], // above U+10FFFF
      [[0xf1, 0x80, 0x80, 0x41], 0], // the fourth byte missing
      [[0xf5, 0x80, 0x80, 0x80], 0], // no such lead byte
      [[0xff], 0],
      [[0x41, 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80, 0xc3], 10], // é, €, 😀, then a cut-off é
    ];
    for (const [bytes, at] of cases) expect(firstInvalidUtf8Byte(new Uint8Array(bytes))).toBe(at);
  });

  it('stops where the strict TextDecoder stops, for every lead byte and the edges of the next one', () => {
    const seconds = [0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc2];
    const disagreements: string[] = [];
    for (let lead = 0x80; lead <= 0xff; lead++) {
      for (const second of seconds) {
        for (const rest of [[], [0x80], [0x80, 0x80], [0x80, 0xbf, 0x41]]) {
          const bytes = new Uint8Array([0x41, lead, second, ...rest]);
          const found = firstInvalidUtf8Byte(bytes);
          const expected = whereStrictDecoderStops(bytes);
          if (found !== expected) disagreements.push(`${bytes.join(' ')}: ${found}, not ${expected}`);
        }
      }
    }
    expect(disagreements).toEqual([]);
  });

  it('stops where the strict TextDecoder stops, on short runs of bytes near the edges of the rules', () => {
    const edges = [0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc1, 0xc2, 0xdf, 0xe0, 0xed, 0xf0, 0xf4];
    const edge = fc.constantFrom(...edges);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 8 }), fc.array(edge, { maxLength: 8 }), (random, edges) => {
        const bytes = new Uint8Array([...edges, ...random]);
        expect(firstInvalidUtf8Byte(bytes)).toBe(whereStrictDecoderStops(bytes));
      }),
      { seed: 20261128, numRuns: 300 },
    );
  });
});

describe('decodeGraphBytes', () => {
  it('refuses an invalid byte as one error, placed at its line and column', () => {
    // "é" is two bytes and one column; the bad byte is the 12th byte, on line 2.
    const bytes = new Uint8Array([...utf8('{\n "é": '), 0xff, ...utf8('}')]);
    expect(decodeGraphBytes(bytes)).toEqual({
      ok: false,
      problems: [
        {
          severity: 'error',
          line: 2,
          column: 7,
          path: '',
          message: 'invalid UTF-8 at byte 10 (line 2, column 7): save the file as UTF-8',
        },
      ],
    });
  });

  it('refuses a file whose very first byte is not UTF-8', () => {
    expect(decodeGraphBytes(new Uint8Array([0x80, 0x7b, 0x7d]))).toEqual({
      ok: false,
      problems: [
        {
          severity: 'error',
          line: 1,
          column: 1,
          path: '',
          message: 'invalid UTF-8 at byte 1 (line 1, column 1): save the file as UTF-8',
        },
      ],
    });
  });

  it('counts bytes from the start of the file, byte-order mark included, with thousands separated', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(`"${'a'.repeat(1_500)}`), 0xc3, 0x28]);
    const result = decodeGraphBytes(bytes);
    expect(result.ok ? [] : result.problems.map((problem) => problem.message)).toEqual([
      'invalid UTF-8 at byte 1,505 (line 1, column 1502): save the file as UTF-8',
    ]);
  });

  it('drops one UTF-8 byte-order mark, and keeps a second one as text', () => {
    const twice = new Uint8Array([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, ...utf8('{}')]);
    expect(decodeGraphBytes(twice)).toEqual({ ok: true, text: '\uFEFF{}' });
  });

  it('refuses UTF-16 without a byte-order mark, whichever byte of a pair is zero', () => {
    const refused = {
      ok: false,
      problems: [
        {
          severity: 'error',
          line: 1,
          column: 1,
          path: '',
          message: 'the file looks like UTF-16 or UTF-32 (it has zero bytes between its characters): save it as UTF-8',
        },
      ],
    };
    expect(decodeGraphBytes(new Uint8Array([0x00, 0x7b, 0x00, 0x7d]))).toEqual(refused); // big-endian
    expect(decodeGraphBytes(new Uint8Array([0x7b, 0x00, 0x7d, 0x00]))).toEqual(refused); // little-endian
    expect(decodeGraphBytes(new Uint8Array([0x7b, 0x00]))).toEqual(refused);
    expect(decodeGraphBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0x00]))).toEqual(refused);
  });

  it('does not take a one-character file for UTF-16: it decodes, and the JSON parser says what is wrong', () => {
    expect(decodeGraphBytes(new Uint8Array([0x00]))).toEqual({ ok: true, text: '\u0000' });
    expect(decodeGraphBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x00]))).toEqual({ ok: true, text: '\u0000' });
    expect(decodeGraphBytes(new Uint8Array([0x7b, 0x7d, 0x00]))).toEqual({ ok: true, text: '{}\u0000' });
  });

  it('names UTF-32 by its byte-order mark, big-endian as well as little-endian', () => {
    const message = (bytes: number[]) => {
      const result = decodeGraphBytes(new Uint8Array(bytes));
      return result.ok ? '' : result.problems[0]?.message;
    };
    expect(message([0x00, 0x00, 0xfe, 0xff, 0, 0, 0, 0x7b])).toBe(
      'the file is UTF-32 (it starts with a UTF-32 byte-order mark): save it as UTF-8',
    );
  });
});
