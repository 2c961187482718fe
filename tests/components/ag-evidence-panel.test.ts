// The evidence panel on its own: what an analyst reads for an actor and a relation.
import { afterEach, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { AgEvidencePanel } from '../../src/components/ag-evidence-panel.ts';
import '../../src/components/ag-evidence-panel.ts';
import shippedGraphText from '../../graph/kadhimi-2021.json?raw';
import type { AgEvent } from '../../src/components/events.ts';
import { DEFAULT_FILTERS } from '../../src/model/filter.ts';
import type { Graph } from '../../src/model/graph.ts';
import { indexGraph } from '../../src/model/queries.ts';
import { parseGraph } from '../../src/model/validate.ts';

const parsed = parseGraph(shippedGraphText);
if (!parsed.ok) throw new Error('the shipped graph does not parse');
const graph: Graph = parsed.graph;
let panel: AgEvidencePanel | null = null;

async function showPanel(
  selection: AgEvidencePanel['selection'],
  filters = DEFAULT_FILTERS,
  source = graph,
): Promise<AgEvidencePanel> {
  panel = document.createElement('ag-evidence-panel');
  panel.graph = source;
  panel.index = indexGraph(source);
  panel.selection = selection;
  panel.filters = filters;
  document.body.append(panel);
  await panel.updateComplete;
  return panel;
}
const textOf = (element: Element) => element.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '';

afterEach(() => panel?.remove());

it('an actor shows its aliases, its evidence and its relations grouped by direction', async () => {
  const shown = await showPanel({ kind: 'actor', id: 'kadhimi' });
  const headings = [...(shown.shadowRoot?.querySelectorAll('h4') ?? [])].map((h) => h.textContent?.trim());
  // Counted from the shipped graph: one heading per type and direction, with its number of relations.
  const into = (type: string) => graph.relations.filter((r) => r.to === 'kadhimi' && r.type === type).length;
  const outOf = (type: string) => graph.relations.filter((r) => r.from === 'kadhimi' && r.type === type).length;
  expect(into('threatened')).toBeGreaterThan(1);
  expect(outOf('leads')).toBeGreaterThan(1);
  expect(headings).toContain(`accused by (${into('accused')})`);
  expect(headings).toContain(`threatened by (${into('threatened')})`);
  expect(headings).toContain(`leads (${outOf('leads')})`);
  expect(textOf(shown)).toContain('Also written: Mustafa Al-Kadhimi');
  expect(textOf(shown)).toContain('Claim made by:');
});

it('a disputed fact shows both versions and a "Sources disagree" note', async () => {
  const shown = await showPanel({ kind: 'actor', id: 'green-zone-clashes-2021-11-05' });
  expect(textOf(shown)).toContain('Sources disagree');
  expect(textOf(shown)).toContain('125 people injured and 2 people dead');
  expect(textOf(shown)).toContain('at least one protester was killed, with a further 120 injured');
});

it('evidence outside the current filters is marked, not hidden', async () => {
  const shown = await showPanel(
    { kind: 'relation', id: 'drone-attack-targeted-kadhimi' },
    { ...DEFAULT_FILTERS, onlySources: ['global-research'] },
  );
  const items = [...(shown.shadowRoot?.querySelectorAll('.evidence') ?? [])];
  const outside = items.filter((item) => item.textContent?.includes('outside the current filters'));
  expect(outside.length).toBe(
    graph.relations
      .find((r) => r.id === 'drone-attack-targeted-kadhimi')
      ?.evidence.filter((e) => e.source !== 'global-research').length,
  );
  expect(outside.length).toBeGreaterThan(0);
  expect(outside.length).toBeLessThan(items.length);
});

it('clicking an actor name in a relation asks to select and centre it, and to read it from its heading', async () => {
  const shown = await showPanel({ kind: 'relation', id: 'qaani-met-kadhimi' });
  const selected = new Promise<AgEvent<'ag-select'>['detail']>((resolve) =>
    shown.addEventListener('ag-select', (e) => resolve(e.detail), { once: true }),
  );
  const qaani = [...(shown.shadowRoot?.querySelectorAll('h2 button') ?? [])].find(
    (b) => b.textContent?.trim() === 'Esmail Qaani',
  ) as HTMLElement;
  await userEvent.click(qaani);
  expect(await selected).toEqual({ selection: { kind: 'actor', id: 'qaani' }, centre: true, moveFocus: true });
});

it('only an http(s) source URL becomes a link', async () => {
  const withUrls: Graph = {
    ...graph,
    sources: graph.sources.map((s, i) => ({ ...s, url: i === 0 ? 'https://example.org/isc' : 'ftp://example.org/gr' })),
  };
  const shown = await showPanel(null, DEFAULT_FILTERS, withUrls);
  const links = [...(shown.shadowRoot?.querySelectorAll('a') ?? [])].map((a) => a.getAttribute('href'));
  expect(links).toEqual(['https://example.org/isc']);
  expect(textOf(shown)).toContain(graph.sources[1]?.title ?? '-');
});
