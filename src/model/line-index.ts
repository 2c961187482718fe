// Offsets in a text to 1-based line and column, counting "\r\n", a lone "\r" and
// a lone "\n" each as one line break (a file saved with old Mac line endings is
// not one long line). Columns count UTF-16 code units, as editors do.

const LINE_FEED = 10;
const CARRIAGE_RETURN = 13;

/** A checkpoint every this many characters: memory stays small even for a file of 20 million line breaks. */
const CHECKPOINT_SPACING = 2048;

export interface TextPosition {
  /** 1-based */
  line: number;
  /** 1-based */
  column: number;
}

/** True when the character at `index` ends a line ("\n", or "\r" not followed by "\n"). */
function endsLine(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code === LINE_FEED || (code === CARRIAGE_RETURN && text.charCodeAt(index + 1) !== LINE_FEED);
}

/** Built as far as the furthest offset asked for: locating a problem near the start reads no further. */
export class LineIndex {
  /** 0-based line number at each checkpoint offset (k * CHECKPOINT_SPACING). */
  private readonly checkpointLines: number[] = [0];
  /** Offset where that line starts. */
  private readonly checkpointLineStarts: number[] = [0];

  constructor(private readonly text: string) {}

  /** Adds checkpoints until the one for `offset` exists. */
  private extendTo(offset: number): void {
    const wanted = Math.floor(offset / CHECKPOINT_SPACING);
    let checkpoint = this.checkpointLines.length - 1;
    let line = this.checkpointLines[checkpoint] ?? 0;
    let lineStart = this.checkpointLineStarts[checkpoint] ?? 0;
    while (checkpoint < wanted) {
      const end = (checkpoint + 1) * CHECKPOINT_SPACING;
      for (let index = checkpoint * CHECKPOINT_SPACING; index < end; index++) {
        if (endsLine(this.text, index)) {
          line++;
          lineStart = index + 1;
        }
      }
      checkpoint++;
      this.checkpointLines.push(line);
      this.checkpointLineStarts.push(lineStart);
    }
  }

  position(offset: number): TextPosition {
    const clamped = Number.isFinite(offset) ? Math.max(0, Math.min(Math.floor(offset), this.text.length)) : 0;
    this.extendTo(clamped);
    const checkpoint = Math.floor(clamped / CHECKPOINT_SPACING);
    let line = this.checkpointLines[checkpoint] ?? 0;
    let lineStart = this.checkpointLineStarts[checkpoint] ?? 0;
    for (let index = checkpoint * CHECKPOINT_SPACING; index < clamped; index++) {
      if (endsLine(this.text, index)) {
        line++;
        lineStart = index + 1;
      }
    }
    return { line: line + 1, column: clamped - lineStart + 1 };
  }
}
