// Claims as the analyst weighs them: the claims view (who blamed whom, who
// denied it, on what evidence), the claim filters, and corroboration drawn in
// the graph, on the shipped graph in real Chromium.
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { AgClaimsView } from '../../src/components/ag-claims-view.ts';
import type { EvidenceItem } from '../../src/model/graph.ts';
import { buttonNamed, byId, canvas, deep, drawnIds, openExplorer, part, settle, shipped, text } from './support.ts';

const ATTACK = 'drone-attack-2021-11-07';
const KH_SUSPECTED = 'kataib-hezbollah-suspected-of-drone-attack';
const KH_DENIED = 'kataib-hezbollah-denied-drone-attack';

const claimsView = (host: HTMLElement) => deep<AgClaimsView>(host, 'ag-claims-view');
const publisherOf = (sourceId: string) => shipped.sources.find((s) => s.id === sourceId)?.publisher ?? sourceId;
/** Publishers of a relation's supporting evidence, counted by hand from the file. */
const independentSources = (evidence: EvidenceItem[]) =>
  new Set(evidence.filter((item) => item.stance !== 'contradicts').map((item) => publisherOf(item.source))).size;

async function until(condition: () => boolean, what: string): Promise<void> {
  const started = performance.now();
  while (!condition()) {
    if (performance.now() - started > 10_000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}

function threadNamed(host: HTMLElement, id: string): HTMLElement {
  const relation = shipped.relations.find((r) => r.id === id);
  const sections = [...(claimsView(host).shadowRoot?.querySelectorAll<HTMLElement>('section.thread') ?? [])];
  const label = (actorId: string) => shipped.actors.find((a) => a.id === actorId)?.label ?? '';
  const type = shipped.relationTypes.find((t) => t.id === relation?.type)?.label ?? '';
  const exact = sections.find((section) =>
    section.getAttribute('aria-label')?.startsWith(`${label(relation?.from ?? '')} — ${type} — `),
  );
  if (!exact) throw new Error(`no thread for ${id}`);
  return exact;
}

describe('the claims view', () => {
  it('opens from an actor’s panel, in the URL, each accusation beside the denials answering it', async () => {
    const host = await openExplorer(`#actor=${ATTACK}`);
    await userEvent.click(buttonNamed(part(host, 'ag-evidence-panel'), 'Claims about this'));
    await until(() => host.view.mode === 'claims', 'the claims view');
    await settle(host);
    await claimsView(host).updateComplete;
    expect(location.hash).toContain('view=claims');
    expect(location.hash).toContain(`about=${ATTACK}`);
    expect(graphHidden(host)).toBe(true);
    const heading = text(deep(host, 'ag-claims-view', 'h2'));
    expect(heading).toContain('Claims about Drone attack');

    const thread = threadNamed(host, KH_SUSPECTED);
    const asserted = text(thread.querySelector('.for') as HTMLElement);
    const against = text(thread.querySelector('.against') as HTMLElement);
    const suspicion = shipped.relations.find((r) => r.id === KH_SUSPECTED);
    const denial = shipped.relations.find((r) => r.id === KH_DENIED);
    // The accusation's quotes on the left, the denial's quote and its claimant on the right.
    for (const item of suspicion?.evidence.filter((e) => e.stance !== 'contradicts') ?? []) {
      expect(asserted).toContain(item.quote.replace(/\s+/g, ' ').slice(0, 40));
    }
    expect(against).toContain('Answered by');
    expect(against).toContain(denial?.evidence[0]?.quote.replace(/\s+/g, ' ').slice(0, 40));
    const claimantLink = [...thread.querySelectorAll<HTMLButtonElement>('.against button.link')].find(
      (button) => button.textContent?.trim() === 'Kataib Hezbollah',
    );
    expect(claimantLink).toBeDefined();
    // The denial is not also listed as a claim of its own.
    const threads = [...(claimsView(host).shadowRoot?.querySelectorAll('section.thread h3') ?? [])].map((h) =>
      text(h as HTMLElement),
    );
    expect(threads.some((heading) => heading.startsWith('Kataib Hezbollah — denied'))).toBe(false);
    expect(text(deep(host, 'ag-claims-view', '.disagreements'))).toContain('Where the sources disagree');

    // A claim's relation opens its evidence in the panel.
    await userEvent.click(thread.querySelector('h3 button') as HTMLElement);
    await until(() => host.view.selection?.id === KH_SUSPECTED, 'the suspicion selected');
  });

  it('a shared link opens on the claims; a claimant link moves the view to the claims about that actor', async () => {
    const host = await openExplorer(`#view=claims&about=${ATTACK}`);
    await claimsView(host).updateComplete;
    const thread = threadNamed(host, KH_SUSPECTED);
    const link = [...thread.querySelectorAll<HTMLButtonElement>('.against button.link')].find(
      (button) => button.textContent?.trim() === 'Kataib Hezbollah',
    );
    await userEvent.click(link as HTMLElement);
    await until(() => host.view.claimsAbout === 'kataib-hezbollah', 'claims about Kataib Hezbollah');
    await claimsView(host).updateComplete;
    expect(text(deep(host, 'ag-claims-view', 'h2'))).toBe('Claims about Kataib Hezbollah');
  });

  it('the filters apply: only Global Research leaves out the claims of International South Connect', async () => {
    const host = await openExplorer(`#view=claims&about=${ATTACK}&sources=global-research`);
    await claimsView(host).updateComplete;
    const shown = text(claimsView(host));
    const iscOnly = shipped.relations
      .filter((r) => r.from === ATTACK || r.to === ATTACK)
      .flatMap((r) => r.evidence)
      .filter((e) => e.source !== 'global-research');
    expect(iscOnly.length).toBeGreaterThan(0);
    // A relation resting only on the other source is not shown at all.
    const hidden = shipped.relations.filter(
      (r) => (r.from === ATTACK || r.to === ATTACK) && r.evidence.every((e) => e.source !== 'global-research'),
    );
    expect(hidden.length).toBeGreaterThan(0);
    for (const relation of hidden) {
      for (const item of relation.evidence) expect(shown).not.toContain(item.quote.replace(/\s+/g, ' '));
    }
    // And what Global Research says is.
    const kept = shipped.relations.find((r) => r.id === KH_SUSPECTED)?.evidence[0]?.quote ?? '';
    expect(shown).toContain(kept.replace(/\s+/g, ' ').slice(0, 40));
  });

  it('exports as CSV (one row per claim) and as an SVG that stands alone', async () => {
    const host = await openExplorer(`#view=claims&about=${ATTACK}`);
    await claimsView(host).updateComplete;
    const claims = claimsView(host);
    const csv = host.exportClaimsCsv() ?? '';
    const rows = csv.split('\r\n');
    expect(rows[0]).toBe(
      'thread,side,relation,stance,claimant,attributedTo,quote,source,publisher,url,' +
        'reliability,credibility,date,relationId',
    );
    // Quotes may hold line breaks inside quoted cells, so count the relation ids at the end of each row instead.
    const relationIds = new Set(shipped.relations.map((r) => r.id));
    const rowEnds = rows.slice(1).filter((row) => relationIds.has(row.split(',').at(-1) ?? ''));
    expect(rowEnds.length).toBe(claims.claims?.claimCount);
    const svg = await host.exportClaims('svg');
    const drawnText = svg?.text ?? '';
    expect(drawnText).toContain('Claims about Drone attack');
    expect(drawnText).toContain('Answered by: Kataib Hezbollah');
    expect(drawnText).toContain('Where the sources disagree');
    expect(drawnText).toContain('Sources cited');
    expect(drawnText).toContain('not that what it says is true');
    const png = await host.exportClaims('png');
    const image = await createImageBitmap(png?.blob as Blob);
    expect(image.width).toBe(2400);
    expect(image.height).toBeGreaterThan(1000);
  });
});

describe('corroboration in the graph and the claim filters', () => {
  it('two independent sources draw thicker than one D-graded source, which fades', async () => {
    const host = await openExplorer();
    const edges = byId((await canvas(host)).edges);
    const corroborated = shipped.relations.filter((r) => independentSources(r.evidence) >= 2);
    const single = shipped.relations.filter((r) => independentSources(r.evidence) === 1);
    expect(corroborated.length).toBeGreaterThan(0);
    expect(single.length).toBeGreaterThan(0);
    const thickOne = corroborated.find(
      (r) => shipped.relationTypes.find((t) => t.id === r.type)?.family !== 'violence',
    );
    const thinOne = single.find((r) => r.type === thickOne?.type) ?? single[0];
    const thick = edges.get(thickOne?.id ?? '');
    const thin = edges.get(thinOne?.id ?? '');
    expect(thick?.width).toBeGreaterThan((thin?.width ?? 0) * 1.5);
    // Both sources are graded D: a single one is weak, and drawn faded.
    expect(thin?.opacity).toBeLessThan(0.7);
    expect(thick?.opacity).toBe(1);
  });

  it('"at least 2 independent sources" keeps exactly the relations two publishers support', async () => {
    const host = await openExplorer();
    const select = deep<HTMLSelectElement>(host, 'ag-filter-panel', '#min-sources');
    await userEvent.selectOptions(select, '2');
    await settle(host);
    const expected = shipped.relations.filter((r) => independentSources(r.evidence) >= 2).map((r) => r.id);
    expect((await drawnIds(host)).relations).toEqual(expected.sort());
    expect(location.hash).toContain('minSources=2');
  });

  it('"claims made by" keeps the relations with a claim by that actor', async () => {
    const host = await openExplorer();
    const select = deep<HTMLSelectElement>(host, 'ag-filter-panel', '#claims-by');
    await userEvent.selectOptions(select, 'actor:kataib-hezbollah');
    await settle(host);
    const expected = shipped.relations
      .filter((r) => r.evidence.some((item) => item.claimant === 'kataib-hezbollah'))
      .map((r) => r.id);
    expect(expected).toContain(KH_DENIED);
    expect((await drawnIds(host)).relations).toEqual(expected.sort());
  });

  it('the relation panel gives its corroboration and answers, and sets contradicting evidence apart', async () => {
    const host = await openExplorer('#relation=asaib-ahl-al-haq-suspected-of-drone-attack');
    const panel = part(host, 'ag-evidence-panel');
    await settle(host);
    const shown = text(panel);
    expect(shown).toMatch(/1 source, \d claimants?, 1 contradicting/);
    expect(shown).toContain('Contradicting evidence (1)');
    expect(shown).toContain('Contradicts this');
    expect(shown).toContain('not that what it says is true');
    const denial = await openExplorer(`#relation=${KH_SUSPECTED}`);
    expect(text(part(denial, 'ag-evidence-panel'))).toContain('Answered by:');
  });
});

function graphHidden(host: HTMLElement): boolean {
  return deep(host, 'ag-graph-view').hasAttribute('hidden');
}
