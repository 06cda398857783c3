import { chromium, type Browser, type Page } from 'playwright-core';
import { makeFictionalIdNumber } from '@app/domain';
import { describeUnless } from '@app/event-store/testing/describe-unless';
import { mustMutate } from './support/cases-api';
import { chromiumPath, withoutChromium } from './support/chromium';
import { TestApp } from './support/test-app';

/** The page's document, as the functions evaluated in the browser see it. */
declare const document: {
  querySelector(selector: string): { textContent: string | null } | null;
};

/** The visible one of the Variables and Headers editors. */
const HEADERS = '.graphiql-editor-tool .graphiql-editor:not(.hidden)';

/** The text of the CodeMirror editor under `selector`, or sets it (as typing it would). */
const editor = (page: Page, selector: string, value?: string) =>
  page.evaluate(
    ([css, text]) => {
      const mirror = (
        document.querySelector(`${css} .CodeMirror`) as unknown as {
          CodeMirror: { getValue(): string; setValue(v: string): void };
        }
      ).CodeMirror;
      if (text !== undefined) mirror.setValue(text);
      return mirror.getValue();
    },
    [selector, value] as const,
  );

/** The page's local storage, where GraphiQL keeps the headers it will send. */
declare const localStorage: {
  getItem(key: string): string | null;
  length: number;
  key(i: number): string | null;
};

/**
 * Types `value` into the Headers tab, and waits until GraphiQL has taken it (its editors pass
 * changes on after a debounce; it then keeps the headers in local storage).
 */
async function setHeaders(page: Page, value: string): Promise<void> {
  await editor(page, HEADERS, value);
  await page.waitForFunction((text) => {
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i) ?? '';
      if (key.endsWith('headers') && localStorage.getItem(key) === text) return true;
    }
    return false;
  }, value);
}

/** Under a loaded CI machine a browser step may take a while; none waits on a timer. */
const SLOW = 90_000;

describeUnless(withoutChromium(), 'GraphiQL in a browser, with no internet', () => {
  let app: TestApp;
  let browser: Browser;
  let page: Page;
  const outside: string[] = [];
  const problems: string[] = [];
  let caseId: string;

  beforeAll(async () => {
    app = await TestApp.start();
    caseId = (
      await mustMutate(
        app,
        'identifyChild',
        {
          idNumber: makeFictionalIdNumber('370303', '2014-05-06', 7),
          name: '浏览器',
          regionCode: '370303001001',
          source: 'VISIT',
          identifiedAt: '2026-01-10T09:00:00+08:00',
        },
        app.token('ADMIN'),
      )
    ).caseId!;
    browser = await chromium.launch({
      executablePath: chromiumPath()!,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
    });
    page = await browser.newPage();
    page.setDefaultTimeout(SLOW - 5_000);
    // no internet: anything asked of another origin fails, and is remembered here
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(app.url)) return route.continue();
      outside.push(url);
      return route.abort('internetdisconnected');
    });
    // the requests GraphiQL sends before a token is set are refused (401): expected, not a problem
    const refused = /^Failed to load resource: .* status of 401/;
    page.on(
      'console',
      (m) => m.type() === 'error' && !refused.test(m.text()) && problems.push(m.text()),
    );
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${app.url}/graphiql`);
    await page.waitForSelector('.graphiql-query-editor .CodeMirror');
  }, SLOW);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('loads every script and style sheet from this service', () => {
    expect(outside).toEqual([]);
  });

  it(
    'runs a query with the token set in its Headers tab, and shows the answer',
    async () => {
      await page.getByText('Headers', { exact: true }).click();
      await setHeaders(
        page,
        JSON.stringify({ Authorization: `Bearer ${app.token('CIVIL_AFFAIRS', ['3703'])}` }),
      );
      await editor(
        page,
        '.graphiql-query-editor',
        `{ case(id: "${caseId}") { id regionCode status } }`,
      );
      await page.locator('.graphiql-execute-button').click();
      await page.waitForFunction(
        (id) => document.querySelector('.result-window')?.textContent?.includes(id),
        caseId,
      );
      const answer = JSON.parse(await editor(page, '.graphiql-response')) as unknown;
      expect(answer).toEqual({
        data: { case: { id: caseId, regionCode: '370303001001', status: 'IDENTIFIED' } },
      });
    },
    SLOW,
  );

  it(
    'shows the refusal of a query without a valid token',
    async () => {
      await setHeaders(page, '{ "Authorization": "Bearer not-a-token" }');
      await page.locator('.graphiql-execute-button').click();
      await page.waitForFunction(() =>
        document.querySelector('.result-window')?.textContent?.includes('UNAUTHENTICATED'),
      );
    },
    SLOW,
  );

  it(
    'loads the schema for its documentation once the token is set',
    async () => {
      await setHeaders(page, JSON.stringify({ Authorization: `Bearer ${app.token('AUDITOR')}` }));
      await page.locator('[aria-label="Re-fetch GraphQL schema"]').click();
      await page.locator('[aria-label="Show Documentation Explorer"]').click();
      await page.getByText('CaseHistoryEvent', { exact: true }).waitFor();
    },
    SLOW,
  );

  it('runs under its content security policy with no violation and no script error', () => {
    expect(problems).toEqual([]);
  });
});
