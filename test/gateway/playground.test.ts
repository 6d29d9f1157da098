import ExcelJS from 'exceljs';
import { chromium, type Browser } from 'playwright-core';
import { startTestHub, type TestHub } from '../support/hub';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * The playground in a real headless Chromium: it must load and run a query with every request
 * going to the hub itself (government networks are often closed).
 */
describe('the playground', () => {
  let hub: TestHub;
  let browser: Browser;

  beforeAll(async () => {
    hub = await startTestHub('sqlite', 'playground');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.close();
  });

  it('loads from the hub alone and runs a query with the token from the page fragment', async () => {
    const page = await browser.newPage();
    const origins = new Set<string>();
    const failures: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.protocol.startsWith('http')) origins.add(url.origin);
    });
    page.on('requestfailed', (request) => failures.push(request.url()));
    page.on('pageerror', (error) => failures.push(error.message));

    const token = await hub.token('905', ['OFFICER']);
    await page.goto(`${hub.gatewayUrl}/playground#token=${token}`);
    await page.waitForSelector('.graphiql-container', { timeout: 30_000 });
    await page.click('.graphiql-execute-button');
    await page.locator('.result-window', { hasText: 'Kiên Giang' }).waitFor({ timeout: 30_000 });
    const result = await page.textContent('.result-window');
    // The token reached the headers editor and the query ran as that official.
    expect(result).toContain('"code": "905"');
    expect(result).toContain('Châu Thành');
    await page.screenshot({ path: `${process.env.HUB_DATA_DIR}/playground.png` });

    expect([...origins]).toEqual([hub.gatewayUrl]);
    expect(failures).toEqual([]);
  });

  it("offers the current operation's answer as a spreadsheet: the XLSX button downloads it with the page's token", async () => {
    const page = await browser.newPage();
    const failures: string[] = [];
    page.on('pageerror', (error) => failures.push(error.message));
    page.on('dialog', (dialog) => {
      failures.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(`${hub.gatewayUrl}/playground#token=${await hub.token('62', ['VIEWER'])}`);
    await page.waitForSelector('.graphiql-container', { timeout: 30_000 });
    const query = 'query KonTumDashboard { unit(code: "62") { name dossierStats(from: "2023-01-01", to: "2023-10-31") { received } } }';
    await page.evaluate((text) => (globalThis as any).document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror.setValue(text), query);
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click('.hub-export-xlsx')]);
    expect(download.suggestedFilename()).toBe('KonTumDashboard.xlsx');
    const file = `${process.env.HUB_DATA_DIR}/playground-export.xlsx`;
    await download.saveAs(file);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const summary = workbook.getWorksheet('Summary')!;
    expect(summary.getRow(2).values).toEqual([undefined, 'unit.name', 'Kon Tum']);
    expect(summary.getCell('B3').value).toBe(199352);
    expect(failures).toEqual([]);
  });

  it('sends a Content-Security-Policy that allows only the hub itself', async () => {
    const response = await fetch(`${hub.gatewayUrl}/playground`);
    expect(response.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    const html = await response.text();
    expect(html).not.toMatch(/https?:\/\//);
  });
});
