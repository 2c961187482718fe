// Which of Cytoscape's renderers draws the graph: its WebGL renderer where a
// GPU does the work, its canvas renderer otherwise. Measured here (Chromium,
// 2 cores, no GPU: WebGL runs on SwiftShader, a software rasteriser), the
// WebGL renderer drew the 5,000-actor graph 3 to 6 times slower than the
// canvas one (a filter change 2.9-7.3 s against 1.1-1.8 s; a redraw 2.3-4.4 s
// against 0.5-0.7 s), so software WebGL never counts as a GPU. A link can ask
// for either (`?renderer=canvas` or `?renderer=webgl`), which is how the bench
// compares them on one machine.

export type RendererName = 'canvas' | 'webgl';

/** WebGL renderer strings of software rasterisers (Chromium's SwiftShader, Mesa's llvmpipe, Windows' WARP). */
const SOFTWARE_RENDERERS = /swiftshader|llvmpipe|softpipe|software|basic render driver|microsoft basic/i;

/**
 * The renderer to use: the one a link asks for, else WebGL when the GPU's
 * name (`gpuRenderer`, null without WebGL 2) is a real GPU's.
 */
export function chooseRenderer(asked: string | null, gpuRenderer: string | null): RendererName {
  if (asked === 'canvas' || asked === 'webgl') return asked;
  if (gpuRenderer === null || gpuRenderer === '') return 'canvas';
  return SOFTWARE_RENDERERS.test(gpuRenderer) ? 'canvas' : 'webgl';
}

/** The GPU's renderer string as WebGL 2 reports it, or null when the browser has no WebGL 2. */
export function gpuRendererName(): string | null {
  try {
    const gl = document.createElement('canvas').getContext('webgl2');
    if (!gl) return null;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const name = info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER);
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return typeof name === 'string' ? name : null;
  } catch {
    return null;
  }
}
