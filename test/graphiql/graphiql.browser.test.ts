import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { EXAMPLE_TABS } from '../../src/graphiql/examples';
import { describeWithChromium, launchChromium, TEST_OUTPUT } from '../support/browser';
import { startTestServer, type TestServer } from '../support/server';

/**
 * Waits until `expression` is true in the page. Polled from the test with `page.evaluate` (the DevTools protocol's
 * own evaluation) rather than `page.waitForFunction`, whose polling `eval`s a string predicate inside the page and
 * so is refused by the server's content security policy, which (rightly) has no 'unsafe-eval'.
 */
async function waitInPage(page: Page, expression: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await page.evaluate<boolean>(expression))) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for: ${expression}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

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

  it('renders with its name, runs the first example tab as it opens (asOf 2007-08-07), shows every tab with its variables, and loads nothing from another host', async () => {
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

    // The product's name and the ways to the reports and to the README's questions, in GraphiQL's logo slot.
    expect((await page.locator('.graphiql-logo').innerText()).replace(/\s+/g, ' ').trim()).toBe(
      'virtlens Reports Questions',
    );
    expect(
      await page.locator('.graphiql-logo a').evaluateAll((as) => as.map((a) => a.getAttribute('href'))),
    ).toEqual(['/reports', '/graphiql/docs.html#asking-questions']);

    // graphql/graphiql#3392: the first tab must open with its own variables, not an empty pane.
    const squash = (text: string) => text.replace(/\s+/g, '');
    const variablesPane = () =>
      page.evaluate<string>(`document.querySelector('.graphiql-editor-tool .view-lines')?.textContent ?? ''`);
    const firstVariables = EXAMPLE_TABS[0]?.variables ?? '';
    expect(squash(await variablesPane())).toBe(squash(firstVariables));

    // Run the first tab exactly as it opens: the answer is for its asOf, 2007-08-07, not for today.
    await page.locator('button.graphiql-execute-button').click();
    // Runs in the page. Monaco renders spaces as non-breaking spaces: compare without any white space.
    await waitInPage(
      page,
      `(document.querySelector('section.result-window .view-lines')?.textContent ?? '')
         .replace(/\\s+/g, '').includes('"asOf":"2007-08-07"')`,
      30_000,
    );

    // Every tab's title is shown in full, and the strip scrolls to the last tab rather than cutting it off.
    const tabs = await page.locator('.graphiql-tab').evaluateAll((elements) =>
      elements.map((element) => {
        const button = element.querySelector('button') ?? element;
        return { clipped: button.scrollWidth > button.clientWidth + 1 };
      }),
    );
    expect(tabs).toEqual(EXAMPLE_TABS.map(() => ({ clipped: false })));
    const strip = await page.evaluate<{ overflowX: string; fits: boolean }>(`(() => {
      const el = document.querySelector('.graphiql-tabs');
      return { overflowX: getComputedStyle(el).overflowX, fits: el.scrollWidth <= el.clientWidth };
    })()`);
    expect(strip.fits || strip.overflowX === 'auto').toBe(true);

    // Every other tab, once selected, shows its own variables.
    for (let i = 1; i < EXAMPLE_TABS.length; i++) {
      await page.locator('.graphiql-tab').nth(i).locator('button').first().click();
      const expected = squash(EXAMPLE_TABS[i]?.variables ?? '');
      await waitInPage(
        page,
        `(document.querySelector('.graphiql-editor-tool .view-lines')?.textContent ?? '').replace(/\\s+/g, '') === ${JSON.stringify(expected)}`,
        10_000,
      );
    }

    // The speedup tab, run as it opens, answers for its disk and network workloads on the path's release and
    // guest: emulated devices against Novell's VMDP, exactly what the same request answers outside the browser.
    const speedupTab = EXAMPLE_TABS.findIndex((tab) => /query PvSpeedup\b/.test(tab.query));
    await page.locator('.graphiql-tab').nth(speedupTab).locator('button').first().click();
    const answered = page.waitForResponse(
      (r) => r.url() === `${server.url}/graphql` && (r.request().postData() ?? '').includes('PvSpeedup'),
      { timeout: 30_000 },
    );
    await page.locator('button.graphiql-execute-button').click();
    const answer = (await (await answered).json()) as { data: { paravirtSpeedups: any[] }; errors?: unknown };
    const tab = EXAMPLE_TABS[speedupTab];
    const variables = JSON.parse(tab.variables!) as { workloads: string[] };
    expect(answer).toEqual((await server.graphql(tab.query, variables)).body);
    const rows = answer.data.paravirtSpeedups;
    expect(rows.map((r) => r.workload.slug)).toEqual(variables.workloads);
    expect(variables.workloads.some((w) => w.startsWith('disk-'))).toBe(true);
    expect(variables.workloads.some((w) => w.startsWith('net-'))).toBe(true);
    for (const row of rows) {
      expect(new Set(row.baseline.scenarios.map((s: any) => `${s.release.slug}`))).toEqual(
        new Set(['xen-3-0-4']),
      );
      expect(
        new Set(row.candidate.scenarios.map((s: any) => `${s.release.slug} ${s.driverPackage?.slug}`)),
      ).toEqual(new Set(['xen-3-0-4 novell-vmdp']));
    }
    for (const row of rows.filter((r) => r.workload.slug.startsWith('net-')))
      expect(row.speedupLower).toBeGreaterThan(2);
    await waitInPage(
      page,
      `(document.querySelector('section.result-window .view-lines')?.textContent ?? '')
         .replace(/\\s+/g, '').includes('"paravirtSpeedups":')`,
      30_000,
    );

    fs.mkdirSync(TEST_OUTPUT, { recursive: true });
    await page.screenshot({ path: path.join(TEST_OUTPUT, 'graphiql.png') });

    // The Questions link opens the README beside GraphiQL, at its questions, with nothing from another host.
    await page.locator('.graphiql-logo a', { hasText: 'Questions' }).click();
    await page.waitForURL(`${server.url}/graphiql/docs.html#asking-questions`);
    const questions = page.locator('h2#asking-questions');
    await questions.waitFor({ state: 'visible', timeout: 30_000 });
    expect(await questions.innerText()).toBe('Asking questions');
    expect(await page.title()).toBe('virtlens — README');
    expect(await page.locator('h2#asking-questions ~ table').first().innerText()).toContain(
      'paravirtPaths(guest, host, asOf)',
    );
    // Every link of the README's contents leads to a heading of the page.
    const anchors = await page
      .locator('a[href^="#"]')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(anchors.length).toBeGreaterThan(10);
    for (const anchor of anchors) expect(await page.locator(anchor).count()).toBe(1);
    await context.close();

    const origin = new URL(server.url).origin;
    const foreign = requested.filter((u) => !u.startsWith(`${origin}/`) && !/^(data|blob):/.test(u));
    expect(foreign).toEqual([]);
    expect(requested).toEqual(expect.arrayContaining([`${origin}/graphiql/`, `${origin}/graphql`]));
    expect(consoleErrors).toEqual([]);
  }, 90_000);
});
