import { createHash } from 'node:crypto';
import { TestApp } from './support/test-app';

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/**
 * Swagger UI at /agency/docs in production: served, under a policy that lets exactly its own
 * assets run (checked here against the page itself; a headless Chromium run showed it renders
 * with no policy violation), while every other answer keeps `default-src 'none'`.
 */
describe('Swagger UI under NODE_ENV=production', () => {
  let app: TestApp;
  let html: string;
  let policy: string;
  beforeAll(async () => {
    app = await TestApp.start({
      NODE_ENV: 'production',
      AUDIT_SIGNING_KEY: 'an-audit-signing-key-of-32-bytes-or-more',
      PERSONAL_DATA_KEY: 'cd'.repeat(32),
    });
    const page = await fetch(`${app.url}/agency/docs`);
    expect(page.status).toBe(200);
    html = await page.text();
    policy = page.headers.get('content-security-policy') ?? '';
  });
  afterAll(() => app.close());

  const directive = (name: string) =>
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .find(([n]) => n === name)
      ?.slice(1) ?? [];

  it('loads its scripts from this origin only, with no inline script to allow', async () => {
    const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      const src = /\ssrc="([^"]+)"/.exec(attributes)?.[1];
      expect(src).toBeDefined();
      expect(body.trim()).toBe('');
      const url = new URL(src!, `${app.url}/agency/docs`);
      expect(url.origin).toBe(app.url);
      const asset = await fetch(url);
      expect(asset.status).toBe(200);
      await asset.arrayBuffer(); // a body left unread keeps its connection busy at close
    }
    expect(directive('script-src')).toEqual(["'self'"]);
  });

  it('allows each inline style by its hash, and its style sheets from this origin', async () => {
    for (const [, css] of html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g))
      expect(directive('style-src-elem')).toContain(sha256(css));
    for (const [, css] of html.matchAll(/\sstyle="([^"]*)"/g))
      expect(directive('style-src-attr')).toContain(sha256(css));
    for (const [, href] of html.matchAll(/<link[^>]*href="([^"]+\.css)"/g)) {
      const url = new URL(href, `${app.url}/agency/docs`);
      expect(url.origin).toBe(app.url);
      const sheet = await fetch(url);
      expect(sheet.status).toBe(200);
      await sheet.arrayBuffer();
    }
    expect(directive('style-src-elem')).toContain("'self'");
    expect(directive('style-src-elem')).not.toContain("'unsafe-inline'");
  });

  it('allows nothing else: no other origin, no framing', () => {
    expect(directive('default-src')).toEqual(["'none'"]);
    expect(directive('frame-ancestors')).toEqual(["'none'"]);
    expect(directive('img-src')).toEqual(["'self'", 'data:']);
    expect(policy).not.toMatch(/https?:|\*/);
  });

  it('keeps the API policy on every other answer', async () => {
    for (const path of ['/health', '/agency/docs-json']) {
      const answer = await fetch(`${app.url}${path}`);
      await answer.arrayBuffer();
      expect(answer.headers.get('content-security-policy')).toBe(
        "default-src 'none'; frame-ancestors 'none'",
      );
    }
  });
});
