// Offsets to line and column, as every problem is placed: "\r\n", a lone "\r"
// and a lone "\n" each end one line, columns count UTF-16 code units, and a long
// file is indexed with a checkpoint every 2,048 characters.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../src/model/line-index.ts';

/** Line and column by reading the text from its start: the obvious way, for comparison. */
function positionByReading(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < offset; index++) {
    const character = text[index];
    if (character === '\n' || (character === '\r' && text[index + 1] !== '\n')) {
      line++;
      lineStart = index + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

describe('LineIndex on a short text', () => {
  it('counts "\\n", "\\r\\n" and a lone "\\r" as one line break each', () => {
    const text = 'ab\ncd\r\nef\rgh';
    const lines = new LineIndex(text);
    expect(lines.position(0)).toEqual({ line: 1, column: 1 });
    expect(lines.position(2)).toEqual({ line: 1, column: 3 }); // on the "\n"
    expect(lines.position(3)).toEqual({ line: 2, column: 1 });
    expect(lines.position(5)).toEqual({ line: 2, column: 3 }); // on the "\r" of "\r\n"
    expect(lines.position(6)).toEqual({ line: 2, column: 4 }); // on its "\n": still line 2
    expect(lines.position(7)).toEqual({ line: 3, column: 1 });
    expect(lines.position(10)).toEqual({ line: 4, column: 1 }); // after the lone "\r"
    expect(lines.position(12)).toEqual({ line: 4, column: 3 }); // the end of the text
  });

  it('counts columns in UTF-16 code units, as editors do', () => {
    const text = 'é😀x\ny';
    expect(new LineIndex(text).position(3)).toEqual({ line: 1, column: 4 }); // the emoji is two units
    expect(new LineIndex(text).position(5)).toEqual({ line: 2, column: 1 });
  });

  it('keeps offsets outside the text inside it, and reads fractions down', () => {
    const lines = new LineIndex('ab\ncd');
    expect(lines.position(-5)).toEqual({ line: 1, column: 1 });
    expect(lines.position(99)).toEqual({ line: 2, column: 3 });
    expect(lines.position(3.9)).toEqual({ line: 2, column: 1 });
    expect(lines.position(Number.NaN)).toEqual({ line: 1, column: 1 });
    expect(lines.position(Number.POSITIVE_INFINITY)).toEqual({ line: 1, column: 1 });
  });
});

describe('LineIndex on a text longer than one checkpoint', () => {
  it('places offsets past the first checkpoints, asked in any order', () => {
    // Lines of 100 characters: "x" * 99 and a line break.
    const text = `${'x'.repeat(99)}\n`.repeat(60); // 6,000 characters, three checkpoints
    const lines = new LineIndex(text);
    expect(lines.position(5_000)).toEqual({ line: 51, column: 1 });
    expect(lines.position(2_047)).toEqual({ line: 21, column: 48 });
    expect(lines.position(2_048)).toEqual({ line: 21, column: 49 });
    expect(lines.position(4_100)).toEqual({ line: 42, column: 1 });
    expect(lines.position(4_099)).toEqual({ line: 41, column: 100 });
    expect(lines.position(6_000)).toEqual({ line: 61, column: 1 });
  });

  it('carries a line that runs across a checkpoint', () => {
    // One line break, well before the first checkpoint; the line after it runs past two checkpoints.
    const text = `ab\n${'y'.repeat(7_000)}`;
    const lines = new LineIndex(text);
    expect(lines.position(2_100)).toEqual({ line: 2, column: 2_098 });
    expect(lines.position(6_500)).toEqual({ line: 2, column: 6_498 }); // from the checkpoint at 2,048, on to 6,144
    expect(lines.position(2_048)).toEqual({ line: 2, column: 2_046 });
  });

  it('counts a "\\r\\n" split by a checkpoint as one line break', () => {
    const text = `${'a'.repeat(2_047)}\r\nb`; // "\r" is the last character before the checkpoint at 2,048
    const lines = new LineIndex(text);
    expect(lines.position(2_049)).toEqual({ line: 2, column: 1 });
    expect(lines.position(2_048)).toEqual({ line: 1, column: 2_049 });
    expect(new LineIndex(`${'a'.repeat(2_047)}\rb`).position(2_048)).toEqual({ line: 2, column: 1 });
  });

  it('extends the index from where an earlier question left it', () => {
    const text = `${'x'.repeat(99)}\n`.repeat(60);
    const lines = new LineIndex(text);
    expect(lines.position(2_100)).toEqual({ line: 22, column: 1 }); // builds the checkpoint at 2,048
    expect(lines.position(4_250)).toEqual({ line: 43, column: 51 }); // goes on from there to 4,096
    expect(lines.position(5_999)).toEqual({ line: 60, column: 100 });
  });

  it('agrees with reading from the start, for any text of line breaks and letters', () => {
    const line = fc.tuple(fc.nat({ max: 400 }), fc.constantFrom('\n', '\r', '\r\n', ''));
    const text = fc
      .array(line, { minLength: 10, maxLength: 40, size: 'max' })
      .map((lines) => lines.map(([length, end]) => 'a'.repeat(length) + end).join(''));
    const offsets = fc.array(fc.nat({ max: 9_000 }), { minLength: 1, maxLength: 6, size: 'max' });
    fc.assert(
      fc.property(text, offsets, (text, offsets) => {
        const lines = new LineIndex(text);
        for (const offset of offsets) {
          expect(lines.position(offset)).toEqual(positionByReading(text, Math.min(offset, text.length)));
        }
      }),
      // No shrinking: a counterexample of thousands of characters would take minutes to shrink.
      { seed: 20261128, numRuns: 40, endOnFailure: true },
    );
  });
});
