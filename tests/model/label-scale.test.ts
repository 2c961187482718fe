import { describe, expect, it } from 'vitest';
import { EDGE_FONT_SIZE, labelScaleFor, MAX_LABEL_SCALE, MIN_LABEL_PX } from '../../src/cy/stylesheet.ts';

describe('labelScaleFor', () => {
  it('leaves labels as they are from the zoom where the smallest is already legible', () => {
    expect(labelScaleFor(1)).toBe(1);
    expect(labelScaleFor(MIN_LABEL_PX / EDGE_FONT_SIZE)).toBe(1);
  });

  it('grows them so that none is drawn under the minimum, by at most a quarter octave too much', () => {
    for (const zoom of [0.9, 0.5, 0.35, 0.2, 0.11]) {
      const px = EDGE_FONT_SIZE * labelScaleFor(zoom) * zoom;
      expect(px, String(zoom)).toBeGreaterThanOrEqual(MIN_LABEL_PX);
      expect(px, String(zoom)).toBeLessThan(MIN_LABEL_PX * 2 ** 0.25 + 1e-9);
    }
  });

  it('on big graphs changes by doublings only, and never past the cap', () => {
    for (const zoom of [0.5, 0.3, 0.12]) {
      const scale = labelScaleFor(zoom, 1);
      expect(Number.isInteger(Math.log2(scale))).toBe(true);
      expect(EDGE_FONT_SIZE * scale * zoom).toBeGreaterThanOrEqual(MIN_LABEL_PX);
    }
    expect(labelScaleFor(0.001)).toBe(MAX_LABEL_SCALE);
  });
});
