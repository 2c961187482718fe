// Bytes of a graph file to text. Strict UTF-8, so that the command-line checker
// and the browser read a file the same way: a UTF-8 byte-order mark is dropped,
// a UTF-16 or UTF-32 file and any invalid byte sequence are refused with their
// position, instead of silently turning bytes into U+FFFD.
import { LineIndex } from './line-index.ts';
import type { Problem } from './problems.ts';

export type DecodeResult = { ok: true; text: string } | { ok: false; problems: Problem[] };

const SAVE_AS_UTF8 = 'save it as UTF-8';

function refusal(message: string, line = 1, column = 1): DecodeResult {
  return { ok: false, problems: [{ severity: 'error', line, column, path: '', message }] };
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

/** The UTF-16 and UTF-32 byte-order marks; UTF-32 first, as its little-endian mark begins like UTF-16's. */
const FOREIGN_BYTE_ORDER_MARKS: { encoding: string; bytes: number[] }[] = [
  { encoding: 'UTF-32', bytes: [0xff, 0xfe, 0x00, 0x00] },
  { encoding: 'UTF-32', bytes: [0x00, 0x00, 0xfe, 0xff] },
  { encoding: 'UTF-16', bytes: [0xff, 0xfe] },
  { encoding: 'UTF-16', bytes: [0xfe, 0xff] },
];

const UTF8_BYTE_ORDER_MARK = [0xef, 0xbb, 0xbf];

/**
 * Index of the first byte of the first invalid UTF-8 sequence, or -1 when all is valid.
 * Follows the WHATWG decoder that TextDecoder uses: no overlong forms, no surrogates,
 * nothing above U+10FFFF, no sequence cut short.
 */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index] ?? 0;
    if (lead < 0x80) {
      index++;
      continue;
    }
    let continuation: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) continuation = 1;
    else if (lead >= 0xe0 && lead <= 0xef) {
      continuation = 2;
      if (lead === 0xe0) low = 0xa0; // overlong
      if (lead === 0xed) high = 0x9f; // surrogates
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      continuation = 3;
      if (lead === 0xf0) low = 0x90; // overlong
      if (lead === 0xf4) high = 0x8f; // above U+10FFFF
    } else return index;
    for (let offset = 1; offset <= continuation; offset++) {
      const byte = bytes[index + offset];
      if (byte === undefined || byte < low || byte > high) return index;
      low = 0x80;
      high = 0xbf;
    }
    index += continuation + 1;
  }
  return -1;
}

export function decodeGraphBytes(bytes: Uint8Array): DecodeResult {
  for (const mark of FOREIGN_BYTE_ORDER_MARKS) {
    if (startsWith(bytes, mark.bytes)) {
      const why = `it starts with a ${mark.encoding} byte-order mark`;
      return refusal(`the file is ${mark.encoding} (${why}): ${SAVE_AS_UTF8}`);
    }
  }
  const start = startsWith(bytes, UTF8_BYTE_ORDER_MARK) ? UTF8_BYTE_ORDER_MARK.length : 0;
  // A JSON file starts with "{", a space or a line break; a zero byte among the first two is UTF-16 or UTF-32.
  if (bytes.length >= start + 2 && (bytes[start] === 0 || bytes[start + 1] === 0)) {
    return refusal(`the file looks like UTF-16 or UTF-32 (it has zero bytes between its characters): ${SAVE_AS_UTF8}`);
  }
  const body = bytes.subarray(start);
  const invalidAt = firstInvalidUtf8Byte(body);
  if (invalidAt >= 0) {
    const before = new TextDecoder('utf-8').decode(body.subarray(0, invalidAt));
    const { line, column } = new LineIndex(before).position(before.length);
    const byteNumber = (start + invalidAt + 1).toLocaleString('en');
    return refusal(
      `invalid UTF-8 at byte ${byteNumber} (line ${line}, column ${column}): save the file as UTF-8`,
      line,
      column,
    );
  }
  // ignoreBOM: the mark, if any, is already dropped; the decoder must not drop a second one.
  return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body) };
}
