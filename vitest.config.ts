import { playwright } from '@vitest/browser-playwright';
import { defineConfig, mergeConfig } from 'vitest/config';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './scripts/browser.ts';
import viteConfig from './vite.config.ts';

export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      projects: [
        {
          extends: true,
          test: {
            name: 'unit',
            environment: 'node',
            include: ['tests/model/**/*.test.ts', 'tests/scripts/**/*.test.ts'],
            // Some tests start a process (tsx, vite, Chromium): seconds on a busy 2-core machine.
            testTimeout: 30_000,
          },
        },
        {
          extends: true,
          test: {
            name: 'browser',
            include: ['tests/components/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
            testTimeout: 30_000,
            // A poll waits for a condition (a layout in the worker, a fit): on a busy 2-core machine that can take
            // seconds, more than the default 1 s. A condition met sooner ends the wait sooner.
            expect: { poll: { timeout: 15_000 } },
            browser: {
              enabled: true,
              headless: true,
              provider: playwright({ launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS } }),
              instances: [{ browser: 'chromium', viewport: { width: 1400, height: 900 } }],
            },
          },
        },
      ],
    },
  }),
);
