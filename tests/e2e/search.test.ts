// The search box finds evidence as well as actors: an analyst types a word
// from a quote, reads the hits grouped by kind with the words marked, opens
// one, and sees the hits marked in the graph. Real Chromium, real keys.
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { AgApp } from '../../src/components/ag-app.ts';
import type { AgSearchBox } from '../../src/components/ag-search-box.ts';
import type { AgEventMap } from '../../src/components/events.ts';
import { deep, graphView, openExplorer, openText, settle, shipped, shippedText } from './support.ts';

const box = (host: AgApp) => deep<AgSearchBox>(host, 'ag-search-box');
const input = (host: AgApp) => deep<HTMLInputElement>(host, 'ag-search-box', 'input');
const words = (element: Element) => element.textContent?.replace(/\s+/g, ' ').trim() ?? '';

async function type(host: AgApp, query: string): Promise<void> {
  await userEvent.clear(input(host));
  await userEvent.click(input(host));
  await userEvent.keyboard(query);
  await settle(host);
  await box(host).updateComplete;
}

/** The groups of the open list as the analyst reads them: heading (the group's name) and options. */
function groups(host: AgApp): { label: string; options: HTMLElement[] }[] {
  const list = box(host).shadowRoot?.querySelector('[role=listbox]');
  return [...(list?.querySelectorAll<HTMLElement>('[role=group]') ?? [])].map((group) => ({
    label: group.getAttribute('aria-label') ?? '',
    options: [...group.querySelectorAll<HTMLElement>('[role=option]')],
  }));
}

/** Moves the active option with the Down key until it is `option`. */
async function arrowTo(host: AgApp, option: HTMLElement): Promise<void> {
  for (let i = 0; i < 60 && input(host).getAttribute('aria-activedescendant') !== option.id; i++) {
    await userEvent.keyboard('{ArrowDown}');
    await box(host).updateComplete;
  }
  expect(input(host).getAttribute('aria-activedescendant')).toBe(option.id);
}

describe('the search box finds evidence', () => {
  it('typing "militia" lists the hits grouped by kind, actors first, the words found marked', async () => {
    const host = await openExplorer();
    expect(input(host).placeholder).toBe('Find an actor or evidence…');
    await type(host, 'militia');
    const found = groups(host);
    expect(found.map((g) => g.label.split(':')[0])).toEqual(['Actors', 'Quotes', 'Who claims', 'Summaries', 'Notes']);
    expect(found[0]?.options[0] && words(found[0].options[0])).toBe('Iran-backed militias (unnamed)');
    const quotes = found[1];
    // 28 quotes: 8 shown, and the rest counted.
    expect(quotes?.label).toMatch(/^Quotes: \d+ found, 8 shown$/);
    expect(quotes?.options).toHaveLength(8);
    expect(words(quotes?.options[0]?.parentElement ?? document.body)).toMatch(/and \d+ more$/);
    for (const option of quotes?.options ?? []) {
      const marks = [...option.querySelectorAll('mark')].map((mark) => mark.textContent);
      expect(marks.length).toBeGreaterThan(0);
      for (const mark of marks) expect(mark).toMatch(/^militia/i);
    }
    // The group headings are no options: Down goes from the last actor to the first quote.
    const lastActor = found[0]?.options.at(-1);
    if (lastActor) await arrowTo(host, lastActor);
    await userEvent.keyboard('{ArrowDown}');
    await box(host).updateComplete;
    expect(input(host).getAttribute('aria-activedescendant')).toBe(quotes?.options[0]?.id);
    const result = await axe.run(box(host), { resultTypes: ['violations'] });
    expect(result.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });

  it('choosing a quote found by "Reuters" selects the relation holding it, at that evidence item', async () => {
    const host = await openExplorer();
    await type(host, 'Reuters');
    const quotes = groups(host).find((g) => g.label.startsWith('Quotes'));
    const quote = quotes?.options[0];
    if (!quote) throw new Error('no quote found');
    expect(quote.querySelector('mark')?.textContent).toBe('Reuters');
    const chosen = new Promise<AgEventMap['ag-select']>((resolve) =>
      box(host).addEventListener('ag-select', (event) => resolve(event.detail), { once: true }),
    );
    await arrowTo(host, quote);
    await userEvent.keyboard('{Enter}');
    const detail = await chosen;
    await settle(host);
    const relation = shipped.relations.find((r) => r.evidence.some((e) => e.quote.includes('spoke to Reuters')));
    expect(detail).toMatchObject({ centre: true, moveFocus: true, evidenceIndex: 0 });
    expect(host.view.selection).toEqual({ kind: 'relation', id: relation?.id });
    expect(location.hash).toBe(`#relation=${relation?.id}`);
    // The query stays, so the next hit is a key away; the list is closed.
    expect(input(host).value).toBe('Reuters');
    expect(input(host).getAttribute('aria-expanded')).toBe('false');
  });

  it('"KH" finds Kataib Hezbollah first and "Kadhemi" Mustafa al-Kadhimi first', async () => {
    const host = await openExplorer();
    await type(host, 'KH');
    expect(words(groups(host)[0]?.options[0] ?? document.body)).toBe('Kataib Hezbollah (as “KH”)');
    await type(host, 'Kadhemi');
    const first = groups(host)[0]?.options[0];
    expect(first && words(first)).toBe('Mustafa al-Kadhimi');
    await userEvent.keyboard('{Enter}');
    await settle(host);
    expect(location.hash).toBe('#actor=kadhimi');
  });

  it('the graph marks what the query finds, and nothing once the box is emptied', async () => {
    const host = await openExplorer();
    const sent: AgEventMap['ag-search-hits'][] = [];
    box(host).addEventListener('ag-search-hits', (event) => sent.push(event.detail));
    await type(host, 'militia');
    const last = sent.at(-1);
    expect(last?.query).toBe('militia');
    const quoting = shipped.relations
      .filter((r) => r.evidence.some((e) => /\bmilitia/i.test(e.quote)))
      .map((r) => r.id);
    expect(last?.relationIds).toEqual(expect.arrayContaining(quoting));
    await expect
      .poll(() => graphView(host).searchHitIds())
      .toEqual({ actors: [...(last?.actorIds ?? [])].sort(), relations: [...(last?.relationIds ?? [])].sort() });
    // Escape closes the list and keeps the text, so the graph keeps its marks.
    await userEvent.keyboard('{Escape}');
    await settle(host);
    expect(input(host).getAttribute('aria-expanded')).toBe('false');
    expect(input(host).value).toBe('militia');
    expect(sent.at(-1)?.query).toBe('militia');
    await userEvent.clear(input(host));
    await settle(host);
    expect(sent.at(-1)).toEqual({ query: '', actorIds: [], relationIds: [] });
    await expect.poll(() => graphView(host).searchHitIds()).toEqual({ actors: [], relations: [] });
  });

  it('hostile text in a quote is shown as text, never as markup', async () => {
    const host = await openExplorer();
    const graph = JSON.parse(shippedText) as typeof shipped;
    const hostile = '<img src=x onerror="window.hacked=1"> a drone <b>bold</b>';
    const first = graph.relations[0];
    if (first?.evidence[0]) first.evidence[0].quote = hostile;
    expect(await openText(host, JSON.stringify(graph), 'hostile.json')).toBe(true);
    await host.graphDrawn;
    await type(host, 'onerror');
    const option = groups(host).find((g) => g.label.startsWith('Quotes'))?.options[0];
    expect(option?.querySelector('img, b')).toBeNull();
    expect(option?.querySelector('.excerpt')?.textContent).toContain('<img src=x onerror="window.hacked=1">');
    expect(option?.querySelector('mark')?.textContent).toBe('onerror');
    expect((window as { hacked?: number }).hacked).toBeUndefined();
  });
});
