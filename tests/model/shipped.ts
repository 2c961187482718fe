// The shipped graph, parsed once for the model tests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Graph } from '../../src/model/graph.ts';
import { parseGraph } from '../../src/model/validate.ts';

export function loadShippedGraph(): Graph {
  const result = parseGraph(readFileSync(join(import.meta.dirname, '..', '..', 'graph', 'kadhimi-2021.json'), 'utf8'));
  if (!result.ok) throw new Error('the shipped graph does not parse');
  return result.graph;
}
