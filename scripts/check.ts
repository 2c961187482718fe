// Command line check of graph files: npm run check -- graph/FILE.json [--sources DIR]
// Prints every problem as FILE:LINE:COLUMN PATH: MESSAGE; exits 0 when there is no
// error, 1 on any error, 2 on wrong usage.
//
// Files are read as bytes and decoded exactly as the explorer decodes them
// (parseGraphBytes), so the two agree on every file. Nothing from a file reaches
// the terminal unescaped, and no input file makes it print a stack trace.
import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import {
  type ArchiveLookup,
  describeOmitted,
  escapeControlCharacters,
  fileSizeMessage,
  formatProblem,
  MAX_GRAPH_FILE_BYTES,
  type ParseReport,
  type Problem,
  parseGraphBytes,
} from '../src/model/validate.ts';

type ReadOutcome =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; why: 'missing' | 'too large' | 'unreadable'; reason: string };

function errorCode(error: unknown): string | undefined {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
}

const ERROR_WORDS: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a folder, not a file',
  ENOTDIR: 'a part of its path is not a folder',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'the name is too long',
};

function failure(error: unknown): ReadOutcome {
  const code = errorCode(error);
  const reason = (code && ERROR_WORDS[code]) ?? (error instanceof Error ? error.message : String(error));
  return { ok: false, why: code === 'ENOENT' ? 'missing' : 'unreadable', reason };
}

/** The app's own words for a file over a size limit, with what to do. */
const tooLarge = (bytes: number, limit: number) => fileSizeMessage(bytes, limit);

/** Reads a regular file of at most `maxBytes`, never blocking on a pipe or device and never reading more. */
function readRegularFile(path: string, maxBytes: number): ReadOutcome {
  try {
    // stat before open: opening a pipe would wait for a writer.
    const stats = statSync(path);
    if (stats.isDirectory()) return { ok: false, why: 'unreadable', reason: 'it is a folder, not a file' };
    if (!stats.isFile()) return { ok: false, why: 'unreadable', reason: 'it is not a regular file' };
    if (stats.size > maxBytes) return { ok: false, why: 'too large', reason: tooLarge(stats.size, maxBytes) };
  } catch (error) {
    return failure(error);
  }
  let descriptor: number | undefined;
  try {
    descriptor = openSync(path, 'r');
    const stats = fstatSync(descriptor);
    if (!stats.isFile()) return { ok: false, why: 'unreadable', reason: 'it is not a regular file' };
    // One byte more than its size, to notice a file that grew since it was measured.
    const buffer = new Uint8Array(Math.min(stats.size, maxBytes) + 1);
    let length = 0;
    while (length < buffer.length) {
      const read = readSync(descriptor, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    if (length > maxBytes) return { ok: false, why: 'too large', reason: tooLarge(length, maxBytes) };
    return { ok: true, bytes: buffer.subarray(0, length) };
  } catch (error) {
    return failure(error);
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}

function usage(): never {
  console.error('usage: npm run check -- GRAPH.json [GRAPH.json...] [--sources DIR]');
  process.exit(2);
}

function archiveReader(sourcesDir: string): (fileName: string) => ArchiveLookup {
  const folder = resolve(sourcesDir);
  return (fileName) => {
    const path = resolve(folder, fileName);
    // The schema allows only plain names; this keeps any other name out of the folder's parents too.
    if (dirname(path) !== folder) return { unreadable: 'it is not a file directly in the sources folder' };
    const outcome = readRegularFile(path, MAX_GRAPH_FILE_BYTES);
    if (outcome.ok) return new TextDecoder('utf-8').decode(outcome.bytes);
    return outcome.why === 'missing' ? null : { unreadable: outcome.reason };
  };
}

function wholeFileProblem(message: string): ParseReport {
  const problem: Problem = { severity: 'error', line: 1, column: 1, path: '', message };
  return { problems: [problem], omitted: 0, omittedKinds: [], stoppedEarly: true };
}

/** The report for one file; whatever goes wrong becomes a problem at 1:1, never an exception. */
function checkFile(file: string, archiveText: ((fileName: string) => ArchiveLookup) | undefined): ParseReport {
  try {
    const outcome = readRegularFile(file, MAX_GRAPH_FILE_BYTES);
    if (!outcome.ok) {
      if (outcome.why === 'missing') return wholeFileProblem('no such file');
      if (outcome.why === 'too large') return wholeFileProblem(outcome.reason);
      return wholeFileProblem(`could not be read: ${outcome.reason}`);
    }
    return parseGraphBytes(outcome.bytes, { archiveText });
  } catch (error) {
    return wholeFileProblem(`could not be read: ${error instanceof Error ? error.message : String(error)}`);
  }
}

const args = process.argv.slice(2);
const files: string[] = [];
let sourcesDir: string | undefined;
for (let i = 0; i < args.length; i++) {
  const arg = args[i] ?? '';
  if (arg === '--sources') sourcesDir = args[++i] ?? usage();
  else if (arg.startsWith('--sources=')) sourcesDir = arg.slice('--sources='.length);
  else if (arg.startsWith('-')) usage();
  else files.push(arg);
}
if (files.length === 0) usage();
if (sourcesDir !== undefined) {
  let isFolder = false;
  try {
    isFolder = statSync(sourcesDir).isDirectory();
  } catch {
    isFolder = false;
  }
  if (!isFolder) {
    console.error(`--sources: no folder "${escapeControlCharacters(sourcesDir)}"`);
    process.exit(2);
  }
}
const archiveText = sourcesDir === undefined ? undefined : archiveReader(sourcesDir);

let failed = false;
for (const file of files) {
  const report = checkFile(file, archiveText);
  for (const problem of report.problems) console.log(formatProblem(file, problem));
  const shownFile = escapeControlCharacters(file);
  const omitted = describeOmitted(report);
  if (omitted !== null) console.log(`${shownFile}: ${omitted}`);
  const errors = report.problems.filter((p) => p.severity === 'error').length;
  const warnings = report.problems.length - errors;
  // Errors are listed before warnings, so an unlisted error means every listed problem is one.
  if (errors > 0) failed = true;
  const notListed = report.omitted > 0 ? `, ${report.omitted.toLocaleString('en')} more not listed` : '';
  const checkedQuotes =
    sourcesDir === undefined ? '' : `, quotes checked against ${escapeControlCharacters(sourcesDir)}`;
  console.log(`${shownFile}: ${errors} error(s), ${warnings} warning(s)${notListed}${checkedQuotes}`);
}
process.exit(failed ? 1 : 0);
