import { BrowserContext, Locator, Page } from 'playwright-core';
import { BrowserApp, openPage, screenshot, signInAs, startBrowserApp } from 'test/utils/chromium';
import { TestApp } from 'test/utils/create-test-app';

// Drill-down from the dashboard and the report preview in a real browser (Debian's Chromium through
// playwright-core) on the demo data: every figure, bar and row is a link to the task list behind it,
// and that list's total is the figure; a leader chosen on the dashboard scopes every figure.
// Screenshots go to test-artifacts/screenshots/, and with UPDATE_DOC_IMAGES=1 to docs/images/.

const PASSWORD = 'nhiemvu-demo';

jest.setTimeout(180_000);

interface LinkCheck {
  href: string;
  figure: string;
  shown: number;
  listed: number;
}

/**
 * In the page: every link to the task list under `selector` that names its figure (data-value, or a
 * stat card's value), with the total of the list it opens — asked as the list page asks
 * (task-filters.js turns the link into the GET /api/tasks query).
 */
async function checkLinks(page: Page, selector: string): Promise<LinkCheck[]> {
  // Browser code, as a string: the test project compiles without the DOM types.
  return page.evaluate<LinkCheck[]>(`(async (sel) => {
    const [{ api }, { apiQueryOf }] = await Promise.all([import('/app/js/api.js'), import('/app/js/task-filters.js')]);
    const links = [...document.querySelectorAll(sel)].filter((a) => (a.getAttribute('href') ?? '').startsWith('/app/tasks?'));
    const out = [];
    for (const a of links) {
      const href = a.getAttribute('href');
      const params = new URL(href, location.href).searchParams;
      if (params.get('tab')) continue;
      const stat = a.querySelector('.stat-value')?.textContent;
      const raw = a.getAttribute('data-value') ?? (stat ? stat.split('/')[0].replace(/\\D/g, '') : null);
      if (raw === null) continue;
      const { total } = await api.get('/tasks', { ...apiQueryOf(params), limit: 1 });
      out.push({ href, figure: a.getAttribute('data-figure') ?? a.querySelector('.stat-label')?.textContent ?? '', shown: Number(raw), listed: total });
    }
    return out;
  })(${JSON.stringify(selector)})`);
}

/** The list page's total ("N nhiệm vụ" under its title). */
async function listTotal(page: Page): Promise<number> {
  const sub = page.locator('main .page-header .subtitle').first();
  await sub.waitFor();
  const m = /([\d.]+) nhiệm vụ/.exec(await sub.innerText());
  if (!m) throw new Error(`no total in "${await sub.innerText()}"`);
  return Number(m[1].replace(/\./g, ''));
}

describe('drill-down from the dashboard and the report preview (e2e, headless Chromium)', () => {
  let t: TestApp;
  let context: BrowserContext;
  let browserApp: BrowserApp;
  let base: string;
  const pageErrors: string[] = [];

  const newPage = () => openPage(context, pageErrors);
  const signIn = (page: Page, email: string) => signInAs(page, base, email, PASSWORD);
  const shot = screenshot;

  /** Clicks `link` and compares the total of the list it lands on with the figure it showed. */
  async function clickAndCompare(page: Page, link: Locator): Promise<number> {
    const shown = Number(await link.getAttribute('data-value'));
    const href = (await link.getAttribute('href'))!;
    await link.click();
    await page.waitForURL((u) => u.pathname === '/app/tasks' && u.search === new URL(href, base).search);
    await page.locator('#task-list').waitFor();
    expect(await listTotal(page)).toBe(shown);
    return shown;
  }

  beforeAll(async () => {
    browserApp = await startBrowserApp({ workers: false, seed: true });
    ({ t, context, base } = browserApp);
  });

  afterAll(() => browserApp?.close());

  it('should link every figure, bar and row of the dashboard to a list whose total is the figure, and land there on a click', async () => {
    const page = await newPage();
    await signIn(page, 'chutich@nhiemvu.example');
    await page.goto(`${base}/app/dashboard`);
    await page.locator('#year-totals .year-tasks a[data-figure="total"]').waitFor();

    const checked = await checkLinks(page, 'main a');
    const figures = new Set(checked.map((c) => c.figure));
    // The year's totals of Phụ lục II and I, the trend's bars and table, the agency bars, segments and table.
    for (const f of ['total', 'carriedOver', 'assignedInPeriod', 'done', 'doneOnTime', 'doneLate', 'open', 'openInTime', 'openOverdue', 'initial', 'submitted', 'notSubmitted']) expect(figures).toContain(f);
    expect(checked.filter((c) => c.href.includes('notDoneBefore')).length).toBeGreaterThan(40);
    expect(await page.locator('#trend-chart svg a.trend-link').count()).toBeGreaterThan(0);
    expect(checked.filter((c) => c.shown !== c.listed)).toEqual([]);

    await shot(page, '27-dashboard-trend', 'dashboard-trend.png');

    // A trend bar: the month's overdue tasks (or the first bar there is).
    const bar = page.locator('#trend-chart svg a.trend-link[data-figure="openOverdue"]').last();
    const barLink = (await bar.count()) ? bar : page.locator('#trend-chart svg a.trend-link').first();
    const barValue = await clickAndCompare(page, barLink);
    expect(barValue).toBeGreaterThan(0);
    const params = new URL(page.url()).searchParams;
    expect(params.get('kind')).toBe('task');
    expect(params.get('notDoneBefore')).toMatch(/^\d{4}-\d{2}-01$/);
    await page.locator('#task-list tbody tr').first().waitFor();
    await shot(page, '28-drilldown-trend-list', 'drilldown-trend-list.png');

    // A year-total cell of Phụ lục II: done on time.
    await page.goBack();
    await page.locator('#year-totals .year-tasks a[data-figure="doneOnTime"]').waitFor();
    expect(await clickAndCompare(page, page.locator('#year-totals .year-tasks a[data-figure="doneOnTime"]'))).toBeGreaterThan(0);
    expect(new URL(page.url()).searchParams.get('timeliness')).toBe('on_time');
    await page.close();
  });

  it('should scope every figure of the dashboard to the leader chosen, each matching the list filtered by that leader', async () => {
    const page = await newPage();
    await signIn(page, 'chutich@nhiemvu.example');
    const leaders = (await t.http.get('/api/tasks/leaders').set({ Authorization: `Bearer ${await t.login()}` }).expect(200)).body.items as string[];
    expect(leaders.length).toBeGreaterThanOrEqual(2);
    const yearTotals: Record<string, string[]> = {};
    for (const leader of [leaders[0], leaders[1]]) {
      await page.goto(`${base}/app/dashboard`);
      await page.locator('#period-form').getByLabel('Lãnh đạo phụ trách').selectOption(leader);
      await page.locator('#period-form').getByRole('button', { name: 'Xem' }).click();
      await page.locator('#now-title', { hasText: `nhiệm vụ do ${leader} phụ trách` }).waitFor();
      await page.locator('#year-totals .year-tasks a[data-figure="total"]').waitFor();
      const checked = await checkLinks(page, 'main a');
      expect(checked.length).toBeGreaterThan(20);
      // Every figure's list carries the leader: the live ones, the year's, the trend's, the agencies'.
      expect(checked.filter((c) => new URL(c.href, base).searchParams.get('leaderInCharge') !== leader)).toEqual([]);
      expect(checked.filter((c) => c.shown !== c.listed)).toEqual([]);
      yearTotals[leader] = await page.locator('#year-totals td').allInnerTexts();
      if (leader === leaders[0]) await shot(page, '29-dashboard-leader', 'dashboard-leader.png');
    }
    expect(yearTotals[leaders[0]]).not.toEqual(yearTotals[leaders[1]]);
    await page.close();
  });

  it("should link an agency user's figures (the year, the trend, their bar) to the filtered list of their own agency", async () => {
    const page = await newPage();
    await signIn(page, 'hangntt.stc@nhiemvu.example');
    await page.goto(`${base}/app/dashboard`);
    await page.locator('#year-totals .year-tasks a[data-figure="total"]').waitFor();
    const checked = await checkLinks(page, 'main a');
    expect(checked.length).toBeGreaterThan(10);
    const me = (await t.http.get('/api/me').set({ Authorization: `Bearer ${await t.login('hangntt.stc@nhiemvu.example', PASSWORD)}` }).expect(200)).body as { agencyId: number };
    expect(checked.filter((c) => new URL(c.href, base).searchParams.get('agencyId') !== String(me.agencyId))).toEqual([]);
    expect(checked.filter((c) => c.shown !== c.listed)).toEqual([]);
    // Their live figures still open their tabs.
    expect(await page.locator('#live-stats a.stat[href^="/app/tasks?tab="]').count()).toBe(4);
    const total = await clickAndCompare(page, page.locator('#year-totals .year-tasks a[data-figure="total"]'));
    expect(total).toBeGreaterThan(0);
    await page.locator('#task-filters').waitFor();
    await page.close();
  });

  it('should link every count of the report preview (Phụ lục I and II, per agency and total) to its list', async () => {
    const page = await newPage();
    await signIn(page, 'vanphong@nhiemvu.example');
    await page.goto(`${base}/app/reports`);
    await page.locator('#report-kind').selectOption('Y');
    await page.locator('#report-form').getByLabel('Năm').fill(String(new Date().getUTCFullYear()));
    await page.locator('#report-preview').click();
    await page.locator('#appendix-preview a[data-figure]').first().waitFor();
    const checked = await checkLinks(page, '#appendix-preview a');
    expect(checked.length).toBeGreaterThan(30);
    expect(new Set(checked.map((c) => c.figure))).toEqual(
      new Set(['initial', 'added', 'withdrawnOrDeferred', 'total', 'submitted', 'issued', 'notSubmitted', 'carriedOver', 'assignedInPeriod', 'done', 'doneOnTime', 'doneLate', 'open', 'openInTime', 'openOverdue']),
    );
    expect(checked.filter((c) => c.shown !== c.listed)).toEqual([]);
    await shot(page, '30-report-preview-drilldown', 'report-preview-drilldown.png', page.locator('#appendix-preview'));
    await clickAndCompare(page, page.locator('#preview-p2 tr.total-row a[data-figure="done"]'));
    await page.close();
  });

  it('should have thrown no script error', () => {
    expect(pageErrors).toEqual([]);
  });
});
