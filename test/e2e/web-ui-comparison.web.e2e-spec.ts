import { BrowserContext, Page, Route } from 'playwright-core';
import { TestApp } from 'test/utils/create-test-app';
import { BrowserApp, openPage, screenshot, signInAs, startBrowserApp } from 'test/utils/chromium';

// Issue #17 item 9: one page, the own-password change, built twice — web/js/views/account.js on the home-made layer
// (dom.js, components.js) and web/js/views/account.preact.js on Preact + htm (web/vendor/, reached with ?ui=preact) —
// driven through the same journey in Debian's Chromium. Both must show the same things: errors next to their fields
// with the focus on the first one, the busy button, the success message in the aria-live region, the same
// accessibility tree, and no Content-Security-Policy violation. docs/web-ui-library.md has the comparison.

const DEMO_PASSWORD = 'nhiemvu-demo';
const NEW_PASSWORD = 'cay-dieu-binh-phuoc-ra-hoa-thang-gieng';

jest.setTimeout(180_000);

/** Reports every securitypolicyviolation of the page's documents into window.__cspViolations (set before any page script runs). */
const CSP_LISTENER = `window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));`;

describe('web UI comparison: the password page on plain modules and on Preact + htm (e2e, headless Chromium)', () => {
  let t: TestApp;
  let context: BrowserContext;
  let browserApp: BrowserApp;
  let base: string;
  const pageErrors: string[] = [];
  /** The accessibility tree of the form with errors shown, per version: the two must be equal. */
  const snapshots: Record<string, string> = {};

  beforeAll(async () => {
    browserApp = await startBrowserApp({ workers: false, seed: true });
    ({ t, context, base } = browserApp);
    await context.addInitScript(CSP_LISTENER);
  });

  afterAll(() => browserApp?.close());

  const focused = (page: Page): Promise<string> => page.evaluate('document.activeElement?.getAttribute("name") ?? document.activeElement?.tagName');
  const violations = (page: Page): Promise<string[]> => page.evaluate('window.__cspViolations');

  /** The error under field `name`: its text, and that the input is marked invalid and described by it. */
  async function fieldError(page: Page, name: string): Promise<string> {
    const box = page.locator(`#password-form .field[data-field="${name}"] .field-error`);
    await box.waitFor();
    const input = page.locator(`#password-form input[name=${name}]`);
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    const boxId = await box.getAttribute('id');
    expect((await input.getAttribute('aria-describedby'))?.split(' ')).toContain(boxId);
    return (await box.innerText()).trim();
  }

  const versions = [
    { name: 'plain modules', ui: '', email: 'phuctv.syt@nhiemvu.example', fullName: 'Trần Văn Phúc', shot: 'plain' },
    { name: 'Preact + htm', ui: '?ui=preact', email: 'sonvt.sxd@nhiemvu.example', fullName: 'Võ Thanh Sơn', shot: 'preact' },
  ];

  it.each(versions)('should change the password through the same journey on $name', async ({ ui, email, fullName, shot }) => {
    const page = await openPage(context, pageErrors, { width: 1024, height: 900 });
    await signInAs(page, base, email, DEMO_PASSWORD);
    await page.goto(`${base}/app/account/password${ui}`);
    const form = page.locator('#password-form');
    await page.getByRole('heading', { level: 1, name: 'Đổi mật khẩu' }).waitFor();
    await expect(page.locator('.page-header .subtitle').innerText()).resolves.toBe(`${fullName} (${email})`);
    await expect(page.title()).resolves.toMatch(/^Đổi mật khẩu – /);
    expect(await focused(page)).toBe('currentPassword');
    // Which version drew the page: dom.js numbers its ids (currentPassword-3), the Preact page names them.
    expect(await form.locator('input[name=currentPassword]').getAttribute('id')).toMatch(ui ? /^password-currentPassword$/ : /^currentPassword-\d+$/);

    // The form's own checks: empty fields, then a confirmation that does not match; the summary and the focus.
    await form.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await expect(fieldError(page, 'currentPassword')).resolves.toBe('Trường này không được để trống');
    await expect(fieldError(page, 'newPassword')).resolves.toBe('Trường này không được để trống');
    await expect(form.locator('.error-summary[role=alert]').innerText()).resolves.toBe('Vui lòng kiểm tra lại');
    expect(await focused(page)).toBe('currentPassword');
    await form.getByLabel('Mật khẩu hiện tại').fill(DEMO_PASSWORD);
    await form.locator('input[name=newPassword]').fill(NEW_PASSWORD);
    await form.getByLabel('Nhập lại mật khẩu mới').fill('khac-hoan-toan');
    await form.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await expect(fieldError(page, 'confirmPassword')).resolves.toBe('Không khớp với mật khẩu mới');
    await expect(form.locator('.field-error').count()).resolves.toBe(1);
    expect(await form.locator('input[name=currentPassword]').getAttribute('aria-invalid')).toBeNull();
    expect(await focused(page)).toBe('confirmPassword');
    snapshots[shot] = await form.ariaSnapshot();

    // The server's refusals land next to their fields: a wrong current password, then a weak new one.
    await form.getByLabel('Mật khẩu hiện tại').fill('sai-mat-khau-roi');
    await form.getByLabel('Nhập lại mật khẩu mới').fill(NEW_PASSWORD);
    await form.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await expect(fieldError(page, 'currentPassword')).resolves.toMatch(/không đúng/);
    expect(await focused(page)).toBe('currentPassword');
    await form.getByLabel('Mật khẩu hiện tại').fill(DEMO_PASSWORD);
    await form.locator('input[name=newPassword]').fill('1234567890');
    await form.getByLabel('Nhập lại mật khẩu mới').fill('1234567890');
    await form.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await expect(fieldError(page, 'newPassword')).resolves.toMatch(/Mật khẩu quá yếu/);
    expect(await focused(page)).toBe('newPassword');
    await screenshot(page, `40-compare-${shot}-errors`);
    await expect(t.login(email, DEMO_PASSWORD)).resolves.toEqual(expect.any(String));

    // Success. The request is held until the busy state has been seen (no timing: the test releases it).
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await page.route('**/api/auth/password', async (route: Route) => {
      await held;
      await route.continue();
    });
    await form.locator('input[name=newPassword]').fill(NEW_PASSWORD);
    await form.getByLabel('Nhập lại mật khẩu mới').fill(NEW_PASSWORD);
    await form.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    const button = form.locator('.form-actions button');
    await form.locator('button[aria-busy=true]', { hasText: 'Đang đổi…' }).waitFor();
    expect(await button.isDisabled()).toBe(true);
    release();
    const done = page.locator('#password-result[aria-live=polite] .notice-success[role=status]');
    await done.waitFor();
    // t.login above opened one more session of the user: the page says it was ended.
    expect((await done.innerText()).trim()).toBe('Đã đổi mật khẩu. 1 phiên đăng nhập khác của bạn đã được đăng xuất; lần đăng nhập sau hãy dùng mật khẩu mới.');
    await expect(button.innerText()).resolves.toBe('Đổi mật khẩu');
    expect(await button.isDisabled()).toBe(false);
    expect(await button.getAttribute('aria-busy')).toBeNull();
    await expect(form.locator('.field-error, .error-summary').count()).resolves.toBe(0);
    for (const name of ['currentPassword', 'newPassword', 'confirmPassword']) await expect(form.locator(`input[name=${name}]`).inputValue()).resolves.toBe('');
    await screenshot(page, `41-compare-${shot}-done`);
    await expect(t.login(email, NEW_PASSWORD)).resolves.toEqual(expect.any(String));

    expect(await violations(page)).toEqual([]);
    await page.close();
  });

  it('should give both versions the same accessibility tree', () => {
    expect(snapshots.plain).toContain('textbox "Nhập lại mật khẩu mới" [invalid]');
    expect(snapshots.preact).toBe(snapshots.plain);
  });

  it('should see a CSP violation when there is one (the listener works)', async () => {
    const page = await openPage(context, [], { width: 800, height: 600 });
    await page.goto(`${base}/app/login`);
    await page.evaluate(`document.body.append(Object.assign(document.createElement('script'), { textContent: 'window.x = 1' }))`);
    await page.waitForFunction('window.__cspViolations.length > 0');
    expect(await violations(page)).toEqual([expect.stringMatching(/^script-src/)]);
    await page.close();
  });

  it('should have no script errors on any page', () => {
    expect(pageErrors).toEqual([]);
  });
});
