import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { REPORTS } from '../../src/reports/definitions/index';
import { describeWithChromium, launchChromium, TEST_OUTPUT } from '../support/browser';
import { startTestServer, type TestServer } from '../support/server';
import { parseSvg, textLines } from './svg';

describeWithChromium('Reports browser test')('/reports in headless Chromium', () => {
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

  it('shows every report with its chart drawn, its table and its downloads, loading nothing from another host', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));

    const res = await page.goto(`${server.url}/reports`, { waitUntil: 'load' });
    expect(res?.status()).toBe(200);
    expect(await page.title()).toBe('virtlens reports');
    expect(await page.locator('section h2').allTextContents()).toEqual(REPORTS.map((d) => d.title));

    // Every chart image loaded and decoded to a real picture.
    const charts = page.locator('img.chart');
    expect(await charts.count()).toBe(REPORTS.length);
    const sizes = await charts.evaluateAll((imgs) =>
      imgs.map((element) => {
        const img = element as unknown as { complete: boolean; naturalWidth: number };
        return { complete: img.complete, width: img.naturalWidth };
      }),
    );
    for (const size of sizes) expect(size).toEqual({ complete: true, width: expect.any(Number) as number });
    expect(Math.min(...sizes.map((s) => s.width))).toBeGreaterThan(200);

    expect(await page.locator('section table').count()).toBe(REPORTS.length);
    expect(await page.locator('section table tbody tr').count()).toBeGreaterThan(REPORTS.length * 2);
    const csvLink = page.locator('#pv-speedup a', { hasText: 'CSV' });
    expect(await csvLink.getAttribute('href')).toBe('/reports/pv-speedup.csv');

    const origin = new URL(server.url).origin;
    expect(requested.filter((u) => !u.startsWith(origin))).toEqual([]);

    fs.mkdirSync(TEST_OUTPUT, { recursive: true });
    await page.screenshot({ path: path.join(TEST_OUTPUT, 'reports.png'), fullPage: true });
    await context.close();
  }, 60_000);

  it('draws every chart with its labels in full (no truncated text), each saved as a screenshot', async () => {
    for (const { name } of REPORTS) {
      const svg = await (await fetch(`${server.url}/reports/${name}.svg`)).text();
      const texts = textLines(parseSvg(svg));
      expect(texts.length).toBeGreaterThan(4);
      // Vega ends a label cut at its limit with an ellipsis.
      expect({ name, truncated: texts.filter((t) => t.includes('…')) }).toEqual({ name, truncated: [] });
    }

    // At 800 px the charts keep their own size (the box scrolls) instead of shrinking their text.
    const context = await browser.newContext({ viewport: { width: 800, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/reports`, { waitUntil: 'load' });
    fs.mkdirSync(TEST_OUTPUT, { recursive: true });
    for (const { name } of REPORTS) {
      const chart = page.locator(`#${name} img.chart`);
      const { natural, shown } = await chart.evaluate((element) => {
        const img = element as unknown as { naturalWidth: number; width: number };
        return { natural: img.naturalWidth, shown: img.width };
      });
      expect({ name, shown }).toEqual({ name, shown: natural });
      await page.locator(`#${name}`).screenshot({ path: path.join(TEST_OUTPUT, `report-${name}.png`) });
    }
    await context.close();
  }, 120_000);
});
