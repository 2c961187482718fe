// The peers page: the explorer's peers, each drawing the same graph file into
// a container the size of the app's graph area, so that scripts/bench.ts can
// print the app's figures side by side with theirs. It drives this page
// through `window.agPeers`, a fresh page for each graph and peer.
//
// Each run starts with the graph file's text in memory (JSON.parse included
// in the time) and ends when the peer has drawn the laid-out graph:
//   - naive Cytoscape: cytoscape({ container, elements, style, layout: fcose })
//     on the main thread, as the documentation shows it, with a plain
//     stylesheet (labels, arrows on directed relations); the time ends at the
//     first 'render' event, the first frame drawn after the layout (which runs
//     inside the constructor);
//   - sigma, layout then draw: graphology and ForceAtlas2 in a worker
//     (fa2.worker.ts, to its stopping rule), then new Sigma(graph, container),
//     which renders in its constructor (its 'afterRender' fires there);
//   - sigma, first live frame: Gephi Lite's way, the FA2 worker supervisor
//     started and sigma drawing as positions arrive; the time ends at sigma's
//     first 'afterRender' after the first iteration's positions.

import cytoscape, { type ElementDefinition, type StylesheetJson } from 'cytoscape';
import fcose, { type FcoseLayoutOptions } from 'cytoscape-fcose';
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import fa2Defaults from 'graphology-layout-forceatlas2/defaults.js';
import { assignLayoutChanges, graphToByteArrays } from 'graphology-layout-forceatlas2/helpers.js';
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import Sigma from 'sigma';
import shippedGraphText from '../../graph/kadhimi-2021.json?raw';
import type { Graph as GraphFile } from '../../src/model/graph.ts';
import { mulberry32 } from '../../src/model/seeded-random.ts';
import type { Fa2Request, Fa2Response } from './fa2.worker.ts';
import type { PeerName, PeerRun, PeersApi } from './peers-api.ts';

cytoscape.use(fcose);

/** sigma's default stage padding: the FA2 stopping rule converts movement to pixels with it. */
const SIGMA_STAGE_PADDING = 30;

/** What a developer writes first: labels, and arrows on the relations whose type is directed. */
const NAIVE_STYLE: StylesheetJson = [
  { selector: 'node', style: { label: 'data(label)', 'background-color': 'data(color)' } },
  { selector: 'edge', style: { width: 1, 'curve-style': 'bezier' } },
  { selector: 'edge[?directed]', style: { 'target-arrow-shape': 'triangle' } },
];

let text = '';
let area = { width: 0, height: 0 };
let container: HTMLDivElement | null = null;
/** Tears down the last run: its Cytoscape or sigma instance and its workers. */
let disposeRun: () => void = () => {};

const longTasks: PerformanceEntry[] = [];
const longTaskObserver = new PerformanceObserver((list) => longTasks.push(...list.getEntries()));
longTaskObserver.observe({ type: 'longtask', buffered: true });

function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** The main thread's tasks over 50 ms that overlapped the run. */
function longTasksBetween(start: number, end: number): { longestTaskMs: number; longTaskTotalMs: number } {
  longTasks.push(...longTaskObserver.takeRecords());
  const during = longTasks.filter((task) => task.startTime + task.duration > start && task.startTime < end);
  return {
    longestTaskMs: Math.max(0, ...during.map((task) => task.duration)),
    longTaskTotalMs: during.reduce((sum, task) => sum + task.duration, 0),
  };
}

function freshContainer(): HTMLDivElement {
  container?.remove();
  const element = document.createElement('div');
  element.style.cssText = `position: absolute; left: 0; top: 0; width: ${area.width}px; height: ${area.height}px;`;
  document.body.append(element);
  container = element;
  return element;
}

/** The same starting positions on every run: the graph file's actors, in order, in the unit square. */
function graphologyGraph(file: GraphFile): Graph {
  const graph = new Graph({ multi: true, type: 'directed' });
  const colours = new Map(file.actorKinds.map((kind) => [kind.id, kind.color]));
  const directed = new Set(file.relationTypes.filter((type) => type.directed).map((type) => type.id));
  const random = mulberry32(1);
  for (const actor of file.actors)
    graph.addNode(actor.id, { x: random(), y: random(), label: actor.label, color: colours.get(actor.kind) });
  for (const relation of file.relations)
    graph.addEdgeWithKey(relation.id, relation.from, relation.to, {
      type: directed.has(relation.type) ? 'arrow' : 'line',
    });
  // Hubs larger: sigma draws the labels of nodes drawn 6 px or larger, as many as its label grid allows.
  graph.updateEachNodeAttributes((node, attributes) => ({ ...attributes, size: 3 + Math.sqrt(graph.degree(node)) }));
  return graph;
}

function naiveElements(file: GraphFile): ElementDefinition[] {
  const colours = new Map(file.actorKinds.map((kind) => [kind.id, kind.color]));
  const directed = new Set(file.relationTypes.filter((type) => type.directed).map((type) => type.id));
  return [
    ...file.actors.map((actor) => ({ data: { id: actor.id, label: actor.label, color: colours.get(actor.kind) } })),
    ...file.relations.map((relation) => ({
      data: { id: relation.id, source: relation.from, target: relation.to, directed: directed.has(relation.type) },
    })),
  ];
}

type Runner = (element: HTMLDivElement) => Promise<{ drawnAt: number; detail: string }>;

function naiveCytoscape(quality: 'default' | 'draft'): Runner {
  return async (element) => {
    // fcose starts from Math.random: seeded for the run, so that every run lays out the same.
    const random = Math.random;
    Math.random = mulberry32(1);
    let cy: cytoscape.Core;
    try {
      const file = JSON.parse(text) as GraphFile;
      const layout: FcoseLayoutOptions = { name: 'fcose', quality, animate: false };
      cy = cytoscape({ container: element, elements: naiveElements(file), style: NAIVE_STYLE, layout });
    } finally {
      Math.random = random;
    }
    disposeRun = () => cy.destroy();
    const drawnAt = await new Promise<number>((resolve) => cy.one('render', () => resolve(performance.now())));
    return { drawnAt, detail: '' };
  };
}

const sigmaLayoutThenDraw: Runner = async (element) => {
  const graph = graphologyGraph(JSON.parse(text) as GraphFile);
  // Gephi Lite's "auto settings": the defaults, then what inferSettings gives for the graph's size.
  const settings = { ...fa2Defaults, ...forceAtlas2.inferSettings(graph) };
  // Edges carry no weight attribute: weight 1, as the library's default getter gives.
  const { nodes, edges } = graphToByteArrays(graph, () => 1);
  const worker = new Worker(new URL('./fa2.worker.ts', import.meta.url), { type: 'module', name: 'fa2' });
  disposeRun = () => worker.terminate();
  const request: Fa2Request = { nodes, edges, settings, ...area, padding: SIGMA_STAGE_PADDING };
  const laidOut = await new Promise<Fa2Response>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<Fa2Response>) => resolve(event.data);
    worker.onerror = (event) => reject(new Error(`FA2 worker: ${event.message}`));
    worker.postMessage(request, { transfer: [nodes.buffer, edges.buffer] });
  });
  worker.terminate();
  assignLayoutChanges(graph, laidOut.nodes, null);
  // sigma renders in its constructor ('afterRender' is emitted before it returns).
  const renderer = new Sigma(graph, element);
  const drawnAt = performance.now();
  disposeRun = () => renderer.kill();
  return { drawnAt, detail: `${laidOut.iterations} iterations, ${Math.round(laidOut.ms)} ms in the worker` };
};

const sigmaFirstLiveFrame: Runner = async (element) => {
  const graph = graphologyGraph(JSON.parse(text) as GraphFile);
  const layout = new FA2Layout(graph, { settings: forceAtlas2.inferSettings(graph) });
  // The supervisor writes each iteration's positions onto the graph, and sigma redraws on the next frame.
  const firstIteration = new Promise<void>((resolve) => graph.once('eachNodeAttributesUpdated', () => resolve()));
  layout.start();
  const renderer = new Sigma(graph, element);
  disposeRun = () => {
    layout.kill();
    renderer.kill();
  };
  await firstIteration;
  const drawnAt = await new Promise<number>((resolve) =>
    renderer.once('afterRender', () => resolve(performance.now())),
  );
  // Stopped, so that the heap is read without the layout's traffic.
  layout.kill();
  return { drawnAt, detail: '' };
};

const RUNNERS: Record<PeerName, Runner> = {
  'naive Cytoscape, fcose default': naiveCytoscape('default'),
  'naive Cytoscape, fcose draft': naiveCytoscape('draft'),
  'sigma, layout then draw': sigmaLayoutThenDraw,
  'sigma, first live frame': sigmaFirstLiveFrame,
};

const agPeers: PeersApi = {
  setArea(width: number, height: number): void {
    area = { width, height };
  },

  async load(name: string) {
    const url = new URL(`../generated-${name}.json`, location.href);
    text = name === 'shipped' ? shippedGraphText : await (await fetch(url)).text();
    const file = JSON.parse(text) as GraphFile;
    return { actors: file.actors.length, relations: file.relations.length };
  },

  async run(peer: PeerName): Promise<PeerRun> {
    disposeRun();
    disposeRun = () => {};
    const element = freshContainer();
    await nextTask();
    const started = performance.now();
    const { drawnAt, detail } = await RUNNERS[peer](element);
    // The task that drew has ended: its long-task entry is queued.
    await nextTask();
    return { ms: drawnAt - started, detail, ...longTasksBetween(started, drawnAt) };
  },

  dispose(): void {
    disposeRun();
    disposeRun = () => {};
    container?.remove();
    container = null;
  },

  webglRenderer(): string {
    const gl = document.createElement('canvas').getContext('webgl2');
    if (!gl) return 'no WebGL2 context';
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    return String(info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
  },
};

declare global {
  interface Window {
    agPeers: PeersApi;
  }
}

window.agPeers = agPeers;
document.title = 'Peers bench: ready';
