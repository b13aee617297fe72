import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { EXAMPLE_TABS } from '../../src/graphiql/examples';
import { describeWithChromium, launchChromium, TEST_OUTPUT } from '../support/browser';
import { startTestServer, type TestServer } from '../support/server';

describeWithChromium('GraphiQL browser test')('GraphiQL in headless Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('renders, runs the first example tab (the interoperability matrix), and loads nothing from another host', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    const consoleErrors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });

    await page.goto(`${server.url}/graphiql/`);
    await page.locator('.graphiql-container').waitFor({ state: 'visible', timeout: 30_000 });
    await page
      .locator('.graphiql-query-editor .monaco-editor')
      .waitFor({ state: 'visible', timeout: 30_000 });
    expect(await page.title()).toBe('virtlens — GraphiQL');
    expect(await page.locator('.graphiql-tab').count()).toBe(EXAMPLE_TABS.length);

    await page.locator('button.graphiql-execute-button').click();
    // Runs in the page. Monaco renders spaces as non-breaking spaces: compare without any white space.
    await page.waitForFunction(
      `(document.querySelector('section.result-window .view-lines')?.textContent ?? '')
         .replace(/\\s+/g, '').includes('"state":"AVAILABLE"')`,
      undefined,
      { timeout: 30_000 },
    );

    fs.mkdirSync(TEST_OUTPUT, { recursive: true });
    await page.screenshot({ path: path.join(TEST_OUTPUT, 'graphiql.png') });
    await context.close();

    const origin = new URL(server.url).origin;
    const foreign = requested.filter((u) => !u.startsWith(`${origin}/`) && !/^(data|blob):/.test(u));
    expect(foreign).toEqual([]);
    expect(requested).toEqual(expect.arrayContaining([`${origin}/graphiql/`, `${origin}/graphql`]));
    expect(consoleErrors).toEqual([]);
  }, 90_000);
});
