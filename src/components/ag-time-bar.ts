import { css, html, LitElement, nothing, type PropertyValues, svg } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { type DaySpan, spanMeetsWindow } from '../model/dates.ts';
import { type DateMatch, DEFAULT_FILTERS, type FilterState } from '../model/filter.ts';
import type { Graph, RelationFamily } from '../model/graph.ts';
import { FAMILIES, RELATION_FAMILIES } from '../model/palette.ts';
import {
  axisTicks,
  type Binned,
  binsOf,
  binTitle,
  countInWindow,
  dayNumber,
  domainOfView,
  fitView,
  type Marks,
  marksOf,
  panView,
  snapWindow,
  spanTitle,
  stepWindow,
  type Timeline,
  type TimeUnit,
  type TimeView,
  timelineOf,
  unitAt,
  unitEnd,
  unitFor,
  unitIndex,
  unitStart,
  unitWords,
  viewShowing,
  windowLine,
  zoomView,
} from '../model/timeline.ts';
import { cssomStyle } from './cssom-style.ts';
import { emit } from './events.ts';
import { visuallyHidden } from './shared-styles.ts';

/** What the bar draws, for tests: the bars, the spans in their lanes, and what is counted apart. */
export interface TimeBarDrawing {
  unit: TimeUnit;
  domain: DaySpan;
  bins: { start: string; end: string; total: number; byFamily: Record<string, number> }[];
  spans: { relationId: string; start: string; end: string; lane: number }[];
  moreSpans: number;
  undated: number;
  marked: string[];
}

/** A window with either side open (null), as the filters hold it. */
interface OpenWindow {
  from: string | null;
  to: string | null;
}

type DragMode = 'new' | 'move' | 'start' | 'end';

interface Drag {
  mode: DragMode;
  pointerId: number;
  originX: number;
  originDay: string;
  /** The window when the drag began, open sides kept open (a resized edge leaves the other as it was). */
  base: OpenWindow;
  moved: boolean;
  /** The last live window this drag sent: a move within the same unit sends nothing. */
  sent: OpenWindow | null;
}

/** Seconds per step offered for the play button. */
const PLAY_SPEEDS = [0.5, 1, 2] as const;

// The plot's rows, in px from its top: marks, bars, the axis labels, the lanes of spans.
const MARK_ROW = 8;
const BAR_TOP = 10;
const BAR_HEIGHT = 30;
const BASELINE = BAR_TOP + BAR_HEIGHT;
const LABEL_BASELINE = BASELINE + 11;
const LANE_TOP = BASELINE + 15;
const LANE_PITCH = 4;
const LANES = 6;
const PLOT_HEIGHT = LANE_TOP + LANES * LANE_PITCH;

/** Family names short enough for the key beside the window line. */
const SHORT_FAMILY: Record<RelationFamily, string> = {
  claim: 'claims',
  opposition: 'opposition',
  violence: 'violence',
  affiliation: 'affiliation',
  procedure: 'procedure',
  contact: 'contact',
  other: 'other',
};

const RULE_SENTENCE: Record<DateMatch, string> = {
  overlaps: 'A relation counts when any of the days its date can mean is in the window.',
  within: 'A relation counts when all of the days its date can mean are in the window.',
};

const sameWindow = (a: OpenWindow | null, b: OpenWindow | null) => a?.from === b?.from && a?.to === b?.to;
const familyColour = (family: RelationFamily) => FAMILIES[family].palette[0] ?? '#777777';

/**
 * The time bar under the graph: relations by date stacked by family, vague
 * dates drawn as spans over every day they can mean, a brush that sets the
 * date window, zoom from years to days, and a play button that walks the
 * window through time. It keeps only its zoom: the window is the filters',
 * and every change goes up as an event.
 *
 * @fires ag-filter-change - a new date window (live while a brush moves or a play step runs) or a new date rule
 */
@customElement('ag-time-bar')
export class AgTimeBar extends LitElement {
  static override styles = [
    visuallyHidden,
    css`
      :host {
        display: block;
        container-type: inline-size;
        box-sizing: border-box;
        padding: 4px 10px 3px;
        font-family: var(--ag-font);
        font-size: 12.5px;
        color: var(--ag-text);
        background: var(--ag-surface, #fff);
        border-top: 1px solid var(--ag-border);
      }
      .toolbar {
        display: flex;
        align-items: center;
        gap: 6px;
        height: 22px;
        white-space: nowrap;
      }
      .group {
        display: flex;
        align-items: center;
        gap: 3px;
      }
      .spacer {
        flex: 1 1 0;
      }
      button,
      select {
        font: inherit;
        font-size: 12px;
        height: 22px;
        box-sizing: border-box;
        border: 1px solid var(--ag-border);
        border-radius: 4px;
        background: #fff;
        color: inherit;
      }
      button {
        padding: 0 7px;
        cursor: pointer;
      }
      button.icon {
        width: 24px;
        padding: 0;
        font-size: 14px;
        line-height: 1;
      }
      button:hover:not(:disabled) {
        background: var(--ag-surface-alt);
      }
      button:disabled {
        color: var(--ag-muted);
        cursor: default;
      }
      button[aria-pressed="true"] {
        background: var(--ag-accent-soft);
        border-color: var(--ag-accent);
      }
      select {
        padding: 0 2px;
      }
      button:focus-visible,
      select:focus-visible {
        outline: 2px solid var(--ag-accent);
        outline-offset: 1px;
      }
      .unit,
      .muted {
        color: var(--ag-muted);
      }
      .main {
        display: grid;
        grid-template-columns: minmax(0, 1fr) 100px;
        gap: 8px;
        margin-top: 3px;
      }
      .plot {
        position: relative;
        height: ${PLOT_HEIGHT}px;
        cursor: crosshair;
        touch-action: none;
        user-select: none;
      }
      svg {
        display: block;
        position: absolute;
        inset: 0;
        overflow: visible;
      }
      .axis-label {
        font-size: 10.5px;
        fill: var(--ag-muted);
      }
      .empty {
        display: grid;
        place-items: center;
        height: 100%;
        color: var(--ag-muted);
      }
      .window {
        position: absolute;
        top: 0;
        bottom: 0;
        background: rgb(31 95 191 / 0.12);
        border-left: 1px solid var(--ag-accent);
        border-right: 1px solid var(--ag-accent);
        box-sizing: border-box;
        cursor: grab;
      }
      .dragging .window {
        cursor: grabbing;
      }
      .handle {
        position: absolute;
        top: 0;
        bottom: 0;
        width: 11px;
        margin-left: -5px;
        cursor: ew-resize;
        display: grid;
        place-items: center;
        outline: none;
      }
      .handle::after {
        content: "";
        width: 5px;
        height: 22px;
        border-radius: 3px;
        background: #fff;
        border: 1px solid var(--ag-accent);
      }
      .handle.open::after {
        border-style: dashed;
        border-color: var(--ag-muted);
      }
      .handle:focus-visible::after {
        background: var(--ag-accent);
        box-shadow: 0 0 0 2px var(--ag-accent-soft);
      }
      .side {
        height: ${PLOT_HEIGHT}px;
        box-sizing: border-box;
        border: 1px solid var(--ag-border);
        border-radius: 4px;
        padding: 2px 3px;
        overflow: hidden;
        display: grid;
        align-content: start;
        text-align: center;
        font-size: 10.5px;
        line-height: 12px;
        color: var(--ag-muted);
        font-variant-numeric: tabular-nums;
      }
      .side strong {
        font-size: 13px;
        line-height: 15px;
        color: var(--ag-text);
      }
      .side .more,
      .side .outside {
        margin-top: 2px;
        padding-top: 2px;
        border-top: 1px solid var(--ag-border);
      }
      /* Each side's count stays whole; big numbers put the two on two lines. */
      .side .outside span {
        white-space: nowrap;
      }
      .status {
        display: flex;
        gap: 12px;
        height: 15px;
        line-height: 15px;
        margin-top: 2px;
        font-size: 12px;
        white-space: nowrap;
      }
      .window-line {
        flex: 1 1 auto;
        min-width: 0;
      }
      .key {
        display: none;
        gap: 8px;
        color: var(--ag-muted);
      }
      .key-item {
        display: inline-flex;
        align-items: center;
        gap: 3px;
      }
      .swatch {
        width: 9px;
        height: 9px;
        border-radius: 2px;
      }
      .rule-words {
        display: none;
      }
      @container (min-width: 1100px) {
        .key {
          display: flex;
        }
      }
    `,
  ];

  @property({ attribute: false }) graph: Graph | null = null;
  /** Reads dateFrom, dateTo, dateMatch and includeUndated. */
  @property({ attribute: false }) filters: FilterState = DEFAULT_FILTERS;
  /** The relations the graph shows under every filter: counted in the window line. */
  @property({ attribute: false }) visibleRelationIds: ReadonlySet<string> = new Set();
  /** The selection's relations, marked where they fall in time. */
  @property({ attribute: false }) markedRelationIds: readonly string[] = [];

  /** The zoom: the days shown, kept here (the app does not need it). */
  @state() private view: TimeView | null = null;
  @state() private plotWidth = 0;
  /** The window a brush being dragged shows, before the filters catch up. */
  @state() private dragWindow: OpenWindow | null = null;
  @state() private playing = false;
  @state() private stepSeconds: number = 1;
  @state() private narrow = false;

  private drag: Drag | null = null;
  private frame = 0;
  private playTimer: ReturnType<typeof setTimeout> | undefined;
  private playWindow: DaySpan | null = null;
  /** The last window sent, until the filters change: keys pressed faster than the app renders build on it. */
  private sentWindow: OpenWindow | null = null;
  private sentLive = false;
  private keyRepeating = false;
  private cache: { timeline: Timeline; domain: DaySpan; binned: Binned } | null = null;
  private readonly resizeObserver = new ResizeObserver(() => this.measure());

  override connectedCallback(): void {
    super.connectedCallback();
    this.resizeObserver.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver.disconnect();
    this.stopPlaying();
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.drag = null;
    this.dragWindow = null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('graph')) {
      const timeline = this.timeline;
      const fitted = timeline ? fitView(timeline) : null;
      // An edit gives a new graph object: keep the analyst's zoom unless it no longer shows any dated relation.
      const shown = this.view && timeline?.domain && viewShowsAny(this.view, timeline.domain);
      if (!shown) this.view = fitted;
    }
    if (changed.has('filters')) {
      this.sentWindow = null;
      const { dateFrom, dateTo } = this.filters;
      if (this.view && dateFrom !== null && dateTo !== null && !this.drag) {
        this.view = viewShowing(this.view, { start: dateFrom, end: dateTo });
      }
    }
  }

  private measure(): void {
    const plot = this.renderRoot.querySelector<HTMLElement>('.plot');
    if (plot) this.plotWidth = plot.clientWidth;
    this.narrow = this.clientWidth < 760;
  }

  private get timeline(): Timeline | null {
    return this.graph ? timelineOf(this.graph) : null;
  }

  /** The bars and spans of the current zoom: computed once per graph and zoom, never for a filter change. */
  private get binned(): Binned | null {
    const timeline = this.timeline;
    if (!timeline || !this.view || timeline.domain === null) return null;
    const domain = domainOfView(this.view);
    const cached = this.cache;
    if (cached?.timeline === timeline && cached.domain.start === domain.start && cached.domain.end === domain.end) {
      return cached.binned;
    }
    const binned = binsOf(timeline, domain, unitFor(domain));
    this.cache = { timeline, domain, binned };
    return binned;
  }

  /** For tests: the bins drawn, the spans drawn and what is counted apart. */
  get drawn(): TimeBarDrawing {
    const binned = this.binned;
    const undated = this.timeline?.undated ?? 0;
    if (!binned) {
      return { unit: 'year', domain: { start: '', end: '' }, bins: [], spans: [], moreSpans: 0, undated, marked: [] };
    }
    return {
      unit: binned.unit,
      domain: { ...binned.domain },
      bins: binned.bins.map((bin) => ({
        start: bin.start,
        end: bin.end,
        total: bin.total,
        byFamily: { ...bin.byFamily },
      })),
      spans: binned.spans.flatMap((span) =>
        span.relationIds.map((relationId) => ({ relationId, start: span.start, end: span.end, lane: span.lane })),
      ),
      moreSpans: binned.moreSpans,
      undated,
      marked: marksOf(binned, this.markedRelationIds).marked,
    };
  }

  /** The window shown: the one being dragged, else the filters'. */
  private get shownWindow(): OpenWindow {
    return this.dragWindow ?? { from: this.filters.dateFrom, to: this.filters.dateTo };
  }

  zoomIn(): void {
    this.zoomBy(0.5);
  }

  zoomOut(): void {
    this.zoomBy(2);
  }

  fit(): void {
    const timeline = this.timeline;
    this.view = timeline ? fitView(timeline) : null;
  }

  /**
   * Zooms on the window when it is in view, bringing its middle to the middle
   * (zooming in on it should not push it off the side), else on the view's middle.
   */
  private zoomBy(factor: number): void {
    const view = this.view;
    if (!view) return;
    const { dateFrom, dateTo } = this.filters;
    const middle = dateFrom !== null && dateTo !== null ? (dayNumber(dateFrom) + dayNumber(dateTo) + 1) / 2 : null;
    if (middle === null || middle <= view.start || middle >= view.end) {
      this.view = zoomView(view, factor, (view.start + view.end) / 2);
      return;
    }
    const zoomed = zoomView(view, factor, middle);
    this.view = panView(zoomed, middle - (zoomed.start + zoomed.end) / 2);
  }

  /**
   * Walks the window through time, one unit of the zoom per step, keeping its
   * width; without a window (or at the end) it starts as the first unit shown.
   * It stops after the step that reaches the last day of the dated relations.
   */
  play(): void {
    const binned = this.binned;
    const dataEnd = this.timeline?.domain?.end;
    if (this.playing || !binned || !dataEnd) return;
    const { dateFrom, dateTo } = this.filters;
    this.playing = true;
    if (dateFrom === null || dateTo === null || dateTo >= dataEnd) {
      this.playWindow = snapWindow({ start: binned.domain.start, end: binned.domain.start }, binned.unit);
      this.sendPlayStep(dataEnd);
    } else {
      this.playWindow = { start: dateFrom, end: dateTo };
      this.schedulePlayStep();
    }
  }

  /** Stops playing; the window reached stays, sent once more as a step of the history. */
  pause(): void {
    if (!this.playing) return;
    this.stopPlaying();
    if (this.sentLive && this.playWindow)
      this.sendWindow({ from: this.playWindow.start, to: this.playWindow.end }, false);
  }

  private stopPlaying(): void {
    clearTimeout(this.playTimer);
    this.playTimer = undefined;
    this.playing = false;
  }

  private schedulePlayStep(): void {
    this.playTimer = setTimeout(() => {
      const binned = this.binned;
      const dataEnd = this.timeline?.domain?.end;
      if (!binned || !dataEnd || !this.playWindow) {
        this.stopPlaying();
        return;
      }
      this.playWindow = stepWindow(this.playWindow, binned.unit, 1);
      this.sendPlayStep(dataEnd);
    }, this.stepSeconds * 1000);
  }

  private sendPlayStep(dataEnd: string): void {
    const shown = this.playWindow;
    if (!shown) return;
    const last = shown.end >= dataEnd;
    if (this.view) this.view = viewShowing(this.view, shown);
    this.sendWindow({ from: shown.start, to: shown.end }, !last);
    if (last) this.stopPlaying();
    else this.schedulePlayStep();
  }

  private sendWindow(shown: OpenWindow, live: boolean): void {
    this.sentWindow = shown;
    this.sentLive = live;
    emit(this, 'ag-filter-change', { change: { kind: 'date-window', from: shown.from, to: shown.to }, live });
  }

  private handleClear(): void {
    this.stopPlaying();
    this.sendWindow({ from: null, to: null }, false);
  }

  private handleRule(event: Event): void {
    const value = (event.target as HTMLSelectElement).value === 'within' ? 'within' : 'overlaps';
    emit(this, 'ag-filter-change', { change: { kind: 'date-match', value } });
  }

  private handleSpeed(event: Event): void {
    this.stepSeconds = Number((event.target as HTMLSelectElement).value) || 1;
  }

  /** The day under a pointer, inside the domain shown. */
  private dayAt(clientX: number, binned: Binned): string {
    const plot = this.renderRoot.querySelector<HTMLElement>('.plot');
    const left = plot?.getBoundingClientRect().left ?? 0;
    const first = dayNumber(binned.domain.start);
    const days = dayNumber(binned.domain.end) - first + 1;
    const offset = Math.floor(((clientX - left) / Math.max(this.plotWidth, 1)) * days);
    return unitAt(first + Math.min(Math.max(offset, 0), days - 1), 'day');
  }

  private handlePointerDown(event: PointerEvent): void {
    const binned = this.binned;
    if (event.button !== 0 || !binned) return;
    const target = event.composedPath()[0];
    const element = target instanceof Element ? target : null;
    const mode: DragMode = element?.closest('.handle.start')
      ? 'start'
      : element?.closest('.handle.end')
        ? 'end'
        : element?.closest('.window')
          ? 'move'
          : 'new';
    this.pause();
    const plot = event.currentTarget as HTMLElement;
    try {
      plot.setPointerCapture(event.pointerId);
    } catch {
      // A pointer the browser does not track (a synthetic one) still drags while it stays over the plot.
    }
    const originDay = this.dayAt(event.clientX, binned);
    this.drag = {
      mode,
      pointerId: event.pointerId,
      originX: event.clientX,
      originDay,
      base: this.shownWindow,
      moved: false,
      sent: null,
    };
  }

  private handlePointerMove(event: PointerEvent): void {
    const drag = this.drag;
    const binned = this.binned;
    if (!drag || !binned || event.pointerId !== drag.pointerId) return;
    if (!drag.moved && Math.abs(event.clientX - drag.originX) < 3) return;
    drag.moved = true;
    this.dragWindow = this.draggedWindow(drag, this.dayAt(event.clientX, binned), binned);
    // At most one live change a frame: the graph refilters on each, and pointer events come faster.
    if (this.frame === 0) {
      this.frame = requestAnimationFrame(() => {
        this.frame = 0;
        if (this.drag && this.dragWindow && !sameWindow(this.dragWindow, this.drag.sent)) {
          this.drag.sent = this.dragWindow;
          this.sendWindow(this.dragWindow, true);
        }
      });
    }
  }

  private handlePointerUp(event: PointerEvent): void {
    const drag = this.drag;
    const binned = this.binned;
    if (!drag || event.pointerId !== drag.pointerId) return;
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    let final = this.dragWindow;
    // A click on the bars without a drag picks the unit clicked: a click on November's bar is November.
    if (!drag.moved && drag.mode === 'new' && binned) {
      const clicked = snapWindow({ start: drag.originDay, end: drag.originDay }, binned.unit);
      final = { from: clicked.start, to: clicked.end };
    }
    this.drag = null;
    this.dragWindow = null;
    if (final) this.sendWindow(final, false);
  }

  /** The window a drag makes, snapped to whole units of the zoom. */
  private draggedWindow(drag: Drag, day: string, binned: Binned): OpenWindow {
    const { unit, domain } = binned;
    const base = { start: drag.base.from ?? domain.start, end: drag.base.to ?? domain.end };
    switch (drag.mode) {
      case 'new': {
        const [first, last] = day < drag.originDay ? [day, drag.originDay] : [drag.originDay, day];
        const snapped = snapWindow({ start: first, end: last }, unit);
        return { from: snapped.start, to: snapped.end };
      }
      case 'start': {
        const start = unitStart(day, unit);
        return { from: start > base.end ? unitStart(base.end, unit) : start, to: drag.base.to };
      }
      case 'end': {
        const end = unitEnd(day, unit);
        return { from: drag.base.from, to: end < base.start ? unitEnd(base.start, unit) : end };
      }
      case 'move': {
        // Whole units, and no further than keeps the window in view.
        const wanted = unitIndex(day, unit) - unitIndex(drag.originDay, unit);
        const lowest = Math.min(unitIndex(domain.start, unit) - unitIndex(base.start, unit), 0);
        const highest = Math.max(unitIndex(domain.end, unit) - unitIndex(base.end, unit), 0);
        const moved = stepWindow(base, unit, Math.min(Math.max(wanted, lowest), highest));
        return { from: moved.start, to: moved.end };
      }
    }
  }

  /** Arrows move an edge by one unit of the zoom, Shift+arrow (or Page Up/Down) by ten; Home/End to the view's edge. */
  private handleEdgeKey(edge: 'start' | 'end', event: KeyboardEvent): void {
    const binned = this.binned;
    if (!binned) return;
    const { unit, domain } = binned;
    const steps: Record<string, number> = {
      ArrowLeft: -1,
      ArrowDown: -1,
      ArrowRight: 1,
      ArrowUp: 1,
      PageDown: -10,
      PageUp: 10,
    };
    const current = this.sentWindow ?? { from: this.filters.dateFrom, to: this.filters.dateTo };
    const start = current.from ?? domain.start;
    const end = current.to ?? domain.end;
    let next: OpenWindow;
    if (event.key === 'Home' || event.key === 'End') {
      const day = event.key === 'Home' ? domain.start : domain.end;
      next =
        edge === 'start'
          ? { from: min(unitStart(day, unit), end), to: current.to }
          : { from: current.from, to: max(unitEnd(day, unit), start) };
    } else {
      const step = steps[event.key];
      if (step === undefined) return;
      const by = event.shiftKey && Math.abs(step) === 1 ? step * 10 : step;
      if (edge === 'start') {
        const moved = unitAt(unitIndex(start, unit) + by + (by < 0 && start !== unitStart(start, unit) ? 1 : 0), unit);
        next = { from: min(moved, unitStart(end, unit)), to: current.to };
      } else {
        const moved = unitEnd(
          unitAt(unitIndex(end, unit) + by - (by > 0 && end !== unitEnd(end, unit) ? 1 : 0), unit),
          unit,
        );
        next = { from: current.from, to: max(moved, unitEnd(start, unit)) };
      }
    }
    event.preventDefault();
    this.stopPlaying();
    if (event.repeat) this.keyRepeating = true;
    this.sendWindow(next, event.repeat);
  }

  /** A key held down sent live steps: its release makes the last one a step of the history. */
  private handleEdgeKeyUp(): void {
    if (!this.keyRepeating || !this.sentWindow) return;
    this.keyRepeating = false;
    this.sendWindow(this.sentWindow, false);
  }

  /** The wheel zooms around the pointer; a sideways wheel (or Shift) pans. */
  private handleWheel(event: WheelEvent): void {
    const view = this.view;
    const binned = this.binned;
    if (!view || !binned || this.plotWidth === 0) return;
    event.preventDefault();
    const scale = event.deltaMode === 1 ? 16 : event.deltaMode === 2 ? 400 : 1;
    const first = dayNumber(binned.domain.start);
    const daysPerPx = (dayNumber(binned.domain.end) - first + 1) / this.plotWidth;
    const sideways = Math.abs(event.deltaX) > Math.abs(event.deltaY) ? event.deltaX : event.shiftKey ? event.deltaY : 0;
    if (sideways !== 0) {
      this.view = panView(view, sideways * scale * daysPerPx);
      return;
    }
    const plot = event.currentTarget as HTMLElement;
    const around = first + (event.clientX - plot.getBoundingClientRect().left) * daysPerPx;
    this.view = zoomView(view, Math.exp(event.deltaY * scale * 0.002), around);
  }

  override render() {
    const timeline = this.timeline;
    const binned = this.binned;
    const { dateFrom, dateTo, dateMatch } = this.filters;
    const hasWindow = dateFrom !== null || dateTo !== null;
    return html`
      <div class="toolbar">
        <div class="group" role="group" aria-label="Zoom">
          <button class="icon" aria-label="Zoom out" title="Zoom out" ?disabled=${!binned} @click=${this.zoomOut}>
            −
          </button>
          <button class="icon" aria-label="Zoom in" title="Zoom in" ?disabled=${!binned} @click=${this.zoomIn}>
            +
          </button>
          <button title="Show every dated relation" ?disabled=${!binned} @click=${this.fit}>Fit</button>
          <span class="unit">${binned ? `bars: ${unitWords(binned.unit)}` : ''}</span>
        </div>
        <div class="spacer"></div>
        <div class="group">
          <button
            class="play"
            aria-pressed=${this.playing ? 'true' : 'false'}
            ?disabled=${!binned}
            title=${this.playing ? 'Stop walking the window through time' : 'Walk the window through time'}
            @click=${() => (this.playing ? this.pause() : this.play())}
          >
            ${this.playing ? '❚❚ Pause' : '▶ Play'}
          </button>
          <select aria-label="Seconds per step" title="Seconds per step" @change=${this.handleSpeed}>
            ${PLAY_SPEEDS.map(
              (seconds) =>
                html`<option value=${seconds} ?selected=${seconds === this.stepSeconds}>${seconds} s/step</option>`,
            )}
          </select>
        </div>
        <div class="spacer"></div>
        <label class="group" title=${RULE_SENTENCE[dateMatch]}>
          <span>Counts if</span>
          <select class="rule" aria-describedby="rule-words" @change=${this.handleRule}>
            <option value="overlaps" ?selected=${dateMatch === 'overlaps'}>
              ${this.narrow ? 'any day in window' : 'any of its days is in the window'}
            </option>
            <option value="within" ?selected=${dateMatch === 'within'}>
              ${this.narrow ? 'all days in window' : 'all of its days are in the window'}
            </option>
          </select>
        </label>
        <span id="rule-words" class="visually-hidden">${RULE_SENTENCE[dateMatch]}</span>
        <button class="clear" ?disabled=${!hasWindow} @click=${this.handleClear}>Clear</button>
      </div>
      <div class="main">
        <div
          class="plot ${this.drag ? 'dragging' : ''}"
          @pointerdown=${this.handlePointerDown}
          @pointermove=${this.handlePointerMove}
          @pointerup=${this.handlePointerUp}
          @pointercancel=${this.handlePointerUp}
          @wheel=${this.handleWheel}
        >
          ${binned && this.plotWidth > 0 ? this.renderPlot(binned) : this.renderEmpty(timeline)}
        </div>
        ${this.renderSide(timeline, binned)}
      </div>
      <div class="status">
        <span class="window-line">${timeline && binned ? this.statusWords(timeline) : ''}</span>
        <span class="key" aria-hidden="true">
          ${(timeline?.families ?? []).map(
            (family) =>
              html`<span class="key-item">
                <i class="swatch" style=${cssomStyle({ background: familyColour(family) })}></i>${SHORT_FAMILY[family]}
              </span>`,
          )}
        </span>
      </div>
    `;
  }

  private renderEmpty(timeline: Timeline | null) {
    if (!timeline) return html`<div class="empty">No graph</div>`;
    if (timeline.domain === null) return html`<div class="empty">No relation has a date</div>`;
    return nothing;
  }

  private statusWords(timeline: Timeline): string {
    const current = this.shownWindow;
    const dated = timeline.entries.length;
    const inWindow = countInWindow(timeline, current.from, current.to, this.filters.dateMatch);
    let words = windowLine(current.from, current.to, inWindow, dated);
    if (this.visibleRelationIds.size > 0) {
      const shown = timeline.entries.filter((entry) => this.visibleRelationIds.has(entry.relationId)).length;
      // The other filters (types, sources, grades) may hide some of those the window keeps.
      if (shown !== inWindow) words += ` · ${shown} shown`;
    }
    return words;
  }

  /** Beside the plot, what it cannot draw: undated relations, spans that found no lane, relations out of view. */
  private renderSide(timeline: Timeline | null, binned: Binned | null) {
    const undated = timeline?.undated ?? 0;
    const { dateFrom, dateTo, includeUndated } = this.filters;
    const hidden = (dateFrom !== null || dateTo !== null) && !includeUndated;
    const more = binned?.moreSpans ?? 0;
    const before = binned?.outside.before ?? 0;
    const after = binned?.outside.after ?? 0;
    const outsideTitle = `Dated relations outside the view: ${before} before it, ${after} after it`;
    return html`
      <div class="side">
        <span title="Relations without a date: not on the time axis"><strong>${undated}</strong> undated</span>
        <span>${undated === 0 ? '' : hidden ? 'hidden' : 'shown'}</span>
        ${
          more > 0
            ? html`<span class="more" title="${more} vague dates found no lane: zoom in to see them">
                +${more} spans
              </span>`
            : nothing
        }
        ${
          before + after > 0
            ? html`<span class="outside" title=${outsideTitle}>
                ${before > 0 ? html`<span>◀ ${before}</span>` : nothing}
                ${after > 0 ? html`<span>${after} ▶</span>` : nothing}
              </span>`
            : nothing
        }
      </div>
    `;
  }

  private renderPlot(binned: Binned) {
    const width = this.plotWidth;
    const marks = marksOf(binned, this.markedRelationIds);
    const shown = this.shownWindow;
    return html`
      <svg width=${width} height=${PLOT_HEIGHT} role="img" aria-label=${this.plotLabel(binned)}>
        ${guard([binned, width], () => this.renderBars(binned, width))}
        ${this.renderSpans(binned, width, marks, shown)}
        ${guard([binned, width, this.markedRelationIds], () => this.renderMarks(binned, width, marks))}
      </svg>
      ${this.renderBrush(binned, width, shown)}
    `;
  }

  private plotLabel(binned: Binned): string {
    const total = binned.bins.reduce((sum, bin) => sum + bin.total, 0);
    const { start, end } = binned.domain;
    const spans = binned.laneOf.size;
    return `Relations by ${binned.unit} from ${start} to ${end}: ${total} in bars, ${spans} drawn as spans`;
  }

  /** x of the first moment of a day number, in px from the plot's left. */
  private scale(binned: Binned, width: number): (day: number) => number {
    const first = dayNumber(binned.domain.start);
    const days = dayNumber(binned.domain.end) - first + 1;
    return (day) => ((day - first) / days) * width;
  }

  private renderBars(binned: Binned, width: number) {
    const x = this.scale(binned, width);
    const tallest = Math.max(1, ...binned.bins.map((bin) => bin.total));
    const perRelation = BAR_HEIGHT / tallest;
    // One path per family, not one rect per segment: the DOM stays small whatever the graph.
    const paths = new Map<RelationFamily, string[]>();
    const hits: { x: number; width: number; title: string; start: string }[] = [];
    for (const bin of binned.bins) {
      if (bin.total === 0) continue;
      const left = x(dayNumber(bin.start));
      const right = x(dayNumber(bin.end) + 1);
      const gap = right - left > 4 ? 1 : 0;
      let top = BASELINE;
      for (const family of RELATION_FAMILIES) {
        const count = bin.byFamily[family];
        if (!count) continue;
        // A family of one relation in a tall histogram still shows: two pixels at least.
        const height = Math.max(2, count * perRelation);
        top -= height;
        const list = paths.get(family) ?? [];
        list.push(rectPath(left + gap / 2, top, right - left - gap, height));
        paths.set(family, list);
      }
      hits.push({ x: left, width: right - left, title: binTitle(bin), start: bin.start });
    }
    const ticks = axisTicks(binned.domain, binned.unit, width);
    const tickPath = ticks.map((tick) => `M${x(dayNumber(tick.day)).toFixed(1)} ${BASELINE}v4`).join('');
    return svg`
      ${[...paths].map(
        ([family, parts]) =>
          svg`<path class="bars" data-family=${family} fill=${familyColour(family)} d=${parts.join('')}></path>`,
      )}
      <line x1="0" x2=${width} y1=${BASELINE + 0.5} y2=${BASELINE + 0.5} stroke="#b9c0ca"></line>
      <path d=${tickPath} stroke="#b9c0ca"></path>
      ${ticks.map(
        (tick) =>
          svg`<text class="axis-label" x=${x(dayNumber(tick.day)) + 2} y=${LABEL_BASELINE}>${tick.label}</text>`,
      )}
      ${hits.map(
        (hit) =>
          svg`<rect class="bin" data-start=${hit.start} x=${hit.x} y=${BAR_TOP} width=${hit.width} height=${BAR_HEIGHT}
            fill="transparent"><title>${hit.title}</title></rect>`,
      )}
    `;
  }

  private renderSpans(binned: Binned, width: number, marks: Marks, shown: OpenWindow) {
    const x = this.scale(binned, width);
    const bounds =
      shown.from === null && shown.to === null
        ? null
        : { start: shown.from ?? '0000-01-01', end: shown.to ?? '9999-12-31' };
    const rule = this.filters.dateMatch;
    return binned.spans.map((span) => {
      const left = Math.max(x(dayNumber(span.start)), 0);
      const right = Math.min(x(dayNumber(span.end) + 1), width);
      const y = LANE_TOP + span.lane * LANE_PITCH + LANE_PITCH / 2;
      // End ticks where the span ends in view; a span cut by the plot's edge goes on past it.
      const startCap = x(dayNumber(span.start)) >= 0 ? `M${left + 1} ${y - 1.5}v3` : '';
      const endCap = x(dayNumber(span.end) + 1) <= width ? `M${right - 1} ${y - 1.5}v3` : '';
      const caps = startCap + endCap;
      const marked = span.relationIds.some((id) => marks.inLanes.has(id));
      // Dimmed when the window's rule leaves it out: the difference between the two rules shows here.
      const counted = bounds === null || spanMeetsWindow(span, bounds, rule);
      return svg`<g class="span ${marked ? 'marked' : ''}" opacity=${counted ? 1 : 0.3}>
        <title>${spanTitle(span)}${marked ? ' (marked)' : ''}</title>
        ${marked ? svg`<path d="M${left} ${y}H${right}" stroke="var(--ag-accent)" stroke-width="4"></path>` : nothing}
        <path d="M${left + 1} ${y}H${right - 1}${caps}" stroke=${familyColour(span.family)} stroke-width="2"></path>
      </g>`;
    });
  }

  private renderMarks(binned: Binned, width: number, marks: Marks) {
    if (marks.marked.length === 0) return nothing;
    const x = this.scale(binned, width);
    const triangles = [...marks.inBins.keys()]
      .map((index) => {
        const bin = binned.bins[index];
        if (!bin) return '';
        const middle = (x(dayNumber(bin.start)) + x(dayNumber(bin.end) + 1)) / 2;
        return `M${(middle - 4).toFixed(1)} 0h8l-4 ${MARK_ROW - 1}z`;
      })
      .join('');
    const lines = marks.overflowSpans
      .map((span) => `M${Math.max(x(dayNumber(span.start)), 0)} 3H${Math.min(x(dayNumber(span.end) + 1), width)}`)
      .join('');
    return svg`<g class="marks">
      <path class="mark-points" d=${triangles} fill="var(--ag-accent)"></path>
      <path class="mark-spans" d=${lines} stroke="var(--ag-accent)" stroke-width="2"></path>
    </g>`;
  }

  private renderBrush(binned: Binned, width: number, shown: OpenWindow) {
    const x = this.scale(binned, width);
    const first = dayNumber(binned.domain.start);
    const last = dayNumber(binned.domain.end);
    const from = shown.from === null ? null : dayNumber(shown.from);
    const to = shown.to === null ? null : dayNumber(shown.to);
    const clamp = (px: number) => Math.min(Math.max(px, 0), width);
    const left = clamp(x(from ?? first));
    const right = clamp(x((to ?? last) + 1));
    const hasWindow = from !== null || to !== null;
    const edge = (which: 'start' | 'end') => {
      const day = which === 'start' ? from : to;
      const text = which === 'start' ? shown.from : shown.to;
      const now = day ?? (which === 'start' ? first : last);
      const lowest = which === 'start' ? Math.min(first, now) : (from ?? first);
      const highest = which === 'start' ? (to ?? last) : Math.max(last, now);
      return html`<div
        class="handle ${which} ${day === null ? 'open' : ''}"
        role="slider"
        tabindex="0"
        aria-label=${which === 'start' ? 'Window start' : 'Window end'}
        aria-valuemin=${lowest}
        aria-valuemax=${highest}
        aria-valuenow=${now}
        aria-valuetext=${text ?? (which === 'start' ? 'no start: from the earliest' : 'no end: to the latest')}
        style=${cssomStyle({ left: `${which === 'start' ? left : right}px` })}
        @keydown=${(event: KeyboardEvent) => this.handleEdgeKey(which, event)}
        @keyup=${this.handleEdgeKeyUp}
      ></div>`;
    };
    return html`
      ${
        hasWindow && right > left
          ? html`<div class="window" style=${cssomStyle({ left: `${left}px`, width: `${right - left}px` })}></div>`
          : nothing
      }
      ${edge('start')} ${edge('end')}
    `;
  }
}

/** An SVG path for a rectangle: many of them make one path, one element for a whole family's bars. */
function rectPath(left: number, top: number, width: number, height: number): string {
  return `M${left.toFixed(1)} ${top.toFixed(1)}h${width.toFixed(1)}v${height.toFixed(1)}h${(-width).toFixed(1)}z`;
}

function viewShowsAny(view: TimeView, domain: DaySpan): boolean {
  return dayNumber(domain.start) < view.end && dayNumber(domain.end) + 1 > view.start;
}

const min = (a: string, b: string) => (a < b ? a : b);
const max = (a: string, b: string) => (a > b ? a : b);

declare global {
  interface HTMLElementTagNameMap {
    'ag-time-bar': AgTimeBar;
  }
}
