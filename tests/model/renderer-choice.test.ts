import { describe, expect, it } from 'vitest';
import { chooseRenderer } from '../../src/cy/renderer-choice.ts';

describe('chooseRenderer: WebGL only on a real GPU, unless a link asks', () => {
  it('draws with canvas on software rasterisers, whatever they are called', () => {
    for (const name of [
      'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)',
      'llvmpipe (LLVM 15.0.6, 256 bits)',
      'Mesa softpipe',
      'ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11 vs_5_0 ps_5_0)',
      'Google SwiftShader',
    ])
      expect(chooseRenderer(null, name), name).toBe('canvas');
  });

  it('draws with WebGL on a hardware GPU', () => {
    for (const name of [
      'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)',
      'Apple M2',
      'Mesa Intel(R) UHD Graphics 620 (KBL GT2)',
      'AMD Radeon Pro 5500M OpenGL Engine',
    ])
      expect(chooseRenderer(null, name), name).toBe('webgl');
  });

  it('draws with canvas without WebGL 2', () => {
    expect(chooseRenderer(null, null)).toBe('canvas');
    expect(chooseRenderer(null, '')).toBe('canvas');
  });

  it('follows ?renderer= when it names a renderer, and ignores anything else', () => {
    expect(chooseRenderer('webgl', 'Google SwiftShader')).toBe('webgl');
    expect(chooseRenderer('canvas', 'Apple M2')).toBe('canvas');
    expect(chooseRenderer('fast', 'Apple M2')).toBe('webgl');
    expect(chooseRenderer('', 'Google SwiftShader')).toBe('canvas');
  });
});
