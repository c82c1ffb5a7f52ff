import { type Browser } from 'playwright-core';
import { DEMO_PASSWORD, launchBrowser, screenshot, urls } from '../support/browser';

/** Issue 2's promise: the started system answers, and both web apps load in a real browser. */
describe('the started stack', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it('reports database and Redis up', async () => {
    const res = await fetch(`${urls.api}/api/health`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { info: Record<string, { status: string }> };
    expect(body.info['database']?.status).toBe('up');
    expect(body.info['redis']?.status).toBe('up');
  });

  it('loads the admin desk, shows the services up, and signs the demo clerk in', async () => {
    const page = await browser.newPage();
    await page.goto(urls.admin);
    await page.getByTestId('health-database').and(page.locator('[data-state="up"]')).waitFor();
    await screenshot(page, 'admin-sign-in');
    await page.getByLabel('用户名').fill('clerk');
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByText('经办人', { exact: false }).first().waitFor();
    await page.close();
  });

  it('loads the publisher', async () => {
    const page = await browser.newPage();
    await page.goto(urls.publisher);
    // The public footer says nothing about the servers (issue 18); the page proves the stack by its content.
    await page.getByRole('heading', { level: 1, name: '政府信息公开' }).waitFor();
    expect(await page.getByTestId('health-database').count()).toBe(0);
    await screenshot(page, 'publisher-home');
    await page.close();
  });
});
