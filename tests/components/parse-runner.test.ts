// The parse worker on its own: a file's bytes in, progress and a result out.
import { describe, expect, it } from 'vitest';
import shippedGraphText from '../../graph/kadhimi-2021.json?raw';
import { generateGraph } from '../../scripts/generate-graph.ts';
import { parseInWorker } from '../../src/io/parse-runner.ts';
import { type ParsePhase, parseGraph } from '../../src/model/validate.ts';
import minimalText from '../fixtures/minimal.json?raw';
import paperText from '../fixtures/paper.txt?raw';

const bytesOf = (text: string) => new TextEncoder().encode(text).buffer as ArrayBuffer;

describe('parseInWorker', () => {
  it('checks the shipped graph off the main thread, reporting each phase', async () => {
    const phases: ParsePhase[] = [];
    const result = await parseInWorker(bytesOf(shippedGraphText), { onProgress: (phase) => phases.push(phase) });
    expect(result.ok).toBe(true);
    expect(result.ok && result.graph.actors.length).toBe(JSON.parse(shippedGraphText).actors.length);
    expect(phases.slice(0, 3)).toEqual(['decoding', 'parsing', 'checking the schema']);
  });

  it('brings a graph of 2,500 actors back whole and in order, though it comes in pieces', async () => {
    const text = JSON.stringify(generateGraph(2_500, 1));
    const result = await parseInWorker(bytesOf(text));
    expect(result).toEqual(parseGraph(text));
    expect(result.ok && [result.graph.actors.length, result.graph.relations.length]).toEqual([2_500, 5_000]);
  });

  it('takes the file’s bytes (transferred, not copied) and reports bad bytes with their position', async () => {
    const bytes = new Uint8Array([0x7b, 0x0a, 0xc3, 0x28, 0x7d]).buffer;
    const result = await parseInWorker(bytes);
    expect(bytes.byteLength).toBe(0);
    expect(result.ok).toBe(false);
    expect(result.problems[0]).toMatchObject({ line: 2, column: 1 });
    expect(result.problems[0]?.message).toContain('UTF-8');
  });

  it('an aborted check rejects with an AbortError, and the next one still works', async () => {
    const big = `{"title": "${'x'.repeat(15_000_000)}"}`;
    const controller = new AbortController();
    const running = parseInWorker(bytesOf(big), {
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    await expect(running).rejects.toMatchObject({ name: 'AbortError' });
    await expect(parseInWorker(bytesOf('{}'), { signal: AbortSignal.abort() })).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect((await parseInWorker(bytesOf(shippedGraphText))).ok).toBe(true);
  });

  it('checks every quote against the archived sources sent with the file', async () => {
    const archives = { 'paper.txt': paperText };
    expect((await parseInWorker(bytesOf(minimalText), { archives })).problems).toEqual([]);
    const changed = minimalText.replace('a drone attacked the house', 'a drone attacked his house');
    const result = await parseInWorker(bytesOf(changed), { archives });
    expect(result.problems.map((problem) => problem.message)).toEqual([
      'the quote is not verbatim in "paper.txt"; the closest passage is "a drone attacked the house"',
    ]);
  });
});
