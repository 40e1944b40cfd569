/**
 * Matches request paths against the route templates (literal segments win over parameters).
 */
import type { Route } from './http';

interface CompiledRoute {
  route: Route;
  pattern: RegExp;
  names: string[];
  literal: boolean;
}

export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
}

export function compileRoutes(routes: Route[]): (method: string, pathname: string) => RouteMatch | null {
  const compiled: CompiledRoute[] = routes.map((route) => {
    const names: string[] = [];
    const source = route.template
      .split('/')
      .map((segment) => {
        const param = /^\{(.+)\}$/.exec(segment);
        if (!param) return segment.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
        names.push(param[1] ?? '');
        return '([^/]+)';
      })
      .join('/');
    return { route, pattern: new RegExp(`^${source}/?$`), names, literal: names.length === 0 };
  });
  return (method, pathname) => {
    const candidates = compiled
      .filter((entry) => entry.route.method === method.toUpperCase() && entry.pattern.test(pathname))
      .sort((a, b) => a.names.length - b.names.length);
    const best = candidates[0];
    if (!best) return null;
    const match = best.pattern.exec(pathname);
    const params: Record<string, string> = {};
    best.names.forEach((name, index) => {
      params[name] = decodeURIComponent(match?.[index + 1] ?? '');
    });
    return { route: best.route, params };
  };
}

/** The template of the route a request would hit, for call counters ("GET /rest/api/3/issue/{issueIdOrKey}"). */
export function templateKey(method: string, match: RouteMatch | null, pathname: string): string {
  return `${method.toUpperCase()} ${match ? match.route.template : pathname}`;
}
