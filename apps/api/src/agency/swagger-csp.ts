import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';

const INLINE_STYLE = /<style[^>]*>([\s\S]*?)<\/style>/gi;
const STYLE_ATTRIBUTE = /\sstyle="([^"]*)"/gi;
const INLINE_SCRIPT = /<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi;

/** `<style>` elements the UI's scripts render themselves (its logo's SVG), as JS string literals. */
const SCRIPTED_STYLE = /createElement\("style",null,("(?:[^"\\]|\\.)*")\)/g;
const UI_SCRIPTS = ['swagger-ui-bundle.js', 'swagger-ui-standalone-preset.js'];

const hashOf = (text: string) =>
  `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const hashesOf = (html: string, pattern: RegExp) =>
  [...new Set([...html.matchAll(pattern)].map((m) => hashOf(m[1])))].join(' ');

/**
 * The content security policy of Swagger UI's page: its scripts and style sheet from this origin
 * only, its inline styles (the page's, and those its scripts create) by their hashes, images from here or `data:` (its icons), requests
 * ("try it out") to this origin; no inline script, no framing, no plugin, no form elsewhere.
 */
export function swaggerUiPolicy(
  html: string,
  scripted: readonly string[] = scriptedStyles(),
): string {
  const scripts = hashesOf(html, INLINE_SCRIPT);
  const styles = [hashesOf(html, INLINE_STYLE), ...new Set(scripted.map(hashOf))].join(' ');
  const attributes = hashesOf(html, STYLE_ATTRIBUTE);
  return [
    "default-src 'none'",
    `script-src 'self'${scripts ? ' ' + scripts : ''}`,
    `style-src-elem 'self' ${styles}`.trimEnd(),
    `style-src-attr ${attributes ? "'unsafe-hashes' " + attributes : "'none'"}`,
    "img-src 'self' data:",
    "connect-src 'self'",
    "font-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The swagger-ui-dist that @nestjs/swagger serves its assets from. */
function swaggerUiDist(): string {
  const nest = dirname(require.resolve('@nestjs/swagger'));
  return dirname(require.resolve('swagger-ui-dist/package.json', { paths: [nest] }));
}

/** The CSS of the `<style>` elements swagger-ui-dist's scripts create, read from the scripts. */
function scriptedStyles(): string[] {
  return UI_SCRIPTS.flatMap((file) => {
    const source = readFileSync(join(swaggerUiDist(), file), 'utf8');
    return [...source.matchAll(SCRIPTED_STYLE)].map((m) => JSON.parse(m[1]) as string);
  });
}

/**
 * Swagger UI at `path` is served in production too, under its own policy (swaggerUiPolicy) in
 * place of the API's `default-src 'none'`, which blocked its own scripts; worked out once per page.
 */
export function serveSwaggerUiUnderItsPolicy(fastify: FastifyInstance, path: string): void {
  let page: { html: string; policy: string } | undefined;
  const prefix = `/${path}`;
  fastify.addHook('onSend', (request, reply, payload, done) => {
    const url = request.url;
    if (!url.startsWith(prefix) || url.startsWith(`${prefix}-json`)) return done(null, payload);
    if (
      typeof payload === 'string' &&
      String(reply.getHeader('content-type')).startsWith('text/html')
    ) {
      if (page?.html !== payload) page = { html: payload, policy: swaggerUiPolicy(payload) };
      reply.header('content-security-policy', page.policy);
    } else if (page) reply.header('content-security-policy', page.policy);
    done(null, payload);
  });
}
