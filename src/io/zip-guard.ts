// A look inside a ZIP file before exceljs opens it. exceljs (through JSZip)
// inflates every entry of a workbook into memory and builds every cell before
// the caller sees one, so a small hostile file (a zip bomb, or millions of
// empty cells) would cost gigabytes and minutes. Here each entry is inflated as
// a stream (DecompressionStream, native in browsers and Node) and dropped as it
// goes, stopping at the first limit passed; the rows and cells of the
// worksheets are counted on the way. Only a file that passes is given to exceljs.

export interface ZipGuardLimits {
  /** All entries together, inflated. */
  unzippedBytes: number;
  entries: number;
  /** Rows and cells written in all worksheets together, empty ones included. */
  rows: number;
  cells: number;
}

export type ZipGuardResult =
  | { ok: true; names: string[] }
  | { ok: false; reason: 'not-zip' | 'damaged' | 'limit'; message: string };

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  declaredSize: number;
  localHeaderOffset: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

class Damaged extends Error {}

/** The entries listed in the central directory (the last 64 KB hold its end record). */
function zipEntries(bytes: Uint8Array, maxEntries: number): ZipEntry[] | 'not-zip' | 'too-many' {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 22 || view.getUint32(0, true) !== LOCAL_HEADER) return 'not-zip';
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === END_OF_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new Damaged('its table of contents is missing');
  const count = view.getUint16(end + 10, true);
  if (count > maxEntries) return 'too-many';
  let at = view.getUint32(end + 16, true);
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder();
  for (let index = 0; index < count; index++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== DIRECTORY_ENTRY) {
      throw new Damaged('its table of contents is damaged');
    }
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    entries.push({
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      // 0xffffffff means the size is in a ZIP64 field: unknown here, and the stream's own cap still holds.
      declaredSize: view.getUint32(at + 24, true),
      localHeaderOffset: view.getUint32(at + 42, true),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function entryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL_HEADER) {
    throw new Damaged(`its part ${entry.name} is missing`);
  }
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + entry.compressedSize > bytes.length) throw new Damaged(`its part ${entry.name} is cut short`);
  return bytes.subarray(start, start + entry.compressedSize);
}

/** The entry's inflated bytes, chunk by chunk; the caller stops reading to stop inflating. */
function inflated(data: Uint8Array, method: number): ReadableStream<Uint8Array> {
  const raw = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(data);
      controller.close();
    },
  });
  if (method === STORED) return raw;
  return raw.pipeThrough(new DecompressionStream('deflate-raw') as unknown as TransformStream<Uint8Array, Uint8Array>);
}

/** Counts "<row" and "<c" start tags in a worksheet's XML as it streams past. */
class TagCounter {
  rows = 0;
  cells = 0;
  private readonly decoder = new TextDecoder();
  private tail = '';

  add(chunk: Uint8Array): void {
    const text = this.tail + this.decoder.decode(chunk, { stream: true });
    // A tag split between chunks is found whole in the next one; one found whole before is not counted again.
    for (const match of text.matchAll(/<(c|row)[\s/>]/g)) {
      if (match.index + match[0].length <= this.tail.length) continue;
      if (match[1] === 'c') this.cells++;
      else this.rows++;
    }
    this.tail = text.slice(-4);
  }
}

const WORKSHEET = /^\/?xl\/worksheets\/[^/]+\.xml$/;

/**
 * Checks a ZIP file's entries against the limits by inflating them as streams.
 * Resolves to the names of its entries, or to why it was refused.
 */
export async function guardZip(bytes: Uint8Array, limits: ZipGuardLimits): Promise<ZipGuardResult> {
  try {
    const entries = zipEntries(bytes, limits.entries);
    if (entries === 'not-zip') return { ok: false, reason: 'not-zip', message: 'it is not a ZIP file' };
    if (entries === 'too-many') {
      return { ok: false, reason: 'limit', message: `it holds more than ${limits.entries} parts` };
    }
    const tooBig = {
      ok: false,
      reason: 'limit',
      message: `it unpacks to more than ${Math.round(limits.unzippedBytes / 1024 / 1024)} MB`,
    } as const;
    const declared = entries.reduce(
      (sum, entry) => sum + (entry.declaredSize === 0xffffffff ? 0 : entry.declaredSize),
      0,
    );
    if (declared > limits.unzippedBytes) return tooBig;
    let unzipped = 0;
    const counter = new TagCounter();
    for (const entry of entries) {
      if (entry.name.endsWith('/')) continue;
      if (entry.method !== STORED && entry.method !== DEFLATED) {
        throw new Damaged(`its part ${entry.name} is packed in a way workbooks are not (method ${entry.method})`);
      }
      const isWorksheet = WORKSHEET.test(entry.name);
      const reader = inflated(entryData(bytes, entry), entry.method).getReader();
      try {
        for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
          unzipped += chunk.value.length;
          if (unzipped > limits.unzippedBytes) return tooBig;
          if (!isWorksheet) continue;
          counter.add(chunk.value);
          if (counter.rows > limits.rows) {
            return { ok: false, reason: 'limit', message: `it has more than ${limits.rows.toLocaleString('en')} rows` };
          }
          if (counter.cells > limits.cells) {
            return {
              ok: false,
              reason: 'limit',
              message: `it has more than ${limits.cells.toLocaleString('en')} cells`,
            };
          }
        }
      } finally {
        reader.cancel().catch(() => {});
      }
    }
    return { ok: true, names: entries.map((entry) => entry.name.replace(/^\//, '')) };
  } catch (error) {
    if (error instanceof Damaged) return { ok: false, reason: 'damaged', message: error.message };
    // DecompressionStream rejects data that is not valid deflate.
    return { ok: false, reason: 'damaged', message: 'a part of it cannot be unpacked' };
  }
}
