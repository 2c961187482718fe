import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { readSourceFile } from '../io/source-file.ts';
import type { Source } from '../model/graph.ts';
import {
  type CitedPassage,
  type CitedRanges,
  citedLine,
  citedPassages,
  citedRangesIn,
  type NormalisedText,
  normaliseWithOffsets,
  quoteAt,
  readerChunks,
} from '../model/source-text.ts';
import { emit } from './events.ts';

/** Quotes not found that are listed (the header stays short beside the text); further ones are counted. */
const SHOWN_MISSING_QUOTES = 5;

const FILE_TYPES = '.txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html';

/**
 * A source's own text, read beside the graph: attach it (open a .txt, .md or
 * .html file, or paste it), read it with every passage already cited marked,
 * select a passage and cite it as evidence. The quote cited is the selection
 * under the quote rule, so it is verbatim in the text by construction. The
 * text is shown as text, never as markup, in blocks that the browser lays out
 * only when they are scrolled into view (a text of megabytes stays responsive).
 *
 * Keyboard: "Cite as evidence" comes after the text, so Tab from a selection
 * reaches it; it stays in the Tab order while there is nothing to cite
 * (aria-disabled), and Enter or Space on it cites the selection.
 *
 * @fires ag-source-text-attach - a text was opened or pasted for the source (or replaces its text)
 * @fires ag-source-text-detach - the analyst detached the source's text
 * @fires ag-cite - the analyst cites the selected passage as evidence
 */
@customElement('ag-source-reader')
export class AgSourceReader extends LitElement {
  static override styles = css`
    :host {
      display: flex;
      flex-direction: column;
      min-height: 0;
      font-size: 14px;
      line-height: 1.45;
      background: var(--ag-surface, #fff);
    }
    header {
      padding: 12px 16px 8px;
      border-bottom: 1px solid var(--ag-border);
    }
    h2 {
      font-size: 18px;
      margin: 0 0 2px;
    }
    h3 {
      font-size: 13px;
      text-transform: uppercase;
      letter-spacing: 0.04em;
      color: var(--ag-muted);
      margin: 12px 0 6px;
    }
    .meta {
      color: var(--ag-muted);
      margin: 0 0 4px;
    }
    .count {
      margin: 6px 0 0;
    }
    .count.missing {
      color: var(--ag-danger);
    }
    details {
      margin-top: 4px;
      font-size: 13px;
    }
    details li {
      font-style: italic;
      margin: 2px 0;
    }
    .actions {
      display: flex;
      gap: 6px;
      flex-wrap: wrap;
      margin: 8px 0 0;
    }
    button {
      font: inherit;
      font-size: 13px;
      padding: 3px 10px;
      border: 1px solid var(--ag-border);
      background: var(--ag-surface-alt);
      border-radius: 4px;
      cursor: pointer;
      color: inherit;
    }
    button:focus-visible,
    textarea:focus-visible {
      outline: 2px solid var(--ag-accent);
      outline-offset: 1px;
    }
    button[disabled],
    button[aria-disabled="true"] {
      cursor: default;
      opacity: 0.55;
    }
    button.primary {
      background: var(--ag-accent);
      border-color: var(--ag-accent);
      color: #fff;
      font-weight: 600;
    }
    .attach {
      padding: 4px 16px 16px;
      overflow-y: auto;
    }
    .hint {
      color: var(--ag-muted);
      margin: 0 0 8px;
    }
    label {
      display: block;
      font-weight: 600;
      margin: 12px 0 4px;
    }
    textarea {
      box-sizing: border-box;
      width: 100%;
      font: inherit;
      font-size: 13px;
      padding: 6px 8px;
      border: 1px solid var(--ag-border);
      border-radius: var(--ag-radius);
      resize: vertical;
    }
    .error {
      color: var(--ag-danger);
      background: var(--ag-danger-soft);
      border-radius: var(--ag-radius);
      padding: 6px 10px;
    }
    .text {
      flex: 1;
      min-height: 0;
      overflow-y: auto;
      padding: 12px 16px;
      font-family: Georgia, "DejaVu Serif", serif;
      font-size: 15px;
      line-height: 1.6;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    .chunk {
      /* Off-screen blocks are not laid out: a text of megabytes scrolls and selects at once. */
      content-visibility: auto;
      contain-intrinsic-size: auto 800px;
    }
    mark {
      background: #fde68a;
      color: inherit;
    }
    /* A link's brackets and target: written in the text, not read by the quote rule. */
    .markup {
      color: #8a93a3;
      font-size: 0.85em;
    }
    .cite-bar {
      display: flex;
      align-items: center;
      gap: 10px;
      padding: 8px 16px;
      border-top: 1px solid var(--ag-border);
      background: var(--ag-surface-alt);
    }
    .selected {
      flex: 1;
      min-width: 0;
      color: var(--ag-muted);
      font-size: 13px;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .selected q {
      color: var(--ag-text);
      font-style: italic;
    }
  `;

  /** The source read; null shows nothing. */
  @property({ attribute: false }) source: Source | null = null;
  /** The source's attached raw text; null when none is attached. */
  @property({ attribute: false }) text: string | null = null;
  /** The quotes of the evidence that cites this source. */
  @property({ attribute: false }) quotes: readonly string[] = [];

  /** The attach area is shown over an attached text ("Replace text…"). */
  @state() private replacing = false;
  @state() private pasted = '';
  /** Why the file chosen was not attached. */
  @state() private fileError: string | null = null;
  @state() private reading = false;
  /** What "Cite as evidence" cites: the selection inside the text, as a quote ('' when none). */
  @state() private selectedQuote = '';

  @query('input[type=file]') private fileInput!: HTMLInputElement | null;
  @query('.text') private textContainer!: HTMLElement | null;

  private normalised: NormalisedText | null = null;
  private cited: CitedRanges | null = null;
  private passages: CitedPassage[] = [];

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('selectionchange', this.handleSelectionChange);
  }

  override disconnectedCallback(): void {
    document.removeEventListener('selectionchange', this.handleSelectionChange);
    super.disconnectedCallback();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('source')) {
      this.replacing = false;
      this.pasted = '';
      this.fileError = null;
    }
    if (changed.has('text')) {
      this.normalised = this.text === null ? null : normaliseWithOffsets(this.text);
      this.selectedQuote = '';
    }
    if (changed.has('text') || changed.has('quotes')) {
      this.cited = this.normalised ? citedRangesIn(this.normalised, this.quotes) : null;
      this.passages = this.cited ? citedPassages(this.cited.ranges) : [];
    }
  }

  override render() {
    const source = this.source;
    if (!source) return nothing;
    const showText = this.text !== null && !this.replacing;
    return html`
      <header>
        <h2 tabindex="-1">${source.title}</h2>
        <p class="meta">${source.publisher} · ${source.author ?? 'no author named'} ·
          ${source.published ?? 'date not stated'}</p>
        ${this.text === null ? nothing : this.renderTextHeader(source)}
      </header>
      ${showText ? this.renderText() : this.renderAttach(source)}
    `;
  }

  private renderTextHeader(source: Source) {
    const cited = this.cited;
    const notFound = cited ? this.quotes.filter((_, index) => cited.found[index] === false) : [];
    return html`
      <p class="meta">Text kept in this browser${source.archive ? html` as “${source.archive}”` : nothing}.</p>
      ${
        cited
          ? html`<p class="count ${notFound.length > 0 ? 'missing' : ''}" role="status">
              ${citedLine(cited, this.passages.length)}</p>`
          : nothing
      }
      ${
        notFound.length > 0
          ? html`<details><summary>Quotes not found in this text</summary>
              <ul>${notFound.slice(0, SHOWN_MISSING_QUOTES).map((quote) => html`<li>“${quote}”</li>`)}</ul>
              ${
                notFound.length > SHOWN_MISSING_QUOTES
                  ? html`<p class="meta">and ${notFound.length - SHOWN_MISSING_QUOTES} more</p>`
                  : nothing
              }</details>`
          : nothing
      }
      <div class="actions">
        <button @click=${this.handleReplace} aria-pressed=${this.replacing ? 'true' : 'false'}>Replace text…</button>
        <button @click=${this.handleDetach}>Detach</button>
      </div>
    `;
  }

  private renderText() {
    const text = this.text ?? '';
    const cite = this.selectedQuote;
    return html`
      <div class="text" role="region" aria-label="Text of the source" tabindex="0">${
        // Only a new text or new quotes render the text again, not a new selection.
        guard([text, this.passages], () => this.renderChunks(text))
      }</div>
      <div class="cite-bar">
        <button class="primary cite" aria-disabled=${cite === '' ? 'true' : 'false'}
          aria-describedby="selected" @mousedown=${this.keepSelection} @click=${this.handleCite}>
          Cite as evidence
        </button>
        <span class="selected" id="selected">${
          cite === '' ? 'Select a passage of the text to cite it.' : html`Selected: <q>${cite}</q>`
        }</span>
      </div>
    `;
  }

  /**
   * The text as text: one block per chunk, each a run of strings, marks and
   * faded link markup, with no whitespace added (the tests read it back).
   */
  private renderChunks(text: string) {
    return readerChunks(text, this.passages).map(
      (chunk) =>
        html`<div class="chunk" data-start=${chunk.start}>${chunk.pieces.map((piece) => {
          const shown = text.slice(piece.start, piece.end);
          const faded = piece.markup ? html`<span class="markup">${shown}</span>` : shown;
          return piece.passage < 0 ? faded : html`<mark data-passage=${piece.passage}>${faded}</mark>`;
        })}</div>`,
    );
  }

  private renderAttach(source: Source) {
    return html`
      <section class="attach" aria-label="Attach the text">
        <h3>Attach the text</h3>
        <p class="hint">
          Open a copy of this source (.txt, .md or .html) or paste its text. It is kept in this browser only,
          never uploaded; every quote citing this source is then checked against it, and you can cite passages
          from it.
        </p>
        <button @click=${() => this.fileInput?.click()} ?disabled=${this.reading}>
          ${this.reading ? 'Reading…' : 'Open a file…'}
        </button>
        <input type="file" accept=${FILE_TYPES} hidden @change=${this.handleFile} />
        ${this.fileError ? html`<p class="error" role="alert">${this.fileError}</p>` : nothing}
        <label for="paste">Or paste the text</label>
        <textarea id="paste" rows="8" .value=${this.pasted}
          @input=${(event: Event) => (this.pasted = (event.target as HTMLTextAreaElement).value)}></textarea>
        <div class="actions">
          <button class="primary" ?disabled=${this.pasted.trim() === ''} @click=${() => this.attachPasted(source)}>
            Attach pasted text
          </button>
          ${this.replacing ? html`<button @click=${() => (this.replacing = false)}>Cancel</button>` : nothing}
        </div>
      </section>
    `;
  }

  private attachPasted(source: Source): void {
    // The name the graph already gives the source's text, so that check --sources finds the same file.
    const fileName = source.archive ?? `${source.id}.txt`;
    emit(this, 'ag-source-text-attach', { sourceId: source.id, text: this.pasted, fileName });
    this.pasted = '';
    this.replacing = false;
  }

  private async handleFile(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = ''; // the same file can be chosen again
    const sourceId = this.source?.id;
    if (!file || sourceId === undefined) return;
    this.reading = true;
    this.fileError = null;
    try {
      const { text, fileName } = await readSourceFile(file);
      if (this.source?.id !== sourceId) return; // another source was opened meanwhile
      emit(this, 'ag-source-text-attach', { sourceId, text, fileName });
      this.replacing = false;
      this.pasted = '';
    } catch (error) {
      this.fileError = error instanceof Error ? error.message : String(error);
    } finally {
      this.reading = false;
    }
  }

  private handleReplace(): void {
    this.replacing = true;
    this.fileError = null;
  }

  private handleDetach(): void {
    if (this.source) emit(this, 'ag-source-text-detach', { sourceId: this.source.id });
  }

  /** A press on "Cite as evidence" must not end the selection it cites. */
  private keepSelection(event: MouseEvent): void {
    event.preventDefault();
  }

  private handleCite(): void {
    const quote = this.quoteOfSelection() || this.selectedQuote;
    if (!this.source || quote === '') return;
    emit(this, 'ag-cite', { sourceId: this.source.id, quote });
  }

  private readonly handleSelectionChange = (): void => {
    const quote = this.quoteOfSelection();
    if (quote !== this.selectedQuote) this.selectedQuote = quote;
  };

  /** The selection inside the text, as a quote: '' when there is none. */
  private quoteOfSelection(): string {
    const container = this.textContainer;
    const normalised = this.normalised;
    if (!container || !normalised || this.replacing) return '';
    const range = this.selectedRange();
    if (!range) return '';
    const start = this.rawOffset(container, range.startContainer, range.startOffset);
    const end = this.rawOffset(container, range.endContainer, range.endOffset);
    return start === null || end === null || end <= start ? '' : quoteAt(normalised, start, end);
  }

  /**
   * The selection, with its ends inside this shadow root: getComposedRanges
   * (Chromium 137 on) sees into the shadow root it is given; document.getSelection()
   * alone would give the host instead. Older Chromium has shadowRoot.getSelection().
   */
  private selectedRange(): AbstractRange | null {
    const root = this.shadowRoot;
    const selection = document.getSelection();
    if (!root || !selection || selection.rangeCount === 0) return null;
    let range: AbstractRange | undefined;
    if (typeof selection.getComposedRanges === 'function') {
      range = selection.getComposedRanges({ shadowRoots: [root] })[0];
    } else {
      const own = (root as ShadowRoot & { getSelection?: () => Selection | null }).getSelection?.();
      range = own && own.rangeCount > 0 ? own.getRangeAt(0) : undefined;
    }
    return range && !range.collapsed ? range : null;
  }

  /**
   * Where a boundary point of the selection is in the raw text. A point before
   * the text (in the header, or before the reader on the page) counts as the
   * text's start, one after it (in the cite bar, or after the reader) as its
   * end; null when it cannot be told (another shadow root).
   */
  private rawOffset(container: HTMLElement, node: Node, offset: number): number | null {
    const textLength = this.text?.length ?? 0;
    const root = node.getRootNode();
    if (root !== this.shadowRoot) {
      if (root !== this.getRootNode()) return null;
      const host = document.createRange();
      host.selectNode(this);
      return host.comparePoint(node, offset) < 0 ? 0 : textLength;
    }
    const whole = document.createRange();
    whole.selectNodeContents(container);
    const side = whole.comparePoint(node, offset);
    if (side !== 0) return side < 0 ? 0 : textLength;
    const chunk = (node instanceof Element ? node : node.parentElement)?.closest<HTMLElement>('.chunk');
    if (!chunk) {
      // A point between blocks: the start of the next block, or the end of the text.
      const next = [...container.childNodes]
        .slice(offset)
        .find((child): child is HTMLElement => child instanceof HTMLElement && child.classList.contains('chunk'));
      return next ? Number(next.dataset.start) : textLength;
    }
    const before = document.createRange();
    before.setStart(chunk, 0);
    before.setEnd(node, offset);
    return Number(chunk.dataset.start) + before.toString().length;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ag-source-reader': AgSourceReader;
  }
}
