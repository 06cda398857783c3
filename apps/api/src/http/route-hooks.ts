import type { RouteOptions } from 'fastify';

type HookName =
  'onRequest' | 'preParsing' | 'preValidation' | 'onSend' | 'onResponse' | 'onRequestAbort';

/**
 * Adds a hook to one route (from an `onRoute` hook), after the route's own: routes that do not
 * need it pay nothing, and the hook need not ask which route it is on.
 */
export function appendRouteHook(route: RouteOptions, name: HookName, hook: unknown): void {
  const existing = route[name] as unknown;
  const list = existing === undefined ? [] : Array.isArray(existing) ? existing : [existing];
  (route as unknown as Record<HookName, unknown[]>)[name] = [...list, hook];
}

/** The GraphQL route (GET and POST) and the agency API's acts. */
export const isGraphQLRoute = (route: RouteOptions): boolean => route.url === '/graphql';
export const isAgencyActRoute = (route: RouteOptions): boolean => {
  const methods = Array.isArray(route.method) ? route.method : [route.method];
  return methods.includes('POST') && route.url.startsWith('/agency/v1/');
};
