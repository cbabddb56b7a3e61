import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserContext, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import PizZip from 'pizzip';
import { CalendarService } from 'src/modules/calendar/calendar.service';
import { addDays } from 'src/core/time/local-date';
import { defaultTemplatePath } from 'src/modules/document-templates/document-templates.service';
import { ReminderLetter } from 'src/modules/reminders/reminder-letter.entity';
import { RemindersService } from 'src/modules/reminders/reminders.service';
import { TaskHistory } from 'src/modules/tasks/task-history.entity';
import { ALL_QUEUES } from 'src/core/queue/queue-names';
import { TEST_ADMIN, TestApp } from 'test/utils/create-test-app';
import { waitFor } from 'test/utils/spawn-process';
import { docxText } from 'test/utils/docx-text';
import { BrowserApp, openPage, screenshot, SCREENSHOTS_DIR, signInAs, startBrowserApp } from 'test/utils/chromium';

// The office's and leaders' tools in a real browser (Debian's Chromium driven by playwright-core),
// on the demo data. Screenshots go to test-artifacts/screenshots/, and with UPDATE_DOC_IMAGES=1 to
// docs/images/.

const PASSWORD = 'nhiemvu-demo';
const OFFICE_USER = 'vanphong@nhiemvu.example';

jest.setTimeout(180_000);

describe('office tools (e2e, headless Chromium)', () => {
  let t: TestApp;
  let context: BrowserContext;
  let browserApp: BrowserApp;
  let base: string;
  const pageErrors: string[] = [];

  const newPage = (viewport?: { width: number; height: number }): Promise<Page> => openPage(context, pageErrors, viewport);
  const signIn = (page: Page, email: string, password = PASSWORD): Promise<void> => signInAs(page, base, email, password);
  const shot = screenshot;

  beforeAll(async () => {
    browserApp = await startBrowserApp({ workers: true, seed: true });
    ({ t, context, base } = browserApp);
  });

  afterAll(() => browserApp?.close());

  it('should let the office filter one agency\'s overdue tasks, save the view, export it and extend two in bulk', async () => {
    const page = await newPage();
    await signIn(page, OFFICE_USER);
    await page.goto(`${base}/app/tasks`);
    // Opens on open tasks by due date.
    const filters = page.locator('#task-filters');
    await expect(filters.getByLabel('Trạng thái').inputValue()).resolves.toBe('open');
    await page.locator('#task-list .sort-link.sorted-asc[data-sort="dueDate"]').waitFor();

    await filters.getByLabel('Cơ quan', { exact: true }).selectOption({ label: 'Sở Tài chính' });
    await filters.getByLabel('Tình trạng hạn').selectOption('overdue');
    await filters.getByRole('button', { name: 'Lọc' }).click();
    await page.waitForURL(/timeliness=overdue/);
    expect(page.url()).toMatch(/agencyId=\d+/);
    const rows = page.locator('#task-list tbody tr');
    await rows.first().waitFor();
    const shown = await rows.count();
    expect(shown).toBeGreaterThanOrEqual(2);
    const titles = await page.locator('#task-list tbody td[data-label="Nội dung"] a').allInnerTexts();
    for (const agency of await page.locator('#task-list tbody td[data-label="Cơ quan chủ trì"]').allInnerTexts()) expect(agency).toBe('Sở Tài chính');
    expect(await page.locator('#task-list tbody tr.row-overdue').count()).toBe(shown);
    // Fits 1366 px: no horizontal scrolling.
    expect(await page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);

    // Save the view; it comes back in the list of saved views and opens the same URL.
    await page.locator('#view-name').fill('Quá hạn của Sở Tài chính');
    await page.locator('#save-view').click();
    await page.locator('#saved-view option', { hasText: 'Quá hạn của Sở Tài chính' }).waitFor({ state: 'attached' });
    const filteredUrl = page.url();
    await page.goto(`${base}/app/tasks`);
    await page.locator('#saved-view').selectOption({ label: 'Quá hạn của Sở Tài chính' });
    await page.waitForURL(/timeliness=overdue/);
    await page.locator('#task-filters [name=timeliness] option[value="overdue"]:checked').waitFor({ state: 'attached' });
    await expect(page.locator('#task-list tbody td[data-label="Nội dung"] a').allInnerTexts()).resolves.toEqual(titles);
    expect(new URL(page.url()).searchParams.get('agencyId')).toBe(new URL(filteredUrl).searchParams.get('agencyId'));
    await shot(page, '20-task-list', 'task-list.png');

    // Export: the XLSX read back equals the list on the page.
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export-xlsx').click()]);
    expect(download.suggestedFilename()).toMatch(/^Danh sách nhiệm vụ .*\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(await download.path()) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const exported: string[] = [];
    ws.eachRow((row, n) => {
      if (n > 2) exported.push(row.getCell(3).text);
    });
    expect(exported).toEqual(titles);

    // Extend the first two in bulk, with a reason.
    const boxes = page.locator('#task-list tbody input[type=checkbox]');
    const ids = [await boxes.nth(0).getAttribute('data-task-id'), await boxes.nth(1).getAttribute('data-task-id')].map(Number);
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await expect(page.locator('#bulk-count').innerText()).resolves.toBe('Đã chọn 2 nhiệm vụ');
    const bulk = page.locator('#bulk-form');
    await bulk.getByLabel('Thao tác hàng loạt').selectOption('extend');
    await bulk.getByLabel('Thời hạn mới').fill('31/12/2099');
    await bulk.getByLabel('Lý do gia hạn').fill('Gia hạn theo chỉ đạo tại Thông báo số 12/TB-UBND');
    await shot(page, '21-task-list-bulk', 'task-list-bulk.png');
    await bulk.getByRole('button', { name: 'Thực hiện' }).click();
    await page.locator('#task-list-result .notice-success', { hasText: 'Đã thay đổi 2 nhiệm vụ' }).waitFor();
    // Extended → no longer overdue: they left the list.
    await expect(page.locator('#task-list tbody td[data-label="Nội dung"] a').allInnerTexts()).resolves.toEqual(titles.slice(2));
    const history = await t.get(DataSource).getRepository(TaskHistory).find({ where: ids.map((taskId) => ({ taskId, field: 'dueDate' })) });
    // And a reminder now for the first remaining one.
    const first = page.locator('#task-list tbody input[type=checkbox]').first();
    await first.check();
    await bulk.getByLabel('Thao tác hàng loạt').selectOption('remind');
    await bulk.getByRole('button', { name: 'Thực hiện' }).click();
    await page.locator('#task-list-result .notice-success', { hasText: 'Đã gửi nhắc việc 1 nhiệm vụ tới 1 cơ quan.' }).waitFor();
    expect(history.map((h) => [h.taskId, h.toValue, h.comment]).sort()).toEqual(ids.map((id) => [id, '2099-12-31', 'Gia hạn theo chỉ đạo tại Thông báo số 12/TB-UBND']).sort());
    await page.close();
  });

  it('should let a leader click an agency\'s bar on the dashboard and land on its overdue list', async () => {
    const page = await newPage();
    await signIn(page, 'chutich@nhiemvu.example');
    await page.goto(`${base}/app/dashboard`);
    // The month-by-month trend of the year, one group of bars per month so far.
    const trend = page.locator('#trend-chart');
    await trend.locator('svg rect[data-series="openOverdue"]').first().waitFor({ state: 'attached' });
    const months = await trend.locator('svg rect[data-series="openOverdue"]').count();
    expect(months).toBeGreaterThanOrEqual(1);
    expect(months).toBeLessThanOrEqual(12);
    // The first bar is the agency with the most overdue tasks.
    const row = page.locator('#agency-chart .bar-row').first();
    const agencyName = await row.locator('.bar-label').innerText();
    const overdueSegment = row.locator('a.seg[data-segment="openOverdue"]');
    await expect(overdueSegment.count()).resolves.toBe(1);
    await shot(page, '22-dashboard-drilldown', 'dashboard-drilldown.png');
    await row.locator('a.bar-label').click();
    // The agency's tasks of the year's Phụ lục II that are overdue as of today (web/js/drill-down.js).
    await page.waitForURL(/\/app\/tasks\?kind=task&.*agencyId=\d+.*timeliness=overdue/);
    await page.locator('#task-filters [name=timeliness] option[value="overdue"]:checked').waitFor({ state: 'attached' });
    await page.locator('#task-list tbody tr').first().waitFor();
    const agencies = await page.locator('#task-list tbody td[data-label="Cơ quan chủ trì"]').allInnerTexts();
    expect(agencies.length).toBeGreaterThan(0);
    expect(new Set(agencies)).toEqual(new Set([agencyName]));
    expect(await page.locator('#task-list tbody tr.row-overdue').count()).toBe(agencies.length);
    // Leaders read: no selection, no bulk actions.
    await expect(page.locator('#bulk-form').count()).resolves.toBe(0);

    // The view per leader in charge: their tasks across agencies, and the list behind the figure.
    await page.goto(`${base}/app/dashboard`);
    const leaders = (await t.http.get('/api/tasks/leaders').set({ Authorization: `Bearer ${await t.login()}` }).expect(200)).body.items as string[];
    expect(leaders.length).toBeGreaterThan(0);
    await page.locator('#period-form').getByLabel('Lãnh đạo phụ trách').selectOption(leaders[0]);
    await page.locator('#period-form').getByRole('button', { name: 'Xem' }).click();
    await page.locator('#now-title', { hasText: `nhiệm vụ do ${leaders[0]} phụ trách` }).waitFor();
    const stat = page.locator('#live-stats a.stat', { hasText: 'Quá hạn' });
    expect(new URL(await stat.getAttribute('href') ?? '', base).searchParams.get('leaderInCharge')).toBe(leaders[0]);
    await page.close();
  });

  it('should give admins the queue console in a new tab from their menu, and nobody else', async () => {
    const page = await newPage();
    await signIn(page, TEST_ADMIN.email, TEST_ADMIN.password);
    await page.waitForURL(/\/app\/admin\/users$/);
    const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
    const [tab] = await Promise.all([context.waitForEvent('page'), nav.getByRole('link', { name: 'Hàng đợi công việc', exact: true }).click()]);
    // The one-minute link is exchanged for the console's session and Bull Board lists every queue.
    await tab.waitForURL(`${base}/api/queues`);
    for (const queue of ALL_QUEUES) await tab.getByText(queue, { exact: true }).first().waitFor();
    await tab.screenshot({ path: join(SCREENSHOTS_DIR, '24-queue-console.png'), fullPage: true });
    // The app's own tab stays where it was.
    expect(page.url()).toBe(`${base}/app/admin/users`);
    await tab.close();
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.close();

    // Office and agency users: no such item, and the link endpoint refuses them.
    for (const email of [OFFICE_USER, 'hangntt.stc@nhiemvu.example']) {
      const other = await newPage();
      await signIn(other, email);
      await other.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link').first().waitFor();
      await expect(other.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Hàng đợi công việc' }).count()).resolves.toBe(0);
      const token = await t.login(email, PASSWORD);
      const refused = await t.http.post('/api/queue-console/link').set({ Authorization: `Bearer ${token}` }).send({}).expect(403);
      expect(refused.body.message).toMatch(/quyền/);
      await other.getByRole('button', { name: 'Đăng xuất' }).click();
      await other.close();
    }
  });

  it('should let an admin create a user, merge two agencies after a preview, and upload a công văn template the next escalation uses', async () => {
    const admin = await t.login(TEST_ADMIN.email, TEST_ADMIN.password);
    const auth = { Authorization: `Bearer ${admin}` };
    const today = t.get(CalendarService).today();
    const made = async (code: string, name: string) => (await t.http.post('/api/agencies').set(auth).send({ code, name, kind: 'department', emails: [`${code.toLowerCase()}@nhiemvu.example`] }).expect(201)).body as { id: number; name: string };
    const from = await made('SKHDT-T', 'Sở Kế hoạch và Đầu tư (thử)');
    const into = await made('STC-T', 'Sở Tài chính (thử)');
    const task = (await t.http.post('/api/tasks').set(auth).send({ title: 'Rà soát danh mục dự án đầu tư công trung hạn (thử sáp nhập)', kind: 'task', leadAgencyId: from.id, origin: 'added', assignedAt: addDays(today, -60), dueDate: addDays(today, -20) }).expect(201)).body as { id: number };

    const page = await newPage();
    await signIn(page, TEST_ADMIN.email, TEST_ADMIN.password);
    // Admins get their own menu and land on it.
    await page.waitForURL(/\/app\/admin\/users$/);
    const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
    for (const item of ['Người dùng', 'Cơ quan', 'Mẫu văn bản', 'Công văn đôn đốc']) await nav.getByRole('link', { name: item, exact: true }).waitFor();
    await expect(nav.getByRole('link', { name: 'Nhập chương trình', exact: true }).count()).resolves.toBe(0);

    // A user.
    const userForm = page.locator('#user-form');
    await userForm.getByLabel('Email').fill('chuyenvien.moi@nhiemvu.example');
    await userForm.getByLabel('Họ và tên').fill('Trần Thị Mới');
    await userForm.getByLabel('Vai trò', { exact: true }).selectOption('agency');
    await userForm.getByLabel('Thuộc cơ quan, đơn vị').selectOption({ label: 'Sở Tài chính (thử)' });
    await userForm.getByLabel('Mật khẩu ban đầu').fill('mat-khau-ban-dau-2026');
    await userForm.getByRole('button', { name: 'Tạo người dùng' }).click();
    await page.locator('#admin-result .notice-success', { hasText: 'Đã tạo người dùng Trần Thị Mới (chuyenvien.moi@nhiemvu.example).' }).waitFor();
    await page.locator('table', { hasText: 'chuyenvien.moi@nhiemvu.example' }).waitFor();
    await shot(page, '23-admin-users', 'admin-users.png');
    expect(await t.login('chuyenvien.moi@nhiemvu.example', 'mat-khau-ban-dau-2026')).toEqual(expect.any(String));

    // A merge, after its preview.
    await nav.getByRole('link', { name: 'Cơ quan', exact: true }).click();
    const merge = page.locator('#merge-form');
    await merge.getByLabel('Cơ quan được sáp nhập').selectOption({ label: from.name });
    await merge.getByLabel('Sáp nhập vào').selectOption({ label: into.name });
    await merge.getByLabel('Ngày sáp nhập (hoạt động đến hết ngày)').fill(today.split('-').reverse().join('/'));
    await merge.getByRole('button', { name: 'Xem trước' }).click();
    const preview = page.locator('#merge-preview');
    await preview.locator('a', { hasText: 'Rà soát danh mục dự án đầu tư công trung hạn (thử sáp nhập)' }).waitFor();
    await expect(preview.innerText()).resolves.toContain('1 nhiệm vụ đang thực hiện sẽ chuyển cơ quan chủ trì sang Sở Tài chính (thử)');
    // The preview changed nothing.
    expect((await t.http.get(`/api/tasks/${task.id}`).set(auth).expect(200)).body.leadAgencyId).toBe(from.id);
    await shot(page, '24-admin-merge-preview', 'admin-merge-preview.png');
    await page.locator('#merge-confirm').click();
    await page.locator('#admin-result .notice-success', { hasText: 'Đã sáp nhập Sở Kế hoạch và Đầu tư (thử) vào Sở Tài chính (thử): 1 nhiệm vụ chuyển cơ quan chủ trì' }).waitFor();
    expect((await t.http.get(`/api/tasks/${task.id}`).set(auth).expect(200)).body.leadAgencyId).toBe(into.id);

    // The office's own công văn template; a broken one is refused first.
    await nav.getByRole('link', { name: 'Mẫu văn bản', exact: true }).click();
    const card = page.locator('#template-cong-van-don-doc');
    const dir = mkdtempSync(join(tmpdir(), 'nhiemvu-template-'));
    const zip = new PizZip(readFileSync(defaultTemplatePath('cong-van-don-doc')));
    const xml = zip.file('word/document.xml')!.asText();
    writeFileSync(join(dir, 'sai.docx'), new PizZip(readFileSync(defaultTemplatePath('cong-van-don-doc'))).file('word/document.xml', xml.replace('{agencyName}.', '{agencyName} {soVanBan}.')).generate({ type: 'nodebuffer' }));
    writeFileSync(join(dir, 'mau-van-phong.docx'), zip.file('word/document.xml', xml.replace('Kính gửi: ', 'Kính gửi đồng chí Thủ trưởng ')).generate({ type: 'nodebuffer' }));
    await card.locator('input[type=file]').setInputFiles(join(dir, 'sai.docx'));
    await card.getByRole('button', { name: 'Tải mẫu lên' }).click();
    await card.locator('.field-error, .error-summary', { hasText: '{soVanBan}' }).first().waitFor();
    await card.locator('input[type=file]').setInputFiles(join(dir, 'mau-van-phong.docx'));
    await card.getByRole('button', { name: 'Tải mẫu lên' }).click();
    await page.locator('#admin-result .notice-success', { hasText: 'Đã dùng mẫu mới cho “Công văn đôn đốc thực hiện nhiệm vụ quá hạn”.' }).waitFor();
    await expect(page.locator('#template-cong-van-don-doc').innerText()).resolves.toContain('Đang dùng mẫu của Văn phòng');
    await shot(page, '25-admin-templates', 'admin-templates.png');
    rmSync(dir, { recursive: true, force: true });

    // "Nhắc việc ngay": the preview of the digests, then the scan, whose escalation drafts from that template.
    await nav.getByRole('link', { name: 'Nhắc việc ngay', exact: true }).click();
    const row = page.locator('#scan-preview tbody tr', { hasText: 'Sở Tài chính (thử)' });
    await row.waitFor();
    await expect(row.innerText()).resolves.toMatch(/Rà soát danh mục dự án đầu tư công trung hạn \(thử sáp nhập\) — mốc nhắc: quá hạn \d+ ngày/);
    await expect(row.innerText()).resolves.toContain('Có, kèm dự thảo công văn');
    await shot(page, '26-admin-scan-preview', 'admin-scan-preview.png');
    await page.locator('#scan-now').click();
    await page.locator('#admin-result .notice-success', { hasText: /^Đã gửi \d+ thư nhắc việc/ }).waitFor();
    // The letter is drawn by its own job after the scan (size 0 until then).
    const letters = t.get(DataSource).getRepository(ReminderLetter);
    await waitFor(async () => ((await letters.findOneBy({ agencyId: into.id }))?.size ?? 0) > 0, 30_000, 'the letter job');
    const letter = await letters.findOneByOrFail({ agencyId: into.id });
    expect(docxText(readFileSync(t.get(RemindersService).letterPath(letter)))).toContain('Kính gửi đồng chí Thủ trưởng Sở Tài chính (thử).');
    await nav.getByRole('link', { name: 'Công văn đôn đốc', exact: true }).click();
    await page.locator('table', { hasText: 'Sở Tài chính (thử)' }).waitFor();

    // Reminder rules of one program: escalate from 21 days instead of 14.
    await nav.getByRole('link', { name: 'Quy tắc nhắc việc', exact: true }).click();
    const rule = page.locator('.rule-card').first();
    await rule.locator('summary').click();
    const programId = Number(await rule.locator('form').getAttribute('data-program-id'));
    await rule.getByLabel('Đôn đốc (kèm công văn) từ khi quá hạn (ngày)').fill('21');
    await rule.getByRole('button', { name: 'Lưu quy tắc' }).click();
    await page.locator('#admin-result .notice-success', { hasText: 'Đã lưu quy tắc nhắc việc của chương trình' }).waitFor();
    const policy = (await t.http.get(`/api/programs/${programId}/reminder-policy`).set(auth).expect(200)).body as { policy: { escalateAfterDays: number } };
    expect(policy.policy.escalateAfterDays).toBe(21);
    await page.close();
  });

  it('should have thrown no script error', () => {
    expect(pageErrors).toEqual([]);
  });
});
