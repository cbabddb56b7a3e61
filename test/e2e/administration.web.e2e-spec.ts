import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserContext, Page } from 'playwright-core';
import { launchChromium } from 'test/utils/chromium';
import { TestApp } from 'test/utils/create-test-app';

// Administration in a real browser (Debian's Chromium driven by playwright-core), on the demo data:
// each user's own password, agency editing, agency groups. Screenshots go to
// test-artifacts/screenshots/, and with UPDATE_DOC_IMAGES=1 to docs/images/.

const DEMO_PASSWORD = 'nhiemvu-demo';
const AGENCY_USER = 'hangntt.stc@nhiemvu.example';
const ROOT = join(__dirname, '..', '..');
const SHOTS = join(ROOT, 'test-artifacts', 'screenshots');
const DOCS_IMAGES = join(ROOT, 'docs', 'images');

jest.setTimeout(180_000);

describe('administration (e2e, headless Chromium)', () => {
  let t: TestApp;
  let context: BrowserContext;
  let profileDir: string;
  let base: string;
  const pageErrors: string[] = [];

  async function newPage(viewport = { width: 1366, height: 900 }): Promise<Page> {
    const page = await context.newPage();
    await page.setViewportSize(viewport);
    page.setDefaultTimeout(20_000);
    page.on('pageerror', (e) => pageErrors.push(`${page.url()}: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) pageErrors.push(`${page.url()}: ${m.text()}`);
    });
    return page;
  }

  async function signIn(page: Page, email: string, password: string): Promise<void> {
    await context.clearCookies();
    await page.goto(`${base}/app/login`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Mật khẩu').fill(password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.locator('#site-header').waitFor({ state: 'visible' });
  }

  async function shot(page: Page, name: string, docsName?: string): Promise<void> {
    const file = join(SHOTS, `${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    if (docsName && process.env.UPDATE_DOC_IMAGES === '1') copyFileSync(file, join(DOCS_IMAGES, docsName));
  }

  const fits = (page: Page) => page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth');

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    mkdirSync(DOCS_IMAGES, { recursive: true });
    t = await TestApp.start({ workers: false, seed: true });
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as { port: number }).port}`;
    profileDir = mkdtempSync(join(tmpdir(), 'nhiemvu-chromium-'));
    context = await launchChromium(profileDir);
  });

  afterAll(async () => {
    await context?.close();
    await t?.close();
    if (profileDir) rmSync(profileDir, { recursive: true, force: true });
  });

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
    expect(await fits(page)).toBe(true);
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

  it('should have thrown no script error', () => {
    expect(pageErrors).toEqual([]);
  });
});
