// What the peers page (peers-entry.ts) offers scripts/bench.ts as
// `window.agPeers`; kept apart so that the bench imports no browser code.

export const PEERS = [
  'naive Cytoscape, fcose default',
  'naive Cytoscape, fcose draft',
  'sigma, layout then draw',
  'sigma, first live frame',
] as const;
export type PeerName = (typeof PEERS)[number];

export interface PeerRun {
  /** From the start (the graph file's text in memory) to the frame drawn, ms. */
  ms: number;
  /** The main thread's longest task, and the sum of its tasks over 50 ms, during the run. */
  longestTaskMs: number;
  longTaskTotalMs: number;
  /** What the run did, for the notes (FA2's iterations). */
  detail: string;
}

export interface PeersApi {
  /** The graph area, CSS pixels: the size of the app's graph canvas. */
  setArea(width: number, height: number): void;
  /** Loads the graph file's text: 'shipped', or N for the generated-N.json the bench wrote into dist/. */
  load(name: string): Promise<{ actors: number; relations: number }>;
  /** One run, from a fresh container; what it drew stays until the next run or dispose(). */
  run(peer: PeerName): Promise<PeerRun>;
  dispose(): void;
  /** The WebGL renderer sigma gets (WEBGL_debug_renderer_info), or why there is none. */
  webglRenderer(): string;
}
