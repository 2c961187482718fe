// Every control reachable and named: axe-core checks the running explorer,
// shadow roots included, in the graph view and in the table view.
import axe from 'axe-core';
import { afterEach, expect, it } from 'vitest';
import '../../src/styles/page.css';
import type { AgApp } from '../../src/components/ag-app.ts';
import '../../src/main.ts';

let app: AgApp | null = null;
afterEach(() => {
  app?.remove();
  history.replaceState(null, '', location.pathname + location.search);
});

async function violations(): Promise<string[]> {
  const result = await axe.run(document, { resultTypes: ['violations'] });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`);
}

it('has no serious accessibility violations with an actor selected', async () => {
  history.replaceState(null, '', `${location.pathname}${location.search}#actor=kadhimi`);
  app = document.createElement('ag-app');
  document.body.append(app);
  await app.graphDrawn;
  expect(await violations()).toEqual([]);
});

it('has no serious accessibility violations in the table view', async () => {
  history.replaceState(null, '', `${location.pathname}${location.search}#view=table&relation=qaani-met-kadhimi`);
  app = document.createElement('ag-app');
  document.body.append(app);
  await app.graphDrawn;
  expect(await violations()).toEqual([]);
});

it('has no serious accessibility violations in the claims view, a relation selected', async () => {
  const hash = '#view=claims&about=drone-attack-2021-11-07&relation=kataib-hezbollah-suspected-of-drone-attack';
  history.replaceState(null, '', `${location.pathname}${location.search}${hash}`);
  app = document.createElement('ag-app');
  document.body.append(app);
  await app.graphDrawn;
  await app.updateComplete;
  expect(
    app.shadowRoot?.querySelector('ag-claims-view')?.shadowRoot?.querySelectorAll('section.thread').length,
  ).toBeGreaterThan(3);
  expect(await violations()).toEqual([]);
});

it('has no serious accessibility violations in Edit mode, with a new relation’s form open', async () => {
  history.replaceState(null, '', `${location.pathname}${location.search}#actor=qaani`);
  app = document.createElement('ag-app');
  document.body.append(app);
  await app.graphDrawn;
  const toolbarButtons = [...(app.shadowRoot?.querySelectorAll('header button') ?? [])];
  (toolbarButtons.find((button) => button.textContent?.trim() === 'Edit') as HTMLButtonElement).click();
  await app.updateComplete;
  const panel = app.shadowRoot?.querySelector('ag-editor-panel');
  await panel?.updateComplete;
  const connect = panel?.shadowRoot?.querySelector<HTMLSelectElement>('#connect-to');
  if (!connect || !panel) throw new Error('no "Connect … to" in the editor');
  connect.value = 'kadhimi';
  connect.dispatchEvent(new Event('change'));
  await panel.updateComplete;
  const buttons = [...(panel.shadowRoot?.querySelectorAll('button') ?? [])];
  (buttons.find((button) => button.textContent?.trim() === 'Connect…') as HTMLButtonElement).click();
  await app.updateComplete;
  await panel.updateComplete;
  const form = panel.shadowRoot?.querySelector('ag-relation-form');
  await form?.updateComplete;
  expect(form?.shadowRoot?.querySelector('ag-evidence-fields')).not.toBeNull();
  expect(await violations()).toEqual([]);
});

it('has no serious accessibility violations with paths listed and one highlighted', async () => {
  history.replaceState(null, '', `${location.pathname}${location.search}#pathFrom=khazali&pathTo=qaani&path=2`);
  app = document.createElement('ag-app');
  document.body.append(app);
  await app.graphDrawn;
  await app.updateComplete;
  const panel = app.shadowRoot?.querySelector('ag-paths-panel');
  await panel?.updateComplete;
  expect(panel?.shadowRoot?.querySelectorAll('li.path').length).toBe(5);
  panel?.shadowRoot?.querySelector('details')?.setAttribute('open', '');
  expect(await violations()).toEqual([]);
});
