// The XLSX layer in Chromium through Vite: exceljs's browser build loads on
// first use, and a workbook written and read back needs no eval under the
// explorer's script policy (the same script-src, set on this test page).
import { expect, it } from 'vitest';
import { readXlsx, writeXlsx } from '../../src/io/xlsx.ts';
import type { Sheet } from '../../src/model/sheet.ts';

it('an analyst exports sheets to XLSX and opens them again in the browser, with no eval needed', async () => {
  const violations: string[] = [];
  const onViolation = (event: SecurityPolicyViolationEvent) => {
    violations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
  };
  // Forbids eval and new Function from here on, as the built explorer's policy does ('unsafe-inline' only
  // because the test runner's own page needs it; no 'unsafe-eval').
  const policy = document.createElement('meta');
  policy.httpEquiv = 'Content-Security-Policy';
  policy.content = "script-src 'self' 'unsafe-inline'";
  document.head.append(policy);
  expect(() => new Function('return 1')).toThrow();
  // That refusal is reported as a violation too, after a task: listen from then on.
  await new Promise((resolve) => setTimeout(resolve, 50));
  document.addEventListener('securitypolicyviolation', onViolation);

  const sheets: Sheet[] = [
    {
      name: 'actors',
      rows: [
        ['id', 'label'],
        ['007', '=1+1'],
        ['qaani', 'Qaani\nقاآنی'],
      ],
    },
    { name: 'a/b', rows: [['from', 'to']] },
  ];
  const bytes = await writeXlsx(sheets);
  const started = performance.now();
  const result = await readXlsx(bytes.buffer as ArrayBuffer);
  console.log(`read in Chromium: ${(performance.now() - started).toFixed(0)} ms`);
  expect(result).toEqual({ ok: true, sheets: [sheets[0], { name: 'a_b', rows: [['from', 'to']] }], warnings: [] });
  expect(await readXlsx(new TextEncoder().encode('id,label\n'))).toMatchObject({ ok: false });
  document.removeEventListener('securitypolicyviolation', onViolation);
  expect(violations).toEqual([]);
});
