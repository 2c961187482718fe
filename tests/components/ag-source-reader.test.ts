// The source reader on its own: attaching a source's text, reading it with the
// cited passages marked, and citing a selected passage as a verbatim quote.
import axe from 'axe-core';
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { AgSourceReader } from '../../src/components/ag-source-reader.ts';
import '../../src/components/ag-source-reader.ts';
import type { AgEvent, AgEventMap } from '../../src/components/events.ts';
import type { Source } from '../../src/model/graph.ts';
import { normaliseForQuoteMatch } from '../../src/model/quotes.ts';
import '../../src/styles/page.css';

const SOURCE: Source = {
  id: 'global-research',
  title: 'Who Tried to Kill Iraqi Prime Minister Al-Kadhimi?',
  publisher: 'Global Research',
  author: 'Steven Sahiounie',
  published: '2021-11-11',
  reliability: 'C',
  archive: '002_d6b85e46402597e0.txt',
};

/** Paragraphs as the archived article has them: links without targets, a line break inside a sentence. */
const ARTICLE = [
  'Who Tried to Kill Iraqi Prime Minister Al-Kadhimi?',
  'By [Steven Sahiounie](#)',
  'Kadhimi appeared only lightly injured, wearing a [bandage on his wrist](#), in a video soon after the\n' +
    'attack on his residence in the Green Zone.',
  'Two Iraqi security officials said that the powerful Kataib Hezbollah and Asaib Ahl al-Haq groups ' +
    'carried it out in tandem, while one militia source said that Kataib Hezbollah was involved.',
  'Kataib Hezbollah was involved, the militia source said again.',
].join('\n\n');

let reader: AgSourceReader | null = null;

async function showReader(text: string | null, quotes: string[] = [], source = SOURCE): Promise<AgSourceReader> {
  reader = document.createElement('ag-source-reader');
  reader.source = source;
  reader.text = text;
  reader.quotes = quotes;
  reader.style.height = '600px';
  reader.style.width = '520px';
  document.body.append(reader);
  await reader.updateComplete;
  return reader;
}

afterEach(() => {
  document.getSelection()?.removeAllRanges();
  reader?.remove();
  reader = null;
});

const inReader = <E extends Element = HTMLElement>(shown: AgSourceReader, selector: string) =>
  shown.shadowRoot?.querySelector<E>(selector) ?? null;
const buttonNamed = (shown: AgSourceReader, name: string) =>
  [...(shown.shadowRoot?.querySelectorAll('button') ?? [])].find((b) => b.textContent?.trim() === name) ?? null;

function nextEvent<K extends keyof AgEventMap>(shown: AgSourceReader, type: K): Promise<AgEventMap[K]> {
  return new Promise((resolve) =>
    shown.addEventListener(type, (event) => resolve((event as AgEvent<K>).detail), { once: true }),
  );
}

/** The text node and offset where the raw text's character `at` is shown. */
function pointAt(shown: AgSourceReader, at: number): { node: Text; offset: number } {
  const container = inReader(shown, '.text');
  if (!container) throw new Error('no text shown');
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  let passed = 0;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    if (at <= passed + node.length) return { node, offset: at - passed };
    passed += node.length;
  }
  throw new Error(`the text shown is shorter than ${at}`);
}

/** Selects the raw text's characters [start, end) as an analyst would with the mouse. */
function select(shown: AgSourceReader, start: number, end: number): void {
  const from = pointAt(shown, start);
  const to = pointAt(shown, end);
  const range = document.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  const selection = document.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
}

const citeButton = (shown: AgSourceReader) => {
  const button = inReader<HTMLButtonElement>(shown, 'button.cite');
  if (!button) throw new Error('no "Cite as evidence" button');
  return button;
};

/** The marked passages as read on screen: the pieces of each passage put together. */
function markedPassages(shown: AgSourceReader): string[] {
  const byPassage = new Map<string, string>();
  for (const mark of shown.shadowRoot?.querySelectorAll('mark') ?? []) {
    const passage = mark.getAttribute('data-passage') ?? '';
    byPassage.set(passage, (byPassage.get(passage) ?? '') + mark.textContent);
  }
  return [...byPassage.values()];
}

describe('attaching the text of a source', () => {
  it('shows an "Attach the text" area when the source has no text', async () => {
    const shown = await showReader(null);
    expect(inReader(shown, 'h2')?.textContent).toBe(SOURCE.title);
    expect(inReader(shown, '.attach h3')?.textContent).toBe('Attach the text');
    expect(buttonNamed(shown, 'Open a file…')).not.toBeNull();
    expect(buttonNamed(shown, 'Attach pasted text')?.disabled).toBe(true);
    expect(inReader(shown, '.text')).toBeNull();
  });

  it('pasting a text and pressing "Attach pasted text" attaches it under the name the graph gives it', async () => {
    const shown = await showReader(null);
    const attached = nextEvent(shown, 'ag-source-text-attach');
    await userEvent.click(inReader<HTMLTextAreaElement>(shown, 'textarea')!);
    await userEvent.fill(inReader<HTMLTextAreaElement>(shown, 'textarea')!, ARTICLE);
    await shown.updateComplete;
    await userEvent.click(buttonNamed(shown, 'Attach pasted text')!);
    expect(await attached).toEqual({ sourceId: SOURCE.id, text: ARTICLE, fileName: SOURCE.archive });
  });

  it('a pasted text for a source without an archive is named after the source', async () => {
    const { archive: _, ...withoutArchive } = SOURCE;
    const shown = await showReader(null, [], withoutArchive);
    const attached = nextEvent(shown, 'ag-source-text-attach');
    await userEvent.fill(inReader<HTMLTextAreaElement>(shown, 'textarea')!, 'Some words.');
    await shown.updateComplete;
    await userEvent.click(buttonNamed(shown, 'Attach pasted text')!);
    expect((await attached).fileName).toBe('global-research.txt');
  });

  it("opening an .html file attaches the page's text, not its markup, as a .txt", async () => {
    const shown = await showReader(null);
    const attached = nextEvent(shown, 'ag-source-text-attach');
    const page =
      '<html><head><title>T</title><style>p{color:red}</style></head><body><h1>Who Tried to Kill?</h1>' +
      '<p>Two Iraqi <b>security</b> officials said it.<script>alert(1)</script></p>' +
      '<p>Second &amp; last.</p></body></html>';
    const transfer = new DataTransfer();
    transfer.items.add(new File([page], 'who-tried.html', { type: 'text/html' }));
    const input = inReader<HTMLInputElement>(shown, 'input[type=file]')!;
    input.files = transfer.files;
    input.dispatchEvent(new Event('change'));
    expect(await attached).toEqual({
      sourceId: SOURCE.id,
      text: 'Who Tried to Kill?\n\nTwo Iraqi security officials said it.\n\nSecond & last.',
      fileName: 'who-tried.txt',
    });
  });

  it('a file of another kind is refused with a message that says which files open', async () => {
    const shown = await showReader(null);
    const transfer = new DataTransfer();
    transfer.items.add(new File(['%PDF-1.7'], 'report.pdf', { type: 'application/pdf' }));
    const input = inReader<HTMLInputElement>(shown, 'input[type=file]')!;
    input.files = transfer.files;
    input.dispatchEvent(new Event('change'));
    await expect.poll(() => inReader(shown, '[role=alert]')?.textContent).toContain('open a .txt, .md or .html file');
  });

  it('"Replace text…" offers to attach another text, and "Cancel" goes back to the text', async () => {
    const shown = await showReader(ARTICLE);
    await userEvent.click(buttonNamed(shown, 'Replace text…')!);
    expect(inReader(shown, '.attach')).not.toBeNull();
    expect(inReader(shown, '.text')).toBeNull();
    await userEvent.click(buttonNamed(shown, 'Cancel')!);
    expect(inReader(shown, '.text')).not.toBeNull();
  });

  it('"Detach" asks to detach the text from the source', async () => {
    const shown = await showReader(ARTICLE);
    const detached = nextEvent(shown, 'ag-source-text-detach');
    await userEvent.click(buttonNamed(shown, 'Detach')!);
    expect(await detached).toEqual({ sourceId: SOURCE.id });
  });
});

describe('reading the text', () => {
  it('marks every passage already cited, and only those, also across links and line breaks', async () => {
    const quotes = [
      'wearing a bandage on his wrist, in a video soon after the attack on his residence',
      'Kataib Hezbollah was involved',
      'By Steven Sahiounie',
      'Kataib Hezbollah carried it out alone', // not in the text
    ];
    const shown = await showReader(ARTICLE, quotes);
    expect(markedPassages(shown)).toEqual([
      'By [Steven Sahiounie',
      'wearing a [bandage on his wrist](#), in a video soon after the\nattack on his residence',
      'Kataib Hezbollah was involved',
      'Kataib Hezbollah was involved',
    ]);
    expect(inReader(shown, '.count')?.textContent?.trim()).toBe('4 passages cited; 1 quote not found in this text');
    expect(inReader(shown, 'details li')?.textContent).toBe('“Kataib Hezbollah carried it out alone”');
  });

  it('shows markup in the text as literal text, never as elements', async () => {
    const hostile =
      'Before <img src=x onerror="window.readerAttack = 1"> and <script>window.readerAttack = 2</script>.';
    const shown = await showReader(hostile, ['<img src=x']);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(shown.shadowRoot?.querySelector('img, script')).toBeNull();
    expect(inReader(shown, '.text')?.textContent).toBe(hostile);
    expect(markedPassages(shown)).toEqual(['<img src=x']);
    expect((window as { readerAttack?: number }).readerAttack).toBeUndefined();
  });

  it('keeps the paragraphs of the text as blank lines', async () => {
    const shown = await showReader(ARTICLE);
    const container = inReader(shown, '.text')!;
    expect(getComputedStyle(container).whiteSpace).toBe('pre-wrap');
    expect(container.textContent).toBe(ARTICLE);
  });
});

describe('citing a passage', () => {
  it('selecting a passage across a mark and a link and pressing "Cite as evidence" cites it verbatim', async () => {
    const shown = await showReader(ARTICLE, ['bandage on his wrist']);
    expect(citeButton(shown).getAttribute('aria-disabled')).toBe('true');
    const start = ARTICLE.indexOf('lightly injured');
    const end = ARTICLE.indexOf(' in the Green Zone');
    select(shown, start, end);
    await expect.poll(() => citeButton(shown).getAttribute('aria-disabled')).toBe('false');
    const cited = nextEvent(shown, 'ag-cite');
    await userEvent.click(citeButton(shown));
    const { sourceId, quote } = await cited;
    expect(sourceId).toBe(SOURCE.id);
    expect(quote).toBe(
      'lightly injured, wearing a bandage on his wrist, in a video soon after the attack on his residence',
    );
    expect(normaliseForQuoteMatch(ARTICLE).includes(quote)).toBe(true);
    expect(inReader(shown, '.selected q')?.textContent).toBe(quote);
  });

  it('a selection that cuts a link in half still gives a verbatim quote, without brackets or target', async () => {
    const shown = await showReader(ARTICLE);
    select(shown, ARTICLE.indexOf('Sahiounie'), ARTICLE.indexOf('Kadhimi appeared') + 'Kadhimi'.length);
    const cited = nextEvent(shown, 'ag-cite');
    await expect.poll(() => citeButton(shown).getAttribute('aria-disabled')).toBe('false');
    await userEvent.click(citeButton(shown));
    const { quote } = await cited;
    expect(quote).toBe('Sahiounie Kadhimi');
    expect(normaliseForQuoteMatch(ARTICLE).includes(quote)).toBe(true);
  });

  it('a word double-clicked with the mouse is cited with a click on the button', async () => {
    const shown = await showReader(ARTICLE, ['Two Iraqi security officials']);
    const mark = inReader(shown, 'mark')!;
    await userEvent.dblClick(mark, { position: { x: 4, y: 6 } });
    await expect.poll(() => citeButton(shown).getAttribute('aria-disabled')).toBe('false');
    const cited = nextEvent(shown, 'ag-cite');
    await userEvent.click(citeButton(shown));
    expect((await cited).quote).toBe('Two');
  });

  it('from the keyboard: Tab from a word selected in the text reaches the button, and Enter cites', async () => {
    const shown = await showReader(ARTICLE, ['Two Iraqi security officials']);
    await userEvent.dblClick(inReader(shown, 'mark')!, { position: { x: 4, y: 6 } });
    await expect.poll(() => citeButton(shown).getAttribute('aria-disabled')).toBe('false');
    await userEvent.keyboard('{Tab}');
    expect(shown.shadowRoot?.activeElement).toBe(citeButton(shown));
    const cited = nextEvent(shown, 'ag-cite');
    await userEvent.keyboard('{Enter}');
    expect((await cited).quote).toBe('Two');
  });

  it('a selection outside the text (its title) gives nothing to cite', async () => {
    const shown = await showReader(ARTICLE);
    const title = inReader(shown, 'h2')!.firstChild!;
    const range = document.createRange();
    range.selectNodeContents(title);
    document.getSelection()?.removeAllRanges();
    document.getSelection()?.addRange(range);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(citeButton(shown).getAttribute('aria-disabled')).toBe('true');
  });

  it('with nothing selected, the button says so and cites nothing', async () => {
    const shown = await showReader(ARTICLE);
    let cites = 0;
    shown.addEventListener('ag-cite', () => cites++);
    citeButton(shown).click();
    citeButton(shown).focus();
    await userEvent.keyboard('{Enter}');
    expect(cites).toBe(0);
    expect(inReader(shown, '.selected')?.textContent).toBe('Select a passage of the text to cite it.');
  });

  it('a 2 MB text is shown, marked and cited', async () => {
    const paragraph = `${ARTICLE}\n\n`;
    const huge = `${paragraph.repeat(Math.ceil(2_000_000 / paragraph.length))}The very last sentence.`;
    const started = performance.now();
    const shown = await showReader(huge, ['Kataib Hezbollah was involved', 'The very last sentence.']);
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
    const milliseconds = performance.now() - started;
    const marks = shown.shadowRoot?.querySelectorAll('mark').length ?? 0;
    console.info(`2 MB text rendered with ${marks} marks in ${milliseconds.toFixed(0)} ms`);
    expect(inReader(shown, '.count')?.textContent).toContain('only the first 5,000 places are marked');
    expect(inReader(shown, '.text')?.textContent?.length).toBe(huge.length);
    select(shown, huge.length - 'last sentence.'.length, huge.length);
    await expect.poll(() => citeButton(shown).getAttribute('aria-disabled')).toBe('false');
    const cited = nextEvent(shown, 'ag-cite');
    await userEvent.click(citeButton(shown));
    expect((await cited).quote).toBe('last sentence.');
  });
});

describe('accessibility', () => {
  async function seriousViolations(): Promise<string[]> {
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`);
  }

  it('has no serious accessibility violations, with a text and without', async () => {
    await showReader(ARTICLE, ['Two Iraqi security officials', 'not in the text']);
    expect(await seriousViolations()).toEqual([]);
    reader?.remove();
    await showReader(null);
    expect(await seriousViolations()).toEqual([]);
  });
});
