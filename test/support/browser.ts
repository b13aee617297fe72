import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { PROJECT_ROOT } from '../../src/config';

/** Debian's Chromium (`apt-get install chromium`); .ci/run installs it. Tools never download a browser. */
export const CHROMIUM = '/usr/bin/chromium';
/** Where browser tests save their screenshots. */
export const TEST_OUTPUT = path.join(PROJECT_ROOT, 'test-output');

/** `describe`, or `describe.skip` with a warning naming the suite when Chromium is missing. */
export function describeWithChromium(suite: string): jest.Describe {
  if (fs.existsSync(CHROMIUM)) return describe;
  console.warn(`${suite} skipped: no Chromium at ${CHROMIUM} (install it with apt-get install chromium).`);
  return describe.skip;
}

/** Headless Chromium without sandbox, GPU or any background network traffic of its own. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
