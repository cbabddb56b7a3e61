import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BrowserContext, Locator, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { MailMessage } from 'src/modules/mail/mail-message.entity';
import { MailKind } from 'src/modules/mail/mail.enums';
import { RemindersService } from 'src/modules/reminders/reminders.service';
import { SessionsService } from 'src/modules/auth/sessions.service';
import { Task } from 'src/modules/tasks/task.entity';
import { toPdf, toScan } from 'test/fixtures/documents/render';
import { TestApp } from 'test/utils/create-test-app';
import { waitFor } from 'test/utils/spawn-process';
import { BrowserApp, openPage, screenshot, signInAs, startBrowserApp } from 'test/utils/chromium';

// The web UI in a real browser: Debian's Chromium (/usr/bin/chromium) driven by playwright-core,
// against the whole app with the demo data. Screenshots of the main pages go to
// test-artifacts/screenshots/; with UPDATE_DOC_IMAGES=1 the three of issue #7 are also copied to
// docs/images/ (a normal run never rewrites tracked files).

const PASSWORD = 'nhiemvu-demo';
const AGENCY_USER = 'hangntt.stc@nhiemvu.example';
const OFFICE_USER = 'vanphong@nhiemvu.example';
const LEADER_USER = 'chutich@nhiemvu.example';
const ROOT = join(__dirname, '..', '..');

jest.setTimeout(180_000);

interface TaskJson {
  id: number;
  title: string;
  kind: string;
  status: string;
  version: number;
  leadAgencyId: number;
  dueDate: string | null;
  coordinatingAgencies: { id: number }[];
}

/** A program spreadsheet in the template's columns; `lead` of the second item is what the test varies. */
async function programSheet(lead: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Chương trình công tác');
  ws.addRows([
    ['TT', 'Nội dung', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời hạn', 'Lãnh đạo phụ trách', 'Hình thức văn bản', 'Cấp trình', 'Văn bản giao nhiệm vụ', 'Ghi chú'],
    ['I', 'LĨNH VỰC KINH TẾ'],
    ['1', 'Kế hoạch phát triển kinh tế ban đêm giai đoạn 2027–2030', 'Sở Tài chính', 'Sở Công Thương; Sở Xây dựng', 'Quý I/2027', 'Chủ tịch UBND tỉnh', 'Kế hoạch', 'UBND tỉnh', 'Thông báo số 12/TB-UBND ngày 05/01/2026 của UBND tỉnh', null],
    ['2', 'Đề án phát triển du lịch cộng đồng gắn với văn hóa các dân tộc', lead, 'Sở Tài chính', 'Tháng 12/2026', null, 'Đề án', 'HĐND tỉnh', null, null],
    ['II', 'LĨNH VỰC XÃ HỘI'],
    ['1', 'Rà soát, cập nhật danh sách hộ nghèo, hộ cận nghèo năm 2026', 'Sở Y tế', 'Sở Nội vụ', null, null, null, null, null, 'Thực hiện định kỳ'],
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('web UI (e2e, headless Chromium)', () => {
  let t: TestApp;
  let context: BrowserContext;
  let browserApp: BrowserApp;
  let base: string;
  const outside: string[] = [];
  const pageErrors: string[] = [];

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  /** The year of the demo's program (CTCT-<year>): the year the demo was seeded in. */
  const demoProgramYear = async (): Promise<number> => {
    const programs = (await t.http.get('/api/programs').set(auth(await t.login())).expect(200)).body.items as { code: string; year: number }[];
    return programs.find((p) => /^CTCT-\d{4}$/.test(p.code))!.year;
  };

  const newPage = (viewport = { width: 1280, height: 900 }): Promise<Page> => openPage(context, pageErrors, viewport);
  const signIn = (page: Page, email: string): Promise<void> => signInAs(page, base, email, PASSWORD);
  const shot = (page: Page, name: string, docsName?: string, fullPage = true): Promise<void> => screenshot(page, name, docsName, { fullPage });

  /**
   * The one file input inside `scope` as people see it: the Vietnamese picker ("Chọn tệp…", "Chưa chọn
   * tệp"); the browser's own control, which says "Choose File" / "No file chosen" in an English
   * browser, is there for the keyboard and the label but takes no room on the page.
   */
  async function expectVietnamesePicker(scope: Locator): Promise<void> {
    await expect(scope.locator('.file-picker').count()).resolves.toBe(1);
    await expect(scope.locator('.file-picker .file-button').innerText()).resolves.toBe('Chọn tệp…');
    await expect(scope.locator('.file-picker .file-name').innerText()).resolves.toBe('Chưa chọn tệp');
    const native = await scope.locator('input[type=file]').boundingBox();
    expect(native!.width).toBeLessThanOrEqual(1);
  }

  /** Answers the confirmation dialog of a change with its confirm button. */
  async function confirm(page: Page, button: string): Promise<void> {
    await page.getByRole('dialog').getByRole('button', { name: button }).click();
  }

  /** A link of the main navigation (page content has links with the same words). */
  function navLink(page: Page, name: string) {
    return page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name, exact: true });
  }

  /** Evaluates browser code given as text (the test compiles without the DOM library). */
  function inBrowser<T>(page: Page, expression: string): Promise<T> {
    return page.evaluate<T>(expression);
  }

  /** Changes the stored session as a stale token or a running-out lifetime would. */
  function patchSession(page: Page, patch: { expiresInMs: number }): Promise<unknown> {
    const expiry = `s.expiresAt = Date.now() + ${patch.expiresInMs};`;
    return inBrowser(page, `(() => { const s = JSON.parse(sessionStorage.getItem('nhiemvu.session')); ${expiry} sessionStorage.setItem('nhiemvu.session', JSON.stringify(s)); })()`);
  }

  async function tabCount(page: Page, key: string): Promise<number> {
    return Number((await page.locator(`.tab-${key} .count`).innerText()).replace(/\./g, ''));
  }

  async function statValue(page: Page, label: string): Promise<number> {
    const card = page.locator('#live-stats .stat', { has: page.locator('.stat-label', { hasText: new RegExp(`^${label}$`) }) });
    return Number((await card.locator('.stat-value').innerText()).replace(/\./g, ''));
  }

  beforeAll(async () => {
    browserApp = await startBrowserApp({ workers: true, seed: true, smtp: true });
    ({ t, context, base } = browserApp);
    // Every request of every page must stay on the app (no CDN, no external font).
    context.on('request', (req) => {
      const url = new URL(req.url());
      if (url.protocol === 'data:' || url.protocol === 'blob:') return;
      if (url.hostname !== '127.0.0.1') outside.push(req.url());
    });
  });

  afterAll(() => browserApp?.close());

  it('should serve the app shell at / and /app/*, its files, and refuse paths outside web/', async () => {
    const shell = await t.http.get('/').expect(200);
    expect(shell.headers['content-type']).toMatch(/text\/html/);
    expect(shell.headers['content-security-policy']).toContain("default-src 'self'");
    expect((await t.http.get('/app/tasks/12').expect(200)).text).toContain('/app/js/main.js');
    expect((await t.http.get('/app/js/main.js').expect(200)).headers['content-type']).toMatch(/javascript/);
    await t.http.get('/app/js/nope.js').expect(404);
    await t.http.get('/app/%2e%2e/package.json').expect(404);
    await t.http.get('/app/.env').expect(404);
    const doc = (await t.http.get('/api/docs-json').expect(200)).body as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(doc.paths['/calendar/{file}'])).toEqual(['get']);
    expect(Object.keys(doc.paths['/api/agencies/{id}/calendar-token']).sort()).toEqual(['get', 'post']);
  });

  it('should sign in, sign out on the server, ask for the password in place when the session ends, and open links in a fresh tab', async () => {
    const page = await newPage();
    await page.goto(`${base}/`);
    await page.waitForURL(/\/app\/login/);
    // Keyboard: the email field has the focus; Enter submits.
    await page.getByLabel('Email').waitFor();
    expect(await inBrowser(page, "document.activeElement?.getAttribute('name')")).toBe('email');
    await shot(page, '01-login');

    await page.getByLabel('Email').fill(AGENCY_USER);
    await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
    await page.getByLabel('Mật khẩu').press('Enter');
    await expect(page.locator('.error-summary').innerText()).resolves.toContain('Email hoặc mật khẩu không đúng');

    await page.getByLabel('Mật khẩu').fill(PASSWORD);
    await page.getByLabel('Mật khẩu').press('Enter');
    await page.waitForURL(/\/app\/tasks$/);
    await expect(page.locator('h1').innerText()).resolves.toBe('Nhiệm vụ của đơn vị');
    await expect(page.locator('.user-box').innerText()).resolves.toContain('Sở Tài chính');

    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.waitForURL(/\/app\/login\?reason=signed-out/);
    await expect(page.locator('.notice').innerText()).resolves.toContain('Bạn đã đăng xuất');
    await page.goto(`${base}/app/dashboard`);
    await page.waitForURL(/\/app\/login\?next=/);

    // The session ends on the server while a form is being typed in: saving asks for the password
    // in a dialog over the page and then completes the save with what was typed.
    await signIn(page, AGENCY_USER);
    const token = await t.login(AGENCY_USER, PASSWORD);
    const me = (await t.http.get('/api/me').set(auth(token)).expect(200)).body as { id: number; agencyId: number };
    const mine = (await t.http.get('/api/tasks').query({ agencyId: me.agencyId, status: 'in_progress', limit: 50 }).set(auth(token)).expect(200))
      .body.items as TaskJson[];
    const task = mine.find((x) => x.leadAgencyId === me.agencyId)!;
    await page.goto(`${base}/app/tasks/${task.id}`);
    await page.getByLabel('Ghi chú tiến độ').fill('Đã hoàn thiện dự thảo, chờ góp ý của các sở');
    await t.get(DataSource).query(`UPDATE auth_sessions SET "revokedAt" = "createdAt" WHERE "userId" = ${Number(me.id)}`);
    t.get(SessionsService).forgetUser(me.id); // as a sign-out or password change through the API does
    await page.getByRole('button', { name: 'Lưu cập nhật' }).click();
    const dialog = page.getByRole('dialog', { name: 'Phiên đăng nhập đã hết hạn' });
    await dialog.waitFor();
    expect(page.url()).toBe(`${base}/app/tasks/${task.id}`);
    await dialog.getByLabel('Mật khẩu').fill('sai-mat-khau');
    await dialog.getByRole('button', { name: 'Đăng nhập và tiếp tục' }).click();
    await dialog.locator('.field-error', { hasText: 'Email hoặc mật khẩu không đúng' }).waitFor();
    await dialog.getByLabel('Mật khẩu').fill(PASSWORD);
    await dialog.getByRole('button', { name: 'Đăng nhập và tiếp tục' }).click();
    await page.locator('.notice-success').waitFor();
    const saved = (await t.http.get(`/api/tasks/${task.id}`).set(auth(token)).expect(200)).body as { note: string };
    expect(saved.note).toBe('Đã hoàn thiện dự thảo, chờ góp ý của các sở');

    // A link opened in a fresh tab of this browser (as from an email) shows the task without a sign-in.
    const fresh = await newPage();
    await fresh.goto(`${base}/app/tasks/${task.id}`);
    await fresh.locator('h1', { hasText: task.title }).waitFor();
    expect(fresh.url()).toBe(`${base}/app/tasks/${task.id}`);
    // Signing in again in that tab (a new session and CSRF token) does not break the first tab's saves.
    await inBrowser(
      fresh,
      `fetch('/api/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: ${JSON.stringify(AGENCY_USER)}, password: ${JSON.stringify(PASSWORD)} }) }).then((r) => r.status)`,
    );
    await fresh.close();
    await page.getByLabel('Ghi chú tiến độ').fill('Đã gửi dự thảo lần hai');
    await page.getByRole('button', { name: 'Lưu cập nhật' }).click();
    await page.locator('.details', { hasText: 'Đã gửi dự thảo lần hai' }).waitFor();
    expect(((await t.http.get(`/api/tasks/${task.id}`).set(auth(token)).expect(200)).body as { note: string }).note).toBe('Đã gửi dự thảo lần hai');

    // Five minutes before the end a banner warns.
    await patchSession(page, { expiresInMs: 60_000 });
    await page.reload();
    await page.locator('#session-warning', { hasText: 'Phiên đăng nhập sẽ hết hạn lúc' }).waitFor();

    // Giving up in the dialog ends the session: back to sign-in with a message.
    await t.get(DataSource).query(`UPDATE auth_sessions SET "revokedAt" = "createdAt" WHERE "userId" = ${Number(me.id)}`);
    t.get(SessionsService).forgetUser(me.id);
    await page.goto(`${base}/app/dashboard`);
    await page.getByRole('dialog').getByRole('button', { name: 'Đăng xuất' }).click();
    await page.waitForURL(/\/app\/login\?reason=expired&next=%2Fapp%2Fdashboard/);
    await expect(page.locator('.notice').innerText()).resolves.toContain('Phiên đăng nhập đã hết hạn');
    await page.close();
  });

  it('should let an agency user mark an overdue task done with its result document, and show the counts change', async () => {
    const token = await t.login(AGENCY_USER, PASSWORD);
    const me = (await t.http.get('/api/me').set(auth(token)).expect(200)).body as { agencyId: number };
    const overdue = (await t.http.get('/api/tasks').query({ agencyId: me.agencyId, timeliness: 'overdue', limit: 200 }).set(auth(token)).expect(200))
      .body.items as TaskJson[];
    const task = overdue.find((x) => x.kind === 'proposal') ?? overdue[0];
    expect(task).toBeDefined();

    const page = await newPage();
    await signIn(page, AGENCY_USER);
    await page.goto(`${base}/app/dashboard`);
    await page.locator('#live-stats').waitFor();
    // Keyboard: the first Tab reaches the skip link, which moves the focus to the content.
    await page.keyboard.press('Tab');
    expect(await inBrowser(page, 'document.activeElement?.textContent')).toBe('Bỏ qua, đến nội dung chính');
    await page.keyboard.press('Enter');
    expect(await inBrowser(page, 'document.activeElement?.id')).toBe('main');
    const dashOverdueBefore = await statValue(page, 'Quá hạn');
    const dashDoneBefore = await statValue(page, 'Đã hoàn thành');
    await shot(page, '02-agency-dashboard');

    await navLink(page, 'Nhiệm vụ của đơn vị').click();
    await page.locator('.tab-overdue .count').waitFor();
    const overdueBefore = await tabCount(page, 'overdue');
    const doneBefore = await tabCount(page, 'done');
    expect(overdueBefore).toBe(overdue.length);
    expect(dashOverdueBefore).toBe(overdueBefore);
    await expect(page.locator('.tab[aria-current="page"]').innerText()).resolves.toContain('Quá hạn');
    await shot(page, '03-agency-tasks', 'ui-agency.png');

    // The tasks the agency coordinates: read only.
    await page.locator('.tab-coordinating').click();
    await page.locator('.tab-panel p.muted', { hasText: 'chỉ xem' }).waitFor();
    const coordinated = page.locator('.tab-panel tbody tr a').first();
    await coordinated.click();
    await page.locator('.notice-info', { hasText: 'cơ quan phối hợp' }).waitFor();
    await expect(page.getByRole('heading', { name: 'Cập nhật tiến độ' }).count()).resolves.toBe(0);

    // Search finds the task by words of its title, without diacritics.
    await page.goto(`${base}/app/tasks`);
    const words = task.title.split(' ').slice(0, 4).join(' ');
    await page.getByLabel('Tìm nhiệm vụ').fill(words.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D'));
    await page.getByRole('button', { name: 'Tìm' }).click();
    await page.waitForURL(/q=/);
    await page.getByRole('link', { name: task.title }).click();
    await page.waitForURL(new RegExp(`/app/tasks/${task.id}$`));
    await expect(page.locator('h1').innerText()).resolves.toBe(task.title);
    await expect(page.locator('.details').innerText()).resolves.toContain('Cơ quan phối hợp');
    await page.getByRole('heading', { name: 'Lịch sử thay đổi' }).waitFor();
    await shot(page, '04-task-page');

    const form = page.locator('form', { has: page.getByRole('button', { name: 'Lưu cập nhật' }) });
    await form.getByLabel('Trạng thái').selectOption('done');
    if (task.kind === 'proposal') {
      // A proposal needs its result document: the API's message appears next to that field.
      await form.getByRole('button', { name: 'Lưu cập nhật' }).click();
      await confirm(page, 'Đánh dấu hoàn thành');
      const err = form.locator('.field[data-field="resultNumber"] .field-error');
      await err.waitFor();
      expect(await err.innerText()).toMatch(/văn bản kết quả/i);
      await expect(form.getByLabel('Số, ký hiệu').getAttribute('aria-invalid')).resolves.toBe('true');
    }

    // Someone else changes the task meanwhile → 409 shown as "Dữ liệu đã thay đổi, vui lòng tải lại".
    await t.http.patch(`/api/tasks/${task.id}`).set(auth(token)).send({ version: task.version, note: 'Đã xin ý kiến các sở' }).expect(200);
    await form.getByLabel('Số, ký hiệu').fill('2150/QĐ-UBND');
    await form.getByRole('button', { name: 'Lưu cập nhật' }).click();
    await confirm(page, 'Đánh dấu hoàn thành');
    await form.locator('.notice-warning', { hasText: 'Dữ liệu đã thay đổi, vui lòng tải lại' }).waitFor();
    await form.getByRole('button', { name: 'Tải lại' }).click();
    await page.locator('.details', { hasText: 'Đã xin ý kiến các sở' }).waitFor();

    const fresh = page.locator('form', { has: page.getByRole('button', { name: 'Lưu cập nhật' }) });
    await fresh.getByLabel('Trạng thái').selectOption('done');
    await fresh.getByLabel('Số, ký hiệu').fill('2150/QĐ-UBND');
    await fresh.getByLabel('Ngày ban hành').fill('20/11/2026');
    await fresh.getByLabel('Trích yếu').fill('Ban hành Kế hoạch thực hiện nhiệm vụ');
    await fresh.getByLabel('Cơ quan ban hành').fill('UBND tỉnh');
    await fresh.getByLabel('Ý kiến (ghi vào lịch sử)').fill('Đã ban hành');
    // Marking done asks first: "Quay lại" saves nothing.
    await fresh.getByRole('button', { name: 'Lưu cập nhật' }).click();
    await page.getByRole('dialog', { name: 'Xác nhận hoàn thành' }).getByRole('button', { name: 'Quay lại' }).click();
    expect(((await t.http.get(`/api/tasks/${task.id}`).set(auth(token)).expect(200)).body as TaskJson).status).not.toBe('done');
    await fresh.getByRole('button', { name: 'Lưu cập nhật' }).click();
    await confirm(page, 'Đánh dấu hoàn thành');
    await page.locator('.notice-success', { hasText: 'Đã lưu thay đổi.' }).waitFor();
    await expect(page.locator('.page-header .badges').innerText()).resolves.toContain('Đã hoàn thành');
    await expect(page.locator('.details').innerText()).resolves.toContain('Số 2150/QĐ-UBND ngày 20/11/2026 của UBND tỉnh: Ban hành Kế hoạch thực hiện nhiệm vụ');

    // The result's PDF: uploaded from the page, downloaded byte-identical, refused to another agency.
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from(Array.from({ length: 50_000 }, (_, i) => (i * 7) % 256)), Buffer.from('\n%%EOF\n')]);
    const filesCard = page.locator('section', { has: page.locator('#files-title') });
    await expectVietnamesePicker(filesCard);
    await screenshot(page, '04b-task-files-picker', undefined, filesCard);
    await filesCard.getByRole('button', { name: 'Tải lên' }).click();
    await filesCard.locator('.field[data-field="file"] .field-error', { hasText: 'Chọn tệp cần tải lên' }).waitFor();
    await filesCard.getByLabel('Tệp văn bản kết quả').setInputFiles({ name: 'Quyết định 2150-QĐ-UBND.pdf', mimeType: 'application/pdf', buffer: pdf });
    await expect(filesCard.locator('.file-picker .file-name').innerText()).resolves.toBe('Quyết định 2150-QĐ-UBND.pdf');
    await filesCard.getByRole('button', { name: 'Tải lên' }).click();
    await page.locator('.notice-success', { hasText: 'Đã tải lên tệp' }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('section', { has: page.locator('#files-title') }).getByRole('link', { name: 'Quyết định 2150-QĐ-UBND.pdf' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('Quyết định 2150-QĐ-UBND.pdf');
    expect(Buffer.compare(readFileSync(await download.path()), pdf)).toBe(0);
    const fileId = ((await t.http.get(`/api/tasks/${task.id}/files`).set(auth(token)).expect(200)).body.items as { id: number }[])[0].id;
    const involved = new Set([task.leadAgencyId, ...task.coordinatingAgencies.map((c) => c.id)]);
    let refusedTo = 0;
    for (const email of ['phuctv.syt@nhiemvu.example', 'sonvt.sxd@nhiemvu.example', 'lanpn.snnmt@nhiemvu.example']) {
      const other = await t.login(email, PASSWORD);
      const otherMe = (await t.http.get('/api/me').set(auth(other)).expect(200)).body as { agencyId: number };
      if (involved.has(otherMe.agencyId)) continue;
      await t.http.get(`/api/files/${fileId}`).set(auth(other)).expect(404);
      refusedTo++;
    }
    expect(refusedTo).toBeGreaterThan(0);
    await page.locator('table', { hasText: 'Đã hoàn thành' }).locator('td', { hasText: '→ Đã hoàn thành' }).first().waitFor();

    await page.locator('.breadcrumb a').click();
    await page.locator('.tab-overdue .count').waitFor();
    expect(await tabCount(page, 'overdue')).toBe(overdueBefore - 1);
    expect(await tabCount(page, 'done')).toBe(doneBefore + 1);
    await navLink(page, 'Tổng quan').click();
    await page.locator('#live-stats').waitFor();
    expect(await statValue(page, 'Quá hạn')).toBe(dashOverdueBefore - 1);
    expect(await statValue(page, 'Đã hoàn thành')).toBe(dashDoneBefore + 1);
    await page.close();
  });

  it("should not let an agency user open another agency's task by its URL", async () => {
    const office = await t.login(OFFICE_USER, PASSWORD);
    const stc = await t.login(AGENCY_USER, PASSWORD);
    const me = (await t.http.get('/api/me').set(auth(stc)).expect(200)).body as { agencyId: number };
    const all = (await t.http.get('/api/tasks').query({ limit: 200 }).set(auth(office)).expect(200)).body.items as TaskJson[];
    const foreign = all.find((x) => x.leadAgencyId !== me.agencyId && !x.coordinatingAgencies.some((a) => a.id === me.agencyId))!;
    expect(foreign).toBeDefined();

    const page = await newPage();
    await signIn(page, AGENCY_USER);
    await page.goto(`${base}/app/tasks/${foreign.id}`);
    await page.locator('h1', { hasText: 'Không tìm thấy' }).waitFor();
    const text = await page.locator('main').innerText();
    expect(text).toContain('Không tìm thấy nhiệm vụ này');
    expect(text).not.toContain(foreign.title);
    // Office-only pages are not offered, and refused when typed in.
    await expect(navLink(page, 'Nhập chương trình').count()).resolves.toBe(0);
    await page.goto(`${base}/app/imports`);
    await page.locator('h1', { hasText: 'Không có quyền truy cập' }).waitFor();
    await page.close();
  });

  it('should let an agency user ask for an extension and the office reject without a reason refused, then approve it', async () => {
    const stc = await t.login(AGENCY_USER, PASSWORD);
    const me = (await t.http.get('/api/me').set(auth(stc)).expect(200)).body as { agencyId: number };
    const open = (await t.http.get('/api/tasks').query({ agencyId: me.agencyId, status: 'in_progress', limit: 200 }).set(auth(stc)).expect(200))
      .body.items as TaskJson[];
    const task = open.find((x) => x.dueDate)!;
    const proposed = `${Number(task.dueDate!.slice(0, 4)) + 1}-03-31`;
    const shown = `31/03/${proposed.slice(0, 4)}`;

    const page = await newPage();
    await signIn(page, AGENCY_USER);
    await page.goto(`${base}/app/tasks/${task.id}`);
    await page.getByText('Soạn đề nghị').click();
    const form = page.locator('form', { has: page.getByRole('button', { name: 'Gửi đề nghị' }) });
    await form.getByLabel('Gia hạn').check();
    await form.getByLabel('Thời hạn đề nghị').fill('31/02/2027');
    await form.getByLabel('Lý do').fill('Cần thêm thời gian lấy ý kiến các bộ, ngành trung ương');
    // The evidence goes with the request through the Vietnamese picker.
    await expectVietnamesePicker(form);
    const evidence = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from('Công văn xin ý kiến các bộ'), Buffer.from('\n%%EOF\n')]);
    await form.getByLabel('Tài liệu kèm theo (tùy chọn)').setInputFiles({ name: 'Công văn xin ý kiến.pdf', mimeType: 'application/pdf', buffer: evidence });
    await expect(form.locator('.file-picker .file-name').innerText()).resolves.toBe('Công văn xin ý kiến.pdf');
    await screenshot(page, '04c-request-evidence-picker', undefined, form);
    await form.getByRole('button', { name: 'Gửi đề nghị' }).click();
    await form.locator('.field[data-field="proposedDueDate"] .field-error', { hasText: 'dd/mm/yyyy' }).waitFor();
    await form.getByLabel('Thời hạn đề nghị').fill(shown);
    await form.getByRole('button', { name: 'Gửi đề nghị' }).click();
    await page.locator('.notice-success', { hasText: 'Đã gửi đề nghị gia hạn' }).waitFor();
    const attached = (await t.http.get(`/api/tasks/${task.id}/files`).set(auth(stc)).expect(200)).body.items as { fileName: string; purpose: string; size: number }[];
    expect(attached).toContainEqual(expect.objectContaining({ fileName: 'Công văn xin ý kiến.pdf', purpose: 'evidence', size: evidence.length }));
    await page.locator('#requests-title').waitFor();
    await expect(page.locator('section', { has: page.locator('#requests-title') }).innerText()).resolves.toContain('Đang chờ duyệt');
    // While it waits: the task says so, its history line says pending, and no new request is offered.
    await page.locator('.notice-warning', { hasText: `Đề nghị gia hạn đến ngày ${shown} đang chờ xử lý` }).waitFor();
    await page.locator('table', { hasText: 'Gửi đề nghị' }).locator('td', { hasText: 'đang chờ xử lý' }).waitFor();
    await expect(page.getByText('Soạn đề nghị').count()).resolves.toBe(0);
    await navLink(page, 'Đề nghị đã gửi').click();
    await page.locator('.tab-pending .count', { hasText: '1' }).waitFor();
    await page.getByRole('button', { name: 'Đăng xuất' }).click();

    await signIn(page, OFFICE_USER);
    // The request reaches the office's mailbox (the real SMTP listener) and its inbox, counted in the menu.
    await waitFor(
      () => Promise.resolve(t.smtp!.received.some((m) => m.envelopeTo.includes(OFFICE_USER) && m.parsed.subject?.includes(task.title.slice(0, 40)))),
      20_000,
      "the request's email to the office",
    );
    await page.locator('[data-nav="notifications"] .nav-count:not([hidden])').waitFor();
    await page.locator('a[data-nav="notifications"]').click();
    const item = page.locator('.inbox-item.unread', { hasText: task.title }).first();
    await item.waitFor();
    await expect(item.innerText()).resolves.toContain(`Đề nghị gia hạn đến ngày ${shown}`);
    await shot(page, '05a-office-inbox');
    await item.locator('a.inbox-title').click();
    await page.waitForURL(new RegExp(`/app/tasks/${task.id}$`));
    await navLink(page, 'Phê duyệt').click();
    const card = page.locator('.request-card', { hasText: task.title });
    await card.waitFor();
    await expect(card.innerText()).resolves.toContain(shown);
    await shot(page, '05-approvals');
    await card.getByRole('button', { name: 'Từ chối' }).click();
    await card.locator('.field-error', { hasText: 'Nhập lý do từ chối' }).waitFor();
    await card.getByLabel('Ý kiến xử lý').fill('Đồng ý gia hạn theo đề nghị của Sở');
    await card.getByRole('button', { name: 'Duyệt' }).click();
    await page.locator('.notice-success', { hasText: 'Đã duyệt đề nghị gia hạn' }).waitFor();
    const after = (await t.http.get(`/api/tasks/${task.id}`).set(auth(stc)).expect(200)).body as TaskJson;
    expect(after.dueDate).toBe(proposed);

    // The agency is told, and its task shows the new date and where it came from.
    await signIn(page, AGENCY_USER);
    await page.locator('a[data-nav="notifications"]').click();
    await page.locator('.inbox-item.unread', { hasText: 'Đề nghị gia hạn được chấp thuận' }).first().waitFor();
    await waitFor(
      () => Promise.resolve(t.smtp!.received.some((m) => m.envelopeTo.includes(AGENCY_USER) && m.parsed.subject?.includes('Đề nghị gia hạn được chấp thuận'))),
      20_000,
      'the decision email to the agency',
    );
    await page.goto(`${base}/app/tasks/${task.id}`);
    const due = page.locator('.details dd', { hasText: `${shown} — gia hạn từ ${task.dueDate!.split('-').reverse().join('/')}` });
    await due.waitFor();
    await page.close();
  });

  it('should give the office a dashboard with counts, the chart by agency and the overdue list', async () => {
    const page = await newPage();
    await signIn(page, OFFICE_USER);
    await page.waitForURL(/\/app\/dashboard$/);
    await page.locator('#agency-chart .bar-row').first().waitFor();
    expect(await page.locator('#agency-chart .bar-row').count()).toBeGreaterThan(1);
    await expect(page.locator('#year-stats').innerText()).resolves.toMatch(/Tỷ lệ hoàn thành/);
    expect(await page.locator('#year-stats').innerText()).toMatch(/\d+,\d%/);
    await expect(page.locator('#overdue-title').innerText()).resolves.toMatch(/Nhiệm vụ quá hạn \(\d+\)/);
    expect(await page.locator('section', { has: page.locator('#overdue-title') }).innerText()).toMatch(/Quá hạn \d+ ngày/);
    // The demo is dated relative to today: the first screen is this year's, with figures.
    const thisYear = await demoProgramYear();
    await expect(page.locator('#year-title').innerText()).resolves.toBe(`Kết quả năm ${thisYear}`);
    expect(await page.locator('#year-stats').innerText()).not.toMatch(/Tỷ lệ hoàn thành\D*0,0%/);
    await shot(page, '06-office-dashboard', 'ui-dashboard.png');

    // Last year: the stand-alone work of its last months.
    await page.getByLabel('Năm', { exact: true }).selectOption(String(thisYear - 1));
    await page.getByRole('button', { name: 'Xem' }).click();
    await page.locator('#year-title', { hasText: `Kết quả năm ${thisYear - 1}` }).waitFor();
    await shot(page, '07-office-dashboard-last-year');

    // The mail log after a reminder scan.
    const office = await t.login(OFFICE_USER, PASSWORD);
    await t.http.post('/api/reminders/scan').set(auth(office)).send({}).expect(200);
    await navLink(page, 'Thư đã gửi').click();
    await page.locator('table tbody tr').first().waitFor();
    await expect(page.locator('table').innerText()).resolves.toContain('Nhắc việc');
    await page.locator('table tbody tr summary').first().click();
    await page.locator('.mail-body pre').first().waitFor();
    await shot(page, '08-mail-log');
    await page.close();
  });

  it('should import a spreadsheet through the wizard: preview with errors, re-upload the corrected file, commit', async () => {
    const page = await newPage();
    await signIn(page, OFFICE_USER);
    await navLink(page, 'Chương trình').click();
    await page.getByRole('button', { name: 'Thêm chương trình' }).click();
    const pform = page.locator('form', { has: page.getByRole('button', { name: 'Thêm chương trình' }) }).last();
    await pform.getByLabel('Mã chương trình').fill('ctct-2026-bs');
    await pform.getByLabel('Tên chương trình').fill('Chương trình công tác bổ sung năm 2026 của UBND tỉnh');
    await pform.getByLabel('Năm').fill('2026');
    await pform.getByLabel('Ngày ban hành').fill('32/01/2026');
    await pform.getByRole('button', { name: 'Thêm chương trình' }).click();
    await pform.locator('.field[data-field="issuedAt"] .field-error').waitFor();
    await pform.getByLabel('Ngày ban hành').fill('05/01/2026');
    await pform.getByRole('button', { name: 'Thêm chương trình' }).click();
    await page.locator('.notice-success', { hasText: 'Đã thêm chương trình CTCT-2026-BS' }).waitFor();

    await navLink(page, 'Nhập chương trình').click();
    const upload = page.locator('#import-upload');
    const [template] = await Promise.all([page.waitForEvent('download'), upload.getByRole('button', { name: 'Tải mẫu tệp Excel' }).click()]);
    expect(template.suggestedFilename()).toBe('Mẫu nhập chương trình công tác.xlsx');
    await upload.getByRole('button', { name: 'Kiểm tra tệp' }).click();
    await upload.locator('.field[data-field="programId"] .field-error').waitFor();
    await upload.getByLabel('Chương trình công tác').selectOption({ label: 'CTCT-2026-BS – Chương trình công tác bổ sung năm 2026 của UBND tỉnh' });
    await upload.getByLabel('Tệp chương trình').setInputFiles({
      name: 'chuong-trinh-bo-sung-2026.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await programSheet('Sở Du lịch'),
    });
    await upload.getByRole('button', { name: 'Kiểm tra tệp' }).click();
    await page.locator('#preview-title').waitFor();
    const errorsStat = page.locator('#import-summary .stat', { has: page.locator('.stat-label', { hasText: /^Lỗi$/ }) });
    await expect(errorsStat.locator('.stat-value').innerText()).resolves.toBe('1');
    await expect(page.locator('.notice-error').first().innerText()).resolves.toContain('mục lỗi');
    // The preview is editable: the commit button is there, and refuses while an item lacks its lead.
    await page.locator('#import-commit').click();
    await page.locator('.error-summary', { hasText: 'cần sửa trước khi ghi' }).waitFor();
    const errorRow = page.locator('#import-items tr.row-error');
    await expect(errorRow.innerText()).resolves.toContain('Không tìm thấy cơ quan');
    // The refusal sits in its row, under the lead to choose.
    await errorRow.locator('.field-error', { hasText: 'chưa chọn cơ quan chủ trì' }).waitFor();
    await expect(errorRow.getByLabel(/^Cơ quan chủ trì, mục/).getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.locator('#import-items').innerText()).resolves.toContain('Cảnh báo');
    await shot(page, '09-import-preview', 'ui-import-preview.png');
    await page.getByLabel('Chỉ hiện mục có lỗi hoặc cảnh báo').check();
    await page.getByLabel('Chỉ hiện mục có lỗi hoặc cảnh báo').uncheck();
    await page.locator('#import-items tbody tr').nth(2).waitFor();
    expect(await page.locator('#import-items tbody tr').count()).toBe(3);

    // The corrected file.
    await page.locator('#import-reupload').getByLabel('Tải lên tệp đã sửa').setInputFiles({
      name: 'chuong-trinh-bo-sung-2026-da-sua.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await programSheet('Sở Văn hóa, Thể thao và Du lịch'),
    });
    await page.locator('#import-reupload').getByRole('button', { name: 'Kiểm tra lại' }).click();
    await page.locator('.notice-success', { hasText: 'Tệp hợp lệ' }).waitFor();
    await page.locator('#preview-title', { hasText: 'chuong-trinh-bo-sung-2026-da-sua.xlsx' }).waitFor();
    await shot(page, '10-import-preview-valid');
    await page.locator('#import-commit').click();
    await page.locator('#done-title').waitFor();
    await expect(page.locator('.notice-success').innerText()).resolves.toContain('tạo mới 3');

    await page.getByRole('link', { name: 'Xem nhiệm vụ của chương trình' }).click();
    await page.locator('.tab-all .count', { hasText: '3' }).waitFor();
    await expect(page.locator('table').innerText()).resolves.toContain('Sở Văn hóa, Thể thao và Du lịch');
    await page.close();
  });

  /** A corpus thông báo (10-tb-binh-phuoc-giao-duc) uploaded by the office outside any program, as `render` makes it. */
  async function previewDocument(fileName: string, render: (text: string) => Promise<Buffer>): Promise<Page> {
    const page = await newPage({ width: 1600, height: 1000 });
    await signIn(page, OFFICE_USER);
    await navLink(page, 'Nhập chương trình').click();
    const upload = page.locator('#import-upload');
    await upload.getByLabel('Chương trình công tác').selectOption({ label: 'Không thuộc chương trình: nhập nhiệm vụ từ văn bản giao nhiệm vụ' });
    const text = readFileSync(join(ROOT, 'test', 'fixtures', 'documents', '10-tb-binh-phuoc-giao-duc.txt'), 'utf8');
    await upload.getByLabel('Tệp chương trình').setInputFiles({ name: fileName, mimeType: 'application/pdf', buffer: await render(text) });
    await upload.getByRole('button', { name: 'Kiểm tra tệp' }).click();
    return page;
  }

  it('should read a văn bản outside any program, let the clerk correct it in place (a suggested agency in one click) and commit what is on screen', async () => {
    const page = await previewDocument('tb-101-giao-duc.pdf', (text) => toPdf(text));
    await page.locator('#preview-title').waitFor();
    await expect(page.locator('#import-document').innerText()).resolves.toContain('Thông báo số 101/TB-UBND ngày 03/08/2026 của UBND tỉnh Bình Phước');
    const rows = page.locator('#import-items tbody tr');
    await expect(rows.count()).resolves.toBe(3);
    // Item 3: "UBND các huyện, thị xã, thành phố" leads: an error with the members to choose from.
    const groupRow = rows.nth(2);
    await expect(groupRow.innerText()).resolves.toContain('Cơ quan chủ trì là nhóm');
    await groupRow.getByRole('button', { name: 'UBND thành phố Đồng Xoài' }).click();
    await expect(groupRow.getByLabel(/^Cơ quan chủ trì, mục/).inputValue()).resolves.not.toBe('');
    // Dates are dd/mm/yyyy whatever the browser's language (Chromium here speaks en-US).
    await expect(groupRow.getByLabel(/^Hạn hoàn thành, mục/).inputValue()).resolves.toBe('05/09/2026');
    // Item 2: the clerk moves the deadline, says how the document wrote it, and makes it a proposal.
    const second = rows.nth(1);
    const due = second.getByLabel(/^Hạn hoàn thành, mục/);
    await second.getByLabel(/^Thời hạn như văn bản ghi, mục/).fill('ngày 15/9/2026');
    await second.getByLabel(/^Loại, mục/).selectOption('proposal');
    // A day that does not exist is an error on its row, and nothing is written.
    const tasksBefore = await t.get(DataSource).getRepository(Task).count();
    await due.fill('31/6/2026');
    await page.locator('#import-commit').click();
    await second.locator('.field-error', { hasText: 'hạn hoàn thành “31/6/2026”: Ngày không hợp lệ; nhập theo dạng dd/mm/yyyy' }).waitFor();
    await expect(due.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.locator('.import-actions .error-summary').innerText()).resolves.toContain('Còn 1 mục cần sửa trước khi ghi');
    expect(await t.get(DataSource).getRepository(Task).count()).toBe(tasksBefore);
    await shot(page, '11-import-directive-date-error');
    await due.fill('15/9/2026');
    // Edited, the row's error goes.
    await expect(second.locator('.field-error').count()).resolves.toBe(0);
    await shot(page, '11-import-directive-preview', 'ui-import-directive-preview.png');
    await page.locator('#import-commit').click();
    await page.locator('#done-title').waitFor();
    await expect(page.locator('.notice-success').innerText()).resolves.toContain('tạo mới 3');
    const token = await t.login(OFFICE_USER, PASSWORD);
    type Listed = TaskJson & { dueText: string | null; sourceDocument: string | null; leadAgency?: { code: string } };
    const find = async (q: string) => ((await t.http.get('/api/tasks').query({ q, limit: 5 }).set(auth(token)).expect(200)).body as { items: Listed[] }).items;
    const moved = await find('phòng học xây mới');
    expect(moved).toHaveLength(1);
    expect(moved[0]).toMatchObject({ dueDate: '2026-09-15', dueText: 'ngày 15/9/2026', kind: 'proposal', sourceDocument: 'Thông báo số 101/TB-UBND ngày 03/08/2026 của UBND tỉnh Bình Phước' });
    const chosen = await find('sửa chữa trường lớp');
    expect(chosen).toHaveLength(1);
    expect(chosen[0].dueDate).toBe('2026-09-05');
    await page.close();
  });

  it('should read a scan by OCR on the queue and show the confidence beside each item', async () => {
    const page = await previewDocument('tb-101-scan.pdf', async (text) => toScan(await toPdf(text)));
    await page.locator('#preview-title').waitFor({ timeout: 120_000 });
    await expect(page.locator('#import-document').innerText()).resolves.toMatch(/nhận dạng chữ \(OCR\) 1 trang, độ tin cậy trung bình \d+%/);
    const rows = page.locator('#import-items tbody tr');
    await expect(rows.count()).resolves.toBe(3);
    for (let i = 0; i < 3; i++) await expect(rows.nth(i).locator('[data-ocr]').innerText()).resolves.toMatch(/^Độ tin cậy OCR: \d+%$/);
    await shot(page, '11-import-scan-preview', 'ui-import-scan-preview.png');
    await page.close();
  });

  it('should let the clerk split an item whose lead is a group into one task per member', async () => {
    const page = await newPage({ width: 1600, height: 1000 });
    await signIn(page, OFFICE_USER);
    await navLink(page, 'Nhập chương trình').click();
    const upload = page.locator('#import-upload');
    await upload.getByLabel('Chương trình công tác').selectOption({ label: 'Không thuộc chương trình: nhập nhiệm vụ từ văn bản giao nhiệm vụ' });
    const text = readFileSync(join(ROOT, 'test', 'fixtures', 'documents', '06-cv-lao-cai-thien-tai.txt'), 'utf8');
    await upload.getByLabel('Tệp chương trình').setInputFiles({ name: 'cv-2210.txt', mimeType: 'text/plain', buffer: Buffer.from(text) });
    await upload.getByRole('button', { name: 'Kiểm tra tệp' }).click();
    await page.locator('#preview-title').waitFor();
    await page.getByRole('button', { name: 'Tách thành 11 nhiệm vụ, mỗi cơ quan một nhiệm vụ' }).click();
    await expect(page.locator('#import-items tbody tr').count()).resolves.toBe(13);
    await page.locator('#import-commit', { hasText: 'Ghi 13 mục' }).click();
    await page.locator('#done-title').waitFor();
    await expect(page.locator('.notice-success').innerText()).resolves.toContain('tạo mới 13');
    await page.close();
  });

  it('should let the office give a task and edit it, with the API refusals shown next to the fields', async () => {
    const page = await newPage();
    await signIn(page, OFFICE_USER);
    await navLink(page, 'Nhiệm vụ').click();
    await page.getByRole('link', { name: 'Giao nhiệm vụ' }).click();
    const form = page.locator('form', { has: page.getByRole('button', { name: 'Giao nhiệm vụ' }) });
    await form.getByRole('button', { name: 'Giao nhiệm vụ' }).click();
    await form.locator('.field[data-field="title"] .field-error').waitFor();
    await form.locator('.field[data-field="leadAgencyId"] .field-error', { hasText: 'Chọn cơ quan chủ trì' }).waitFor();

    await form.getByLabel('Nội dung').fill('Xây dựng Kế hoạch chuyển đổi số năm 2027 của tỉnh');
    await form.getByLabel('Cơ quan chủ trì').selectOption({ label: 'Sở Khoa học và Công nghệ' });
    await form.getByLabel('Lọc cơ quan phối hợp').fill('tài chính');
    await form.getByLabel('Sở Tài chính', { exact: true }).check();
    await form.getByLabel('Ngày giao').fill('20/11/2026');
    await form.getByLabel('Thời hạn', { exact: true }).fill('15/11/2026');
    await form.getByLabel('Thời hạn theo văn bản').fill('Tháng 12/2026');
    await form.getByRole('button', { name: 'Giao nhiệm vụ' }).click();
    // The API refuses a due date before the day given: its message sits under "Thời hạn", dates dd/mm/yyyy.
    const dueError = form.locator('.field[data-field="dueDate"] .field-error');
    await dueError.waitFor();
    expect(await dueError.innerText()).toContain('15/11/2026');
    await form.getByLabel('Thời hạn', { exact: true }).fill('31/12/2026');
    await form.getByRole('button', { name: 'Giao nhiệm vụ' }).click();
    await page.waitForURL(/\/app\/tasks\/\d+$/);
    await expect(page.locator('h1').innerText()).resolves.toBe('Xây dựng Kế hoạch chuyển đổi số năm 2027 của tỉnh');
    await expect(page.locator('.details').innerText()).resolves.toMatch(/Sở Tài chính[\s\S]*31\/12\/2026 \(Tháng 12\/2026\)/);

    await page.getByRole('link', { name: 'Sửa nhiệm vụ' }).click();
    const edit = page.locator('form', { has: page.getByRole('button', { name: 'Lưu thay đổi' }) });
    await edit.getByLabel('Thời hạn', { exact: true }).fill('15/01/2027');
    await edit.getByLabel('Ý kiến (ghi vào lịch sử)').fill('Điều chỉnh theo chỉ đạo của Chủ tịch UBND tỉnh');
    await edit.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await page.waitForURL(/\/app\/tasks\/\d+$/);
    await page.locator('td', { hasText: '31/12/2026 → 15/01/2027' }).first().waitFor();
    await expect(page.locator('table').last().innerText()).resolves.toContain('Điều chỉnh theo chỉ đạo của Chủ tịch UBND tỉnh');
    await page.close();
  });

  it('should build a report for a period, follow it and download the XLSX and DOCX', async () => {
    const page = await newPage();
    await signIn(page, OFFICE_USER);
    await navLink(page, 'Báo cáo').click();
    const form = page.locator('#report-form');
    // Opens on the last quarter that has closed (never Quý I in December), and previews it.
    const closed = (await t.http.get('/api/reports/default-period').set(auth(await t.login())).expect(200)).body as { period: string };
    await expect(form.getByLabel('Kỳ báo cáo').inputValue()).resolves.toBe(closed.period.split('-')[1]);
    await expect(form.getByLabel('Năm').inputValue()).resolves.toBe(closed.period.split('-')[0]);
    await form.getByRole('button', { name: 'Xem trước' }).click();
    const preview = page.locator('#appendix-preview');
    await preview.waitFor();
    await expect(preview.locator('#preview-p1 .total-row').innerText()).resolves.toContain('Tổng cộng');
    await expect(preview.locator('#preview-p2').innerText()).resolves.toMatch(/Tỷ lệ hoàn thành so với tổng số nhiệm vụ giao: \d+\/\d+ = [\d,]+%/);
    await expect(preview.locator('#preview-p2').innerText()).resolves.toContain('Tỷ lệ hoàn thành so với số nhiệm vụ đã đến hạn');
    await preview.locator('#preview-p3').waitFor();
    await shot(page, '11a-report-preview', 'report-preview.png');
    await form.getByLabel('Kỳ báo cáo').selectOption({ label: 'Cả năm' });
    // The demo's program year (the year the demo was seeded in).
    const year = String(await demoProgramYear());
    await form.getByLabel('Năm').fill(year);
    await form.getByLabel('Theo lịch (từ ngày đầu đến ngày cuối kỳ)').check();
    await form.getByLabel('Số báo cáo').fill('412');
    await form.getByRole('button', { name: 'Lập báo cáo' }).click();
    await page.locator('#report-result .notice-success', { hasText: 'Đã lập xong báo cáo' }).waitFor({ timeout: 60_000 });
    await expect(page.locator('#report-result').innerText()).resolves.toContain(`Từ 01/01/${year} đến 31/12/${year}`);
    await page.locator('#runs-title').waitFor();
    await page.locator('table', { hasText: '412/BC-UBND' }).waitFor();
    await shot(page, '11-reports');

    for (const format of ['xlsx', 'docx']) {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('#report-result').getByRole('button', { name: `Tải ${format.toUpperCase()}` }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(new RegExp(`^Phụ lục.*\\.${format}$`));
      const path = await download.path();
      const bytes = readFileSync(path);
      expect(bytes.subarray(0, 2).toString()).toBe('PK');
      expect(bytes.length).toBeGreaterThan(1000);
    }
    await page.close();
  });

  it('should keep leaders to reading, approving and reports', async () => {
    const page = await newPage();
    await signIn(page, LEADER_USER);
    const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
    await nav.getByRole('link', { name: 'Báo cáo' }).waitFor();
    for (const hidden of ['Nhập chương trình', 'Thư đã gửi', 'Lịch']) await expect(nav.getByRole('link', { name: hidden, exact: true }).count()).resolves.toBe(0);
    await page.goto(`${base}/app/tasks`);
    await page.locator('tbody a').first().click();
    await page.getByRole('heading', { name: 'Thông tin nhiệm vụ' }).waitFor();
    await expect(page.getByRole('heading', { name: 'Cập nhật tiến độ' }).count()).resolves.toBe(0);
    await expect(page.getByRole('link', { name: 'Sửa nhiệm vụ' }).count()).resolves.toBe(0);
    await page.goto(`${base}/app/mail`);
    await page.locator('h1', { hasText: 'Không có quyền truy cập' }).waitFor();
    await page.close();
  });

  it('should work on a phone and at 200% zoom without horizontal scrolling', async () => {
    const phone = await newPage({ width: 375, height: 740 });
    await signIn(phone, AGENCY_USER);
    await phone.locator('.tab-overdue .count').waitFor();
    const toggle = phone.getByRole('button', { name: 'Danh mục' });
    await expect(toggle.isVisible()).resolves.toBe(true);
    await expect(phone.locator('#main-nav').isVisible()).resolves.toBe(false);
    await toggle.click();
    await expect(phone.locator('#main-nav').isVisible()).resolves.toBe(true);
    await toggle.click();
    const overflow = (p: Page) => inBrowser<number>(p, 'document.documentElement.scrollWidth - window.innerWidth');
    expect(await overflow(phone)).toBeLessThanOrEqual(0);
    await shot(phone, '12-phone-agency-tasks');
    await phone.locator('tbody a').first().click();
    await phone.getByRole('heading', { name: 'Lịch sử thay đổi' }).waitFor();
    expect(await overflow(phone)).toBeLessThanOrEqual(0);
    await shot(phone, '13-phone-task-page');
    await phone.close();

    // 200% zoom of a 1280-pixel window = a 640-CSS-pixel viewport at twice the density.
    const zoomed = await newPage({ width: 640, height: 450 });
    await signIn(zoomed, OFFICE_USER);
    await zoomed.locator('#agency-chart').waitFor();
    expect(await overflow(zoomed)).toBeLessThanOrEqual(0);
    await shot(zoomed, '14-zoom-200-dashboard', undefined, false);
    await zoomed.close();
  });

  it('should fit the agency pages and a real reminder email in 390 px without sideways scrolling', async () => {
    const noSideScroll = async (p: Page, what: string) => {
      const [scroll, client] = await inBrowser<[number, number]>(p, '[document.documentElement.scrollWidth, document.documentElement.clientWidth]');
      expect({ what, fits: scroll <= client, scroll, client }).toEqual({ what, fits: true, scroll, client });
    };
    const phone = await newPage({ width: 390, height: 844 });
    await signIn(phone, AGENCY_USER);
    await phone.locator('.tab-overdue .count').waitFor();
    await noSideScroll(phone, 'task list');
    await shot(phone, '15-390-agency-tasks', 'phone-390-agency-tasks.png');
    await phone.locator('tbody a').first().click();
    await phone.getByRole('heading', { name: 'Lịch sử thay đổi' }).waitFor();
    await noSideScroll(phone, 'task page');
    await shot(phone, '16-390-agency-task-page', 'phone-390-agency-task.png');
    // The update form and the request form open on the same page.
    const soan = phone.getByText('Soạn đề nghị');
    if (await soan.count()) {
      await soan.click();
      await noSideScroll(phone, 'request form');
    }
    await phone.goto(`${base}/app/requests`);
    await phone.locator('main h1').waitFor();
    await noSideScroll(phone, 'requests');
    await phone.goto(`${base}/app/notifications`);
    await phone.getByRole('heading', { name: 'Cách nhận thông báo' }).waitFor();
    await noSideScroll(phone, 'inbox');
    await phone.close();

    // A real digest of the reminder scan, rendered as the mail client would at 390 px.
    // (an earlier test may have run today's scan already: then its digest is the one read).
    await t.get(RemindersService).scan({});
    const [mail] = await t.get(DataSource).getRepository(MailMessage).find({ where: { kind: MailKind.ReminderDigest }, order: { id: 'DESC' }, take: 1 });
    expect(mail).toBeDefined();
    const listed = (mail.html.match(/class="item"/g) ?? []).length;
    const counted = [...mail.subject.matchAll(/(\d+) nhiệm vụ/g)].reduce((n, m) => n + Number(m[1]), 0);
    expect(listed).toBe(counted);
    const email = await newPage({ width: 390, height: 844 });
    await email.setContent(mail.html);
    await noSideScroll(email, 'reminder email');
    await shot(email, '17-390-reminder-email', 'phone-390-reminder-email.png');

    // Every other kind of mail the system has sent so far, at the same width.
    await t.get(RemindersService).weeklySummary({});
    for (const kind of [MailKind.Escalation, MailKind.WeeklySummary, MailKind.Notification]) {
      const [latest] = await t.get(DataSource).getRepository(MailMessage).find({ where: { kind }, order: { id: 'DESC' }, take: 1 });
      expect({ kind, found: !!latest }).toEqual({ kind, found: true });
      await email.setContent(latest.html);
      await noSideScroll(email, `${kind} email`);
      expect(latest.text.length).toBeGreaterThan(0);
      await shot(email, `18-390-${kind}-email`, kind === MailKind.Notification ? 'phone-390-notification-email.png' : undefined);
    }
    await email.close();
  });

  it('should publish the agency calendar (.ics) behind a token, and revoke the old address when it is rotated', async () => {
    const stc = await t.login(AGENCY_USER, PASSWORD);
    const office = await t.login(OFFICE_USER, PASSWORD);
    const leader = await t.login(LEADER_USER, PASSWORD);
    const me = (await t.http.get('/api/me').set(auth(stc)).expect(200)).body as { agencyId: number };

    const page = await newPage();
    page.on('dialog', (d) => void d.accept());
    await signIn(page, AGENCY_USER);
    await navLink(page, 'Lịch nhiệm vụ').click();
    await page.getByRole('button', { name: 'Tạo địa chỉ lịch' }).click();
    const urlBox = page.locator('#feed-url');
    await urlBox.waitFor();
    const first = await urlBox.inputValue();
    expect(first).toMatch(new RegExp(`^${base}/calendar/[A-Za-z0-9_-]{43}\\.ics$`));
    await shot(page, '15-calendar-feed');

    const feed = await t.http.get(new URL(first).pathname).expect(200);
    expect(feed.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const body = feed.text;
    expect(body.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(body.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(body.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of body.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    const unfolded = body.replace(/\r\n[ \t]/g, '');
    const events = unfolded.split('BEGIN:VEVENT').length - 1;
    const open = (await t.http.get(`/api/tasks?involvingAgencyId=${me.agencyId}&status=new&status=in_progress&status=submitted&limit=200`).set(auth(stc)).expect(200))
      .body.items as { effectiveDueDate: string | null }[];
    expect(events).toBe(open.filter((x) => x.effectiveDueDate).length);
    expect(unfolded).toMatch(/^DTSTART;VALUE=DATE:\d{8}$/m);
    expect(unfolded).toMatch(/^SUMMARY:(\[Phối hợp\] )?Hạn hoàn thành: /m);
    expect(unfolded).toContain('X-WR-CALNAME:Nhiệm vụ – Sở Tài chính');

    // Rotating issues a new address; the old one stops working at once.
    await page.getByRole('button', { name: 'Tạo địa chỉ mới' }).click();
    await page.locator('.notice-success', { hasText: 'địa chỉ cũ đã ngừng hoạt động' }).waitFor();
    const second = await page.locator('#feed-url').inputValue();
    expect(second).not.toBe(first);
    await t.http.get(new URL(first).pathname).expect(404);
    await t.http.get(new URL(second).pathname).expect(200);

    // Who may issue: the office for any agency, agency users for their own only, not leaders.
    await t.http.post(`/api/agencies/${me.agencyId}/calendar-token`).expect(401);
    await t.http.post(`/api/agencies/${me.agencyId + 1}/calendar-token`).set(auth(stc)).expect(403);
    await t.http.post(`/api/agencies/${me.agencyId}/calendar-token`).set(auth(leader)).expect(403);
    const third = (await t.http.post(`/api/agencies/${me.agencyId}/calendar-token`).set(auth(office)).expect(201)).body as { path: string };
    await t.http.get(new URL(second).pathname).expect(404);
    await t.http.get(third.path).expect(200);
    await t.http.get('/calendar/not-a-token.ics').expect(404);
    await page.close();
  });

  it('should have requested nothing outside 127.0.0.1 and thrown no script error', () => {
    expect(outside).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
