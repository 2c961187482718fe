// The parse worker's message handling (src/io/parse.worker.ts), run in Node with
// a stand-in for the worker's global scope: the bytes in, progress and a result
// out, and the archived sources' texts, when sent, used to check every quote.
// (The worker itself, started by parseInWorker, is tested in Chromium by
// tests/components/parse-runner.test.ts.)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateGraph } from '../../scripts/generate-graph.ts';
import type { ParseWorkerMessage, ParseWorkerRequest } from '../../src/io/parse.worker.ts';
import { ResultAssembler } from '../../src/io/result-pieces.ts';
import { archiveTextFrom, formatProblem, type ParseResult, parseGraph } from '../../src/model/validate.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const MINIMAL = readFileSync(join(FIXTURES, 'minimal.json'), 'utf8');
const PAPER = readFileSync(join(FIXTURES, 'paper.txt'), 'utf8');

interface WorkerScope {
  onmessage: ((event: { data: ParseWorkerRequest }) => void) | null;
  postMessage: (message: ParseWorkerMessage) => void;
}
const scope = globalThis as unknown as WorkerScope;
let posted: ParseWorkerMessage[] = [];

beforeAll(async () => {
  scope.postMessage = (message) => posted.push(message);
  await import('../../src/io/parse.worker.ts');
});

/** What the worker answers to one request: the phases it reports, and its result. */
function answer(request: ParseWorkerRequest): { phases: string[]; result: ParseResult } {
  posted = [];
  scope.onmessage?.({ data: request });
  const phases = posted.flatMap((message) => (message.type === 'progress' ? [message.phase] : []));
  const done = posted.at(-1);
  if (done?.type !== 'done') throw new Error('no result');
  const assembler = new ResultAssembler();
  for (const message of posted) if (message.type === 'items') assembler.add(message);
  return { phases, result: assembler.finish(done.result) };
}

const bytesOf = (text: string) => new TextEncoder().encode(text).buffer as ArrayBuffer;
const report = (result: ParseResult) => result.problems.map((problem) => formatProblem('g.json', problem));

describe('the parse worker', () => {
  it('checks a file’s bytes as before when no archive is sent, and checks no quote', () => {
    const { phases, result } = answer({ bytes: bytesOf(MINIMAL) });
    expect(result.ok).toBe(true);
    expect(phases).toEqual(['decoding', 'parsing', 'checking the schema', 'checking references']);
  });

  it('checks every quote against the archived texts sent with the file', () => {
    const { phases, result } = answer({ bytes: bytesOf(MINIMAL), archives: { 'paper.txt': PAPER } });
    expect(result.ok && result.problems).toEqual([]);
    expect(phases.at(-1)).toBe('checking quotes');
    const changed = MINIMAL.replace('a drone attacked the house', 'a drone attacked his house');
    expect(report(answer({ bytes: bytesOf(changed), archives: { 'paper.txt': PAPER } }).result)).toEqual([
      'g.json:21:37 actors[1].evidence[0].quote: the quote is not verbatim in "paper.txt"; ' +
        'the closest passage is "a drone attacked the house"',
    ]);
  });

  it('checks no quote of a source whose text was not sent (not attached in the editor), and says nothing of it', () => {
    const changed = MINIMAL.replace('a drone attacked the house', 'a drone attacked his house');
    const { phases, result } = answer({ bytes: bytesOf(changed), archives: { 'other.txt': PAPER } });
    expect(result.ok && result.problems).toEqual([]);
    expect(phases.at(-1)).toBe('checking quotes');
  });
});

describe('a big graph', () => {
  const generated = generateGraph(1_500, 1);

  it('goes back in pieces of at most 1,000 actors or relations, in order, then the result without them', () => {
    const text = JSON.stringify(generated);
    const { result } = answer({ bytes: bytesOf(text) });
    const pieces = posted.flatMap((message) =>
      message.type === 'items' ? [[message.list, message.items.length]] : [],
    );
    expect(pieces).toEqual([
      ['actors', 1000],
      ['actors', 500],
      ['relations', 1000],
      ['relations', 1000],
      ['relations', 1000],
    ]);
    const done = posted.at(-1);
    expect(done?.type === 'done' && done.result.ok && done.result.graph.actors).toEqual([]);
    expect(result).toEqual(parseGraph(text));
  });

  it('that failed sends no pieces, only its problems', () => {
    const text = JSON.stringify({ ...generated, title: 5 });
    expect(answer({ bytes: bytesOf(text) }).result).toEqual(parseGraph(text));
    expect(posted.filter((message) => message.type !== 'progress').map((message) => message.type)).toEqual(['done']);
  });
});

describe('archives handed in by name', () => {
  it('find an archive only by its own name, never by a name every object has', () => {
    const lookup = archiveTextFrom({ 'paper.txt': PAPER });
    expect(lookup('paper.txt')).toBe(PAPER);
    expect([lookup('toString'), lookup('__proto__'), lookup('constructor'), lookup('Paper.txt')]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('give the same report as the checker’s sources folder', () => {
    const text = MINIMAL.replace('He denied   any role.', 'He denied every role.');
    const fromFolder = parseGraph(text, { archiveText: (name) => (name === 'paper.txt' ? PAPER : null) });
    const handedIn = parseGraph(text, { archiveText: archiveTextFrom({ 'paper.txt': PAPER }) });
    expect(report(handedIn)).toEqual(report(fromFolder));
    expect(report(handedIn)).toHaveLength(1);
  });
});
