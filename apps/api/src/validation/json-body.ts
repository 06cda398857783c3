import type { FastifyInstance } from 'fastify';

/** Deepest nesting of arrays and objects a JSON body may have (GraphQL inputs nest 4 or 5). */
export const MAX_JSON_DEPTH = 32;

export class BodyTooDeep extends Error {
  readonly statusCode = 400;
  readonly code = 'BODY_TOO_DEEP';
  constructor() {
    super(`the body is nested deeper than ${MAX_JSON_DEPTH} levels`);
  }
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;

/**
 * Whether JSON text nests arrays and objects deeper than `max`: one pass over the characters,
 * brackets inside strings skipped, before anything is parsed (so a body of thousands of nested
 * arrays never reaches JSON.parse, class-transformer or a validator). Malformed text is left to
 * the parser.
 */
export function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (++depth > max) return true;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) depth--;
  }
  return false;
}

/**
 * Fastify's own JSON parser (prototype poisoning refused, each route's body limit) behind the
 * nesting check: a body nested deeper than MAX_JSON_DEPTH is a 400 before it is parsed.
 */
export function limitJsonNesting(fastify: FastifyInstance): void {
  const parse = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (nestsDeeperThan(String(body), MAX_JSON_DEPTH)) done(new BodyTooDeep(), undefined);
    else parse(request, String(body), done);
  });
}
