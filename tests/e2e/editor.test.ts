// Building and editing a graph in the explorer: evidence captured from an
// attached source, undo and redo, save and reopen, autosave and restore.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { AgApp } from '../../src/components/ag-app.ts';
import type { AgSourceReader } from '../../src/components/ag-source-reader.ts';
import { clearDraft } from '../../src/io/local-store.ts';
import type { Graph } from '../../src/model/graph.ts';
import { graphToJson } from '../../src/model/graph-json.ts';
import { normaliseForQuoteMatch } from '../../src/model/quotes.ts';
import {
  buttonNamed,
  deep,
  drawnIds,
  graphView,
  openExplorer,
  openText,
  settle,
  shipped,
  statusLine,
} from './support.ts';

const ARTICLE = [
  'Qais Al-Khazali, the leader of Asaib Ahl al-Haq, met   Esmail Qaani in Baghdad on Monday.',
  '',
  'Officials said Kataib Hezbollah\nlaunched the drone, according to two security officials.',
  'Qaani later met Al-Khazali again.',
].join('\n');

const editorPanel = (host: AgApp) => deep(host, 'ag-editor-panel');
const reader = (host: AgApp) => deep<AgSourceReader>(host, 'ag-sources-pane', 'ag-source-reader');

/** A field of the open editor form, found through the form element's shadow root. */
function formField<E extends Element>(host: AgApp, form: string, selector: string): E {
  return deep<E>(host, 'ag-editor-panel', form, selector);
}

/** Selects a passage of the reader's text with the selection API, as a mouse drag leaves it. */
async function selectPassage(host: AgApp, passage: string): Promise<void> {
  const shown = reader(host);
  await shown.updateComplete;
  const container = shown.shadowRoot?.querySelector('.text');
  if (!container) throw new Error('the reader shows no text');
  const at = ARTICLE.indexOf(passage);
  if (at === -1) throw new Error(`"${passage}" is not in the article`);
  const point = (offset: number) => {
    const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
    let passed = 0;
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      if (offset <= passed + node.length) return { node, offset: offset - passed };
      passed += node.length;
    }
    throw new Error('past the end of the text');
  };
  const start = point(at);
  const end = point(at + passage.length);
  const range = document.createRange();
  range.setStart(start.node, start.offset);
  range.setEnd(end.node, end.offset);
  document.getSelection()?.removeAllRanges();
  document.getSelection()?.addRange(range);
  await expect.poll(() => buttonNamed(shown, 'Cite as evidence').getAttribute('aria-disabled')).toBe('false');
}

async function cite(host: AgApp, passage: string): Promise<void> {
  await selectPassage(host, passage);
  await userEvent.click(buttonNamed(reader(host), 'Cite as evidence'));
  await settle(host);
}

/** The quote field of the first evidence item of the form open. */
const quoteOf = (host: AgApp, form: string) =>
  deep<HTMLTextAreaElement>(host, 'ag-editor-panel', form, 'ag-evidence-fields', '#quote');

async function addActor(host: AgApp, label: string, passage: string, claimant: string): Promise<void> {
  await userEvent.click(buttonNamed(editorPanel(host), 'New actor…'));
  await settle(host);
  await cite(host, passage);
  // The quote is the passage, verbatim by construction (the article's line breaks and double spaces collapsed).
  await expect.poll(() => quoteOf(host, 'ag-actor-form').value).toBe(normaliseForQuoteMatch(passage));
  await userEvent.fill(formField(host, 'ag-actor-form', '#label'), label);
  await userEvent.fill(deep(host, 'ag-editor-panel', 'ag-actor-form', 'ag-evidence-fields', '#attributed'), claimant);
  await userEvent.click(buttonNamed(deep(host, 'ag-editor-panel', 'ag-actor-form'), 'Add actor'));
  await expect.poll(() => host.graph?.actors.map((actor) => actor.label)).toContain(label);
}

async function connect(host: AgApp, from: string, to: string, type: string, passage: string): Promise<void> {
  host.dispatch({ type: 'select', selection: { kind: 'actor', id: from }, centre: false });
  await settle(host);
  await userEvent.selectOptions(deep(host, 'ag-editor-panel', '#connect-to'), to);
  await userEvent.click(buttonNamed(editorPanel(host), 'Connect…'));
  await settle(host);
  await userEvent.selectOptions(formField(host, 'ag-relation-form', '#type'), type);
  await cite(host, passage);
  await expect.poll(() => quoteOf(host, 'ag-relation-form').value).toBe(normaliseForQuoteMatch(passage));
  await userEvent.fill(
    deep(host, 'ag-editor-panel', 'ag-relation-form', 'ag-evidence-fields', '#attributed'),
    'the article',
  );
  const before = host.graph?.relations.length ?? 0;
  await userEvent.click(buttonNamed(deep(host, 'ag-editor-panel', 'ag-relation-form'), 'Add relation'));
  await expect.poll(() => host.graph?.relations.length).toBe(before + 1);
}

/** Replaces the browser's save picker: what "Save" writes is kept here. */
function fakeSavePicker(): { written: string[] } {
  const saved = { written: [] as string[] };
  const handle = {
    createWritable: async () => {
      let text = '';
      return {
        write: async (chunk: string) => {
          text += chunk;
        },
        close: async () => {
          saved.written.push(text);
        },
      };
    },
  };
  Object.assign(window, { showSaveFilePicker: async () => handle });
  return saved;
}

beforeEach(async () => {
  await clearDraft();
});
afterEach(async () => {
  Reflect.deleteProperty(window, 'showSaveFilePicker');
  await clearDraft();
});

describe('building a graph in the explorer', () => {
  it('from an empty graph: three actors, two relations cited from the source, undo, redo, save, reopen', async () => {
    const host = await openExplorer();
    await userEvent.click(buttonNamed(host, 'New graph…'));
    const dialog = deep(host, 'ag-new-graph-dialog');
    await userEvent.fill(deep(dialog, '#title'), 'Baghdad meetings');
    await userEvent.fill(deep(dialog, '#source-title'), 'Who met whom');
    await userEvent.fill(deep(dialog, '#source-publisher'), 'The Paper');
    await userEvent.click(buttonNamed(dialog, 'Create the graph'));
    await expect.poll(() => statusLine(host)).toContain('baghdad-meetings.json');
    expect(host.editing).toBe(true);
    expect(host.graph?.actors).toEqual([]);

    // The source's text, pasted into the reader.
    await userEvent.fill(deep(host, 'ag-sources-pane', 'ag-source-reader', '#paste'), ARTICLE);
    await userEvent.click(buttonNamed(reader(host), 'Attach pasted text'));
    await expect.poll(() => host.graph?.sources[0]?.archive).toBe('the-paper.txt');

    await addActor(host, 'Qais al-Khazali', 'Qais Al-Khazali, the leader of Asaib Ahl al-Haq', 'the article');
    await addActor(host, 'Esmail Qaani', 'met   Esmail Qaani in Baghdad', 'the article');
    await addActor(host, 'Kataib Hezbollah', 'Kataib Hezbollah\nlaunched the drone', 'two security officials');
    await connect(host, 'qais-al-khazali', 'esmail-qaani', 'met', 'met   Esmail Qaani in Baghdad on Monday');
    await connect(host, 'esmail-qaani', 'qais-al-khazali', 'met', 'Qaani later met Al-Khazali again');
    await expect.poll(async () => (await drawnIds(host)).relations).toHaveLength(2);

    // Undo takes the last relation off the canvas; redo brings it back.
    const last = host.graph?.relations[1]?.id ?? '';
    await userEvent.click(buttonNamed(deep(host, '.edit-bar'), 'Undo'));
    await expect.poll(async () => (await drawnIds(host)).relations).not.toContain(last);
    await userEvent.click(buttonNamed(deep(host, '.edit-bar'), 'Redo'));
    await expect.poll(async () => (await drawnIds(host)).relations).toContain(last);

    const saved = fakeSavePicker();
    await userEvent.click(buttonNamed(deep(host, '.edit-bar'), 'Save'));
    await expect.poll(() => saved.written.length).toBe(1);
    const text = saved.written[0] ?? '';
    const built = host.graph as Graph;

    // Reopened: the same graph, valid, every quote verbatim in the attached text.
    expect(await openText(host, text, 'baghdad-meetings.json')).toBe(true);
    await host.graphDrawn;
    const reopened = host.graph as Graph;
    expect(reopened).toEqual(JSON.parse(text));
    expect(graphToJson(reopened)).toBe(text);
    expect({ ...reopened, updated: built.updated }).toEqual(built);
    expect(reopened.actors.map((actor) => actor.id)).toEqual(['qais-al-khazali', 'esmail-qaani', 'kataib-hezbollah']);
    expect(reopened.relations).toHaveLength(2);
    const quotes = [...reopened.actors, ...reopened.relations].flatMap((item) => item.evidence.map((e) => e.quote));
    expect(quotes).toHaveLength(5);
    for (const quote of quotes) expect(normaliseForQuoteMatch(ARTICLE)).toContain(quote);
    expect((await drawnIds(host)).actors).toEqual(['esmail-qaani', 'kataib-hezbollah', 'qais-al-khazali']);
  });

  it('a quote typed by hand that the attached text does not hold is flagged as typed and refused', async () => {
    const host = await openExplorer();
    await userEvent.click(buttonNamed(host, 'New graph…'));
    const dialog = deep(host, 'ag-new-graph-dialog');
    await userEvent.fill(deep(dialog, '#title'), 'Misquote');
    await userEvent.fill(deep(dialog, '#source-title'), 'Who met whom');
    await userEvent.fill(deep(dialog, '#source-publisher'), 'The Paper');
    await userEvent.click(buttonNamed(dialog, 'Create the graph'));
    await expect.poll(() => host.editing).toBe(true);
    await userEvent.fill(deep(host, 'ag-sources-pane', 'ag-source-reader', '#paste'), ARTICLE);
    await userEvent.click(buttonNamed(reader(host), 'Attach pasted text'));
    await expect.poll(() => host.graph?.sources[0]?.archive).toBe('the-paper.txt');
    await userEvent.click(buttonNamed(editorPanel(host), 'New actor…'));
    await settle(host);
    await userEvent.fill(formField(host, 'ag-actor-form', '#label'), 'Qaani');
    const fields = deep(host, 'ag-editor-panel', 'ag-actor-form', 'ag-evidence-fields');
    await userEvent.fill(deep(fields, '#quote'), 'Qaani met Khazali in Baghdad');
    await userEvent.fill(deep(fields, '#attributed'), 'the article');
    // Flagged as typed, before anything is tried: by the live check, then by the validator with the closest passage.
    await expect.poll(() => deep(fields, '#quote-check').textContent).toContain('Not found verbatim');
    await expect
      .poll(() => deep(fields, '#quote-message').textContent)
      .toContain('the quote is not verbatim in "the-paper.txt"; the closest passage is');
    expect(host.graph?.actors).toEqual([]);
    await userEvent.click(buttonNamed(deep(host, 'ag-editor-panel', 'ag-actor-form'), 'Add actor'));
    await expect
      .poll(() => deep(fields, '#quote-message').textContent)
      .toContain('the quote is not verbatim in "the-paper.txt"; the closest passage is');
    expect(host.graph?.actors).toEqual([]);
    expect(deep(fields, '#quote').getAttribute('aria-invalid')).toBe('true');
  });
});

describe('editing the shipped graph', () => {
  it('an actor and a relation added, the page reloaded, the autosaved graph restored: nothing else moved', async () => {
    const host = await openExplorer();
    await userEvent.click(buttonNamed(host, 'Edit'));
    await settle(host);
    const evidence = shipped.actors.find((actor) => actor.id === 'qaani')?.evidence[0];
    if (!evidence) throw new Error('no evidence for Qaani');
    const before = await graphView(host).currentPositions();

    await userEvent.click(buttonNamed(editorPanel(host), 'New actor…'));
    await settle(host);
    await userEvent.fill(formField(host, 'ag-actor-form', '#label'), 'Envoy of Qaani');
    const fields = deep(host, 'ag-editor-panel', 'ag-actor-form', 'ag-evidence-fields');
    await userEvent.selectOptions(deep(fields, '#source'), evidence.source);
    await userEvent.fill(deep(fields, '#quote'), evidence.quote);
    await userEvent.fill(deep(fields, '#attributed'), evidence.attributedTo);
    await userEvent.click(buttonNamed(deep(host, 'ag-editor-panel', 'ag-actor-form'), 'Add actor'));
    await expect.poll(() => host.graph?.actors.length).toBe(shipped.actors.length + 1);

    await userEvent.selectOptions(deep(host, 'ag-editor-panel', '#connect-to'), 'qaani');
    await userEvent.click(buttonNamed(editorPanel(host), 'Connect…'));
    await settle(host);
    await userEvent.selectOptions(formField(host, 'ag-relation-form', '#type'), 'speaks-for');
    const relationFields = deep(host, 'ag-editor-panel', 'ag-relation-form', 'ag-evidence-fields');
    await userEvent.selectOptions(deep(relationFields, '#source'), evidence.source);
    await userEvent.fill(deep(relationFields, '#quote'), evidence.quote);
    await userEvent.fill(deep(relationFields, '#attributed'), evidence.attributedTo);
    await userEvent.click(buttonNamed(deep(host, 'ag-editor-panel', 'ag-relation-form'), 'Add relation'));
    await expect.poll(() => host.graph?.relations.length).toBe(shipped.relations.length + 1);
    await expect.poll(async () => (await drawnIds(host)).actors).toContain('envoy-of-qaani');
    await host.graphDrawn;
    const edited = await graphView(host).currentPositions();
    for (const [id, position] of Object.entries(before)) expect(edited[id], id).toEqual(position);
    await host.editSession.autosaved;

    // A reload: a new explorer, which offers the unsaved graph back.
    host.remove();
    const again = await openExplorer();
    await expect.poll(() => deep(again, '.draft-offer').textContent).toContain('Unsaved edits to kadhimi-2021.json');
    await userEvent.click(buttonNamed(deep(again, '.draft-offer'), 'Restore'));
    await expect.poll(() => again.graph?.actors.length).toBe(shipped.actors.length + 1);
    await again.graphDrawn;
    expect(again.graph?.relations.map((relation) => relation.to)).toContain('qaani');
    const restored = await graphView(again).currentPositions();
    for (const [id, position] of Object.entries(edited)) {
      expect(Math.abs((restored[id]?.x ?? Number.NaN) - position.x), id).toBeLessThan(0.11);
      expect(Math.abs((restored[id]?.y ?? Number.NaN) - position.y), id).toBeLessThan(0.11);
    }
    // The history came back with it: the relation can be undone.
    await expect.poll(() => again.editing).toBe(true);
    await userEvent.click(buttonNamed(deep(again, '.edit-bar'), 'Undo'));
    await expect.poll(() => again.graph?.relations.length).toBe(shipped.relations.length);
  });
});

describe('keeping the picture', () => {
  it('an actor moved by hand is an edit: undo puts it back, and the saved file opens as it was left', async () => {
    const host = await openExplorer();
    await userEvent.click(buttonNamed(host, 'Edit'));
    await settle(host);
    const view = graphView(host);
    const canvasElement = deep(host, 'ag-graph-view', '#cy');
    const before = await view.currentPositions();
    // The panels of edit mode narrow the graph, which is fitted again (animated): wait until the camera is still.
    let camera = '';
    await expect
      .poll(
        async () => {
          await new Promise((resolve) => setTimeout(resolve, 300));
          const now = JSON.stringify(view.viewport());
          const still = now === camera;
          camera = now;
          return still;
        },
        { interval: 0 },
      )
      .toBe(true);
    const start = await view.renderedPositionOf('khanjar');
    if (!start) throw new Error('Khanjar is not drawn');
    const target = { x: start.x + 70, y: start.y + 40 };
    await userEvent.dragAndDrop(canvasElement, canvasElement, {
      sourcePosition: start,
      targetPosition: target,
      steps: 8,
    });
    await expect.poll(() => host.editSession.history.done.at(-1)?.label).toBe('Move “Khamis Khanjar”');
    const moved = (await view.currentPositions()).khanjar;
    expect(moved).not.toEqual(before.khanjar);
    expect(host.graph?.layout?.positions.khanjar).toEqual(moved);

    await userEvent.keyboard('{Control>}z{/Control}');
    await expect.poll(async () => (await view.currentPositions()).khanjar).toEqual(before.khanjar);
    await userEvent.keyboard('{Control>}{Shift>}z{/Shift}{/Control}');
    await expect.poll(async () => (await view.currentPositions()).khanjar).toEqual(moved);

    const saved = fakeSavePicker();
    await userEvent.click(buttonNamed(deep(host, '.edit-bar'), 'Save'));
    await expect.poll(() => saved.written.length).toBe(1);
    const file = JSON.parse(saved.written[0] ?? '{}') as Graph;
    // Every actor's place, not only the one moved: the file opens exactly as it is on screen.
    expect(Object.keys(file.layout?.positions ?? {}).sort()).toEqual(shipped.actors.map((actor) => actor.id).sort());
    const onScreen = await view.currentPositions();
    expect(await openText(host, saved.written[0] ?? '', 'kadhimi-2021.json')).toBe(true);
    await host.graphDrawn;
    expect(await view.currentPositions()).toEqual(onScreen);
  });
});

describe('the vocabulary', () => {
  it('a kind added, a type renamed, an unused kind removed (not a used one), and undo brings it back', async () => {
    const host = await openExplorer();
    await userEvent.click(buttonNamed(host, 'Edit'));
    await settle(host);
    await userEvent.click(buttonNamed(editorPanel(host), 'Kinds and types…'));
    await settle(host);
    const form = deep(host, 'ag-editor-panel', 'ag-vocabulary-form');
    await userEvent.fill(deep(form, '#new-kind'), 'Militia commander');
    await userEvent.click(buttonNamed(form, 'Add kind'));
    await expect
      .poll(() => host.graph?.actorKinds.at(-1))
      .toEqual({
        id: 'militia-commander',
        label: 'Militia commander',
        shape: 'ellipse',
      });
    const rows = () => [...(form.shadowRoot?.querySelectorAll('tr') ?? [])];
    const rowOf = (label: string) =>
      rows().find((row) => row.querySelector('input')?.getAttribute('aria-label')?.endsWith(` ${label}`));
    const met = rowOf('met');
    if (!met) throw new Error('no row for the type "met"');
    await userEvent.fill(met.querySelector('input') as HTMLInputElement, 'met with');
    await userEvent.click(buttonNamed(met, 'Rename'));
    await expect.poll(() => host.graph?.relationTypes.find((type) => type.id === 'met')?.label).toBe('met with');
    // The person kind is used: it cannot be removed; the new kind can.
    expect(buttonNamed(rowOf('person') as HTMLElement, 'Remove').disabled).toBe(true);
    await userEvent.click(buttonNamed(rowOf('militia-commander') as HTMLElement, 'Remove'));
    await expect.poll(() => host.graph?.actorKinds.map((kind) => kind.id)).not.toContain('militia-commander');
    await userEvent.click(buttonNamed(deep(host, '.edit-bar'), 'Undo'));
    await expect.poll(() => host.graph?.actorKinds.map((kind) => kind.id)).toContain('militia-commander');
  });
});

describe('unsaved edits', () => {
  it('opening another file asks first; the analyst who declines keeps the edited graph', async () => {
    const host = await openExplorer();
    await userEvent.click(buttonNamed(host, 'Edit'));
    await settle(host);
    await userEvent.click(buttonNamed(editorPanel(host), 'Title and description…'));
    await settle(host);
    await userEvent.fill(deep(host, 'ag-editor-panel', '#title'), 'Drone attack, edited');
    await userEvent.click(buttonNamed(editorPanel(host), 'Save changes'));
    await expect.poll(() => host.graph?.title).toBe('Drone attack, edited');
    const asked: string[] = [];
    const confirm = window.confirm;
    window.confirm = (message?: string) => {
      asked.push(String(message));
      return false;
    };
    try {
      const minimal = await (await fetch('/tests/fixtures/minimal.json')).text();
      expect(await host.openFile(new File([minimal], 'minimal.json'))).toBe(false);
    } finally {
      window.confirm = confirm;
    }
    expect(asked).toEqual([
      'kadhimi-2021.json has unsaved edits. Open minimal.json anyway? Save first to keep them in a file.',
    ]);
    expect(host.graph?.title).toBe('Drone attack, edited');
    expect(statusLine(host)).toContain('kadhimi-2021.json');
  });
});
