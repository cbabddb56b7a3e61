import { BrowserContext, Page } from 'playwright-core';
import { TEST_ADMIN, TestApp } from 'test/utils/create-test-app';
import { BrowserApp, expectNoSideScroll, openPage, screenshot, signInAs, startBrowserApp } from 'test/utils/chromium';
import { ImportReport } from 'src/modules/imports/import.types';

// Administration in a real browser (Debian's Chromium driven by playwright-core), on the demo data:
// each user's own password, agency editing, agency groups. Screenshots go to
// test-artifacts/screenshots/, and with UPDATE_DOC_IMAGES=1 to docs/images/.

const DEMO_PASSWORD = 'nhiemvu-demo';
const AGENCY_USER = 'hangntt.stc@nhiemvu.example';

jest.setTimeout(180_000);

describe('administration (e2e, headless Chromium)', () => {
  let t: TestApp;
  let context: BrowserContext;
  let browserApp: BrowserApp;
  let base: string;
  const pageErrors: string[] = [];

  const newPage = (viewport?: { width: number; height: number }): Promise<Page> => openPage(context, pageErrors, viewport);
  const signIn = (page: Page, email: string, password: string): Promise<void> => signInAs(page, base, email, password);
  const shot = screenshot;

  beforeAll(async () => {
    browserApp = await startBrowserApp({ workers: false, seed: true });
    ({ t, context, base } = browserApp);
  });

  afterAll(() => browserApp?.close());

  it('should let an agency user change their password on a phone, sign out and sign in with the new one', async () => {
    const newPassword = 'cay-dieu-binh-phuoc-ra-hoa-thang-gieng';
    const page = await newPage({ width: 390, height: 844 });
    await signIn(page, AGENCY_USER, DEMO_PASSWORD);
    await page.locator('#change-password').click();
    await page.waitForURL(/\/app\/account\/password$/);
    const form = page.locator('#password-form');
    // Refusals from the server land next to their field: a wrong current password, then a weak new one.
    await form.getByLabel('Mật khẩu hiện tại').fill('khong-dung-mat-khau');
    await form.locator('input[name=newPassword]').fill(newPassword);
    await form.getByLabel('Nhập lại mật khẩu mới').fill(newPassword);
    await form.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await form.locator('.field[data-field="currentPassword"] .field-error', { hasText: 'không đúng' }).waitFor();
    await form.getByLabel('Mật khẩu hiện tại').fill(DEMO_PASSWORD);
    await form.locator('input[name=newPassword]').fill('1234567890');
    await form.getByLabel('Nhập lại mật khẩu mới').fill('1234567890');
    await form.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await form.locator('.field[data-field="newPassword"] .field-error', { hasText: 'Mật khẩu quá yếu' }).waitFor();
    await expectNoSideScroll(page, 'change password form with errors');
    await shot(page, '30-390-change-password', 'phone-390-change-password.png');
    // The old password still works: nothing changed so far.
    await expect(t.login(AGENCY_USER, DEMO_PASSWORD)).resolves.toEqual(expect.any(String));

    await form.getByLabel('Mật khẩu hiện tại').fill(DEMO_PASSWORD);
    await form.locator('input[name=newPassword]').fill(newPassword);
    await form.getByLabel('Nhập lại mật khẩu mới').fill(newPassword);
    await form.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await page.locator('#password-result .notice-success', { hasText: 'Đã đổi mật khẩu.' }).waitFor();
    // Still signed in here: the task list opens.
    await page.goto(`${base}/app/tasks`);
    await page.locator('h1').first().waitFor();
    expect(page.url()).toMatch(/\/app\/tasks/);

    await page.locator('#sign-out').click();
    await page.waitForURL(/\/app\/login/);
    await page.getByLabel('Email').fill(AGENCY_USER);
    await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.locator('.error-summary', { hasText: 'Email hoặc mật khẩu không đúng' }).waitFor();
    await signIn(page, AGENCY_USER, newPassword);
    await page.waitForURL(/\/app\/tasks/);
    await page.close();
  });

  it('should let an admin rename an agency, add an alias and an email, with the refusals shown in place, and the task list show the new name', async () => {
    const admin = await t.login(TEST_ADMIN.email, TEST_ADMIN.password);
    const sxd = ((await t.http.get('/api/agencies').query({ q: 'SXD' }).set({ Authorization: `Bearer ${admin}` }).expect(200)).body.items as { id: number; code: string }[]).find((a) => a.code === 'SXD')!;
    const page = await newPage();
    await signIn(page, TEST_ADMIN.email, TEST_ADMIN.password);
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Cơ quan', exact: true }).click();
    await page.locator('button[data-edit-agency="SXD"]').click();
    const form = page.locator('#agency-form');
    await expect(form.getByLabel('Tên cơ quan, đơn vị').inputValue()).resolves.toBe('Sở Xây dựng');
    await form.getByLabel('Tên cơ quan, đơn vị').fill('Sở Xây dựng và Quy hoạch');
    const aliases = form.locator('textarea[name=aliases]');
    const emails = form.locator('textarea[name=emails]');
    // An alias another agency uses, and an address that is not one: each refused next to its field.
    await aliases.fill(`${await aliases.inputValue()}\nSở TC`);
    await emails.fill(`${await emails.inputValue()}\nvan thu@sxd`);
    await form.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await form.locator('.field[data-field="emails"] .field-error').waitFor();
    await emails.fill('sxd@nhiemvu.example\nvanthu.sxd@nhiemvu.example');
    await form.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await form.locator('.field[data-field="aliases"] .field-error', { hasText: 'đã được dùng cho Sở Tài chính (STC)' }).waitFor();
    await shot(page, '31-admin-agency-edit', 'admin-agency-edit.png', { fullPage: false });
    // Nothing was saved by the refused attempts.
    expect((await t.http.get(`/api/agencies/${sxd.id}`).set({ Authorization: `Bearer ${admin}` }).expect(200)).body.name).toBe('Sở Xây dựng');
    await aliases.fill('Sở XD\nSở XD&QH');
    await form.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await page.locator('#admin-result .notice-success', { hasText: 'Đã lưu cơ quan Sở Xây dựng và Quy hoạch (SXD).' }).waitFor();
    await page.locator('table tbody tr', { hasText: 'Sở XD&QH' }).waitFor();
    const saved = (await t.http.get(`/api/agencies/${sxd.id}`).set({ Authorization: `Bearer ${admin}` }).expect(200)).body;
    expect(saved).toMatchObject({ name: 'Sở Xây dựng và Quy hoạch', aliases: ['Sở XD', 'Sở XD&QH'], emails: ['sxd@nhiemvu.example', 'vanthu.sxd@nhiemvu.example'] });
    // Found by its new alias, and the task list names it anew.
    const found = (await t.http.get('/api/agencies').query({ q: 'so xd&qh' }).set({ Authorization: `Bearer ${admin}` }).expect(200)).body.items as { id: number }[];
    expect(found.map((a) => a.id)).toEqual([sxd.id]);
    await page.goto(`${base}/app/tasks?agencyId=${sxd.id}&status=all`);
    const leads = page.locator('#task-list tbody td[data-label="Cơ quan chủ trì"]');
    await leads.first().waitFor();
    expect(new Set(await leads.allInnerTexts())).toEqual(new Set(['Sở Xây dựng và Quy hoạch']));
    await page.close();
  });

  it('should let an admin create an agency group that the next import expands to its members', async () => {
    const page = await newPage();
    await signIn(page, TEST_ADMIN.email, TEST_ADMIN.password);
    await page.getByRole('navigation', { name: 'Mục quản trị' }).getByRole('link', { name: 'Nhóm cơ quan', exact: true }).click();
    await page.locator('#new-group').click();
    const form = page.locator('#group-form');
    await form.getByLabel('Tên nhóm').fill('Các sở khối kinh tế - hạ tầng');
    // A spelling another group already has: the 409 is shown on the form, nothing is created.
    await form.locator('textarea[name=aliases]').fill('các sở khối kinh tế\nUBND cấp huyện');
    await form.getByLabel('Các cơ quan được chọn').check();
    await form.locator('input[name=memberCodes][value=SCT]').check();
    await form.locator('input[name=memberCodes][value=SXD]').check();
    await form.getByRole('button', { name: 'Tạo nhóm' }).click();
    await form.locator('.error-summary', { hasText: 'Tên “UBND cấp huyện” đã thuộc nhóm “UBND các huyện, thị xã, thành phố”' }).waitFor();
    await form.locator('textarea[name=aliases]').fill('các sở khối kinh tế');
    await form.getByRole('button', { name: 'Tạo nhóm' }).click();
    await page.locator('#groups-result .notice-success', { hasText: 'Đã tạo nhóm “Các sở khối kinh tế - hạ tầng”.' }).waitFor();
    const row = page.locator('table tbody tr', { hasText: 'Các sở khối kinh tế - hạ tầng' });
    await expect(row.innerText()).resolves.toContain('Sở Công Thương; Sở Xây dựng và Quy hoạch');
    await shot(page, '32-admin-agency-groups', 'admin-agency-groups.png');

    // The importer reads the edited data: a directive naming the group as coordinator.
    const office = await t.login('vanphong@nhiemvu.example', DEMO_PASSWORD);
    const text =
      'UBND TỈNH BÌNH PHƯỚC\nSố: 15/UBND-KT\nBình Phước, ngày 02 tháng 3 năm 2026\n' +
      'Giao Sở Tài chính chủ trì, phối hợp với các sở khối kinh tế rà soát danh mục dự án kêu gọi đầu tư năm 2026, báo cáo UBND tỉnh trước ngày 30/6/2026.';
    const res = await t.http
      .post('/api/imports')
      .set({ Authorization: `Bearer ${office}` })
      .field('dryRun', 'true')
      .attach('file', Buffer.from(text), { filename: 'kinh-te.txt', contentType: 'text/plain' })
      .expect(200);
    const items = (res.body as ImportReport).items;
    expect(items).toHaveLength(1);
    expect(items[0].task.leadAgency?.code).toBe('STC');
    expect(items[0].task.coordinatingAgencies.map((a) => a.code).sort()).toEqual(['SCT', 'SXD']);

    // Edited: one member fewer; deleted: the importer no longer knows the name.
    await row.getByRole('button', { name: 'Sửa nhóm Các sở khối kinh tế - hạ tầng' }).click();
    await form.locator('input[name=memberCodes][value=SXD]').uncheck();
    await form.getByRole('button', { name: 'Lưu nhóm' }).click();
    await page.locator('#groups-result .notice-success', { hasText: 'Đã lưu nhóm “Các sở khối kinh tế - hạ tầng”.' }).waitFor();
    const again = await t.http.post('/api/imports').set({ Authorization: `Bearer ${office}` }).field('dryRun', 'true').attach('file', Buffer.from(text), { filename: 'kinh-te.txt', contentType: 'text/plain' }).expect(200);
    expect((again.body as ImportReport).items[0].task.coordinatingAgencies.map((a) => a.code)).toEqual(['SCT']);
    const del = page.locator('table tbody tr', { hasText: 'Các sở khối kinh tế - hạ tầng' }).getByRole('button', { name: 'Xóa nhóm Các sở khối kinh tế - hạ tầng' });
    await del.click();
    await del.click();
    await page.locator('#groups-result .notice-success', { hasText: 'Đã xóa nhóm “Các sở khối kinh tế - hạ tầng”.' }).waitFor();
    const groups = (await t.http.get('/api/agency-groups').set({ Authorization: `Bearer ${office}` }).expect(200)).body;
    expect((Array.isArray(groups) ? groups : groups.items).map((g: { name: string }) => g.name)).not.toContain('Các sở khối kinh tế - hạ tầng');

    await page.close();

    // The office reaches the same screen from its imports page (a tab of its own: sessions are per tab).
    const officePage = await newPage();
    await signIn(officePage, 'vanphong@nhiemvu.example', DEMO_PASSWORD);
    await officePage.goto(`${base}/app/imports`);
    await officePage.getByRole('link', { name: 'Nhóm cơ quan', exact: true }).click();
    await officePage.waitForURL(/\/app\/groups$/);
    await officePage.locator('table tbody tr', { hasText: 'UBND các huyện, thị xã, thành phố' }).waitFor();
    await expect(officePage.locator('#new-group').count()).resolves.toBe(1);
    await officePage.close();
  });

  it('should fit the agency edit form and the agency groups screen in 390 px without sideways scrolling', async () => {
    const phone = await newPage({ width: 390, height: 844 });
    await signIn(phone, TEST_ADMIN.email, TEST_ADMIN.password);
    await phone.goto(`${base}/app/admin/agencies`);
    await phone.locator('button[data-edit-agency="STC"]').click();
    const agencyForm = phone.locator('#agency-form');
    await agencyForm.waitFor();
    await expectNoSideScroll(phone, 'agency edit form');
    // A refusal in place (a long Vietnamese message next to its field) wraps too.
    await agencyForm.locator('textarea[name=emails]').fill('van thu@stc');
    await agencyForm.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await agencyForm.locator('.field[data-field="emails"] .field-error').waitFor();
    await expectNoSideScroll(phone, 'agency edit form with an error');
    await shot(phone, '33-390-admin-agency-edit', undefined, { fullPage: false });

    await phone.goto(`${base}/app/admin/groups`);
    await phone.locator('table tbody tr', { hasText: 'UBND các huyện, thị xã, thành phố' }).waitFor();
    await expectNoSideScroll(phone, 'agency groups');
    await phone.locator('#new-group').click();
    const groupForm = phone.locator('#group-form');
    await groupForm.getByLabel('Các cơ quan được chọn').check();
    await groupForm.locator('input[name=memberCodes][value=SCT]').waitFor();
    await expectNoSideScroll(phone, 'new group form with the agency checklist');
    await groupForm.getByLabel('Tên nhóm').fill('Nhóm thử trên điện thoại');
    await groupForm.locator('textarea[name=aliases]').fill('UBND cấp huyện');
    await groupForm.getByRole('button', { name: 'Tạo nhóm' }).click();
    await groupForm.locator('.error-summary', { hasText: 'đã thuộc nhóm' }).waitFor();
    await expectNoSideScroll(phone, 'new group form with a refusal');
    await shot(phone, '34-390-admin-agency-groups');
    await phone.getByRole('button', { name: 'Sửa nhóm UBND các huyện, thị xã, thành phố' }).click();
    await phone.locator('#group-form-title', { hasText: 'Sửa nhóm' }).waitFor();
    await expectNoSideScroll(phone, 'group edit form');
    await phone.close();
  });

  it('should have thrown no script error', () => {
    expect(pageErrors).toEqual([]);
  });
});
