import { expect, it } from 'vitest';
import '../../src/components/ag-app.ts';

it('opens on the shipped graph and lists Kadhimi among its actors', async () => {
  const app = document.createElement('ag-app');
  document.body.append(app);
  await app.updateComplete;
  const text = app.shadowRoot?.textContent ?? '';
  expect(text).toContain('Drone attack on Iraq');
  expect(text).toContain('Mustafa al-Kadhimi');
  app.remove();
});
