import { type MouseEvent, useEffect, useState } from 'react';

/** The app's location: a path and its query. */
export interface Location {
  path: string;
  search: URLSearchParams;
}

const current = (): Location => ({
  path: window.location.pathname,
  search: new URLSearchParams(window.location.search),
});

const LOCATION_CHANGED = 'antoan:navigate';

/** Goes to `to` (`/zones/z1?period=2026`) without reloading the page. */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.dispatchEvent(new Event(LOCATION_CHANGED));
  window.scrollTo(0, 0);
}

/** The current location, re-rendering on navigation and on the browser's back and forward buttons. */
export function useLocation(): Location {
  const [location, setLocation] = useState(current);
  useEffect(() => {
    const update = () => setLocation(current());
    window.addEventListener('popstate', update);
    window.addEventListener(LOCATION_CHANGED, update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener(LOCATION_CHANGED, update);
    };
  }, []);
  return location;
}

/** An `<a>` click handler that navigates in-app but leaves modified clicks (new tab) to the browser. */
export function linkHandler(to: string) {
  return (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
}

/**
 * Matches `path` against a pattern such as `/enterprises/:eid`, giving the decoded parameters.
 * @example matchPath('/zones/:zid', '/zones/zone-tn1') // { zid: 'zone-tn1' }
 */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const names: string[] = [];
  const source = pattern.replace(/:(\w+)/g, (_match, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  const match = new RegExp(`^${source}/?$`).exec(path);
  if (!match) return null;
  const params: Record<string, string> = {};
  names.forEach((name, index) => {
    params[name] = decodeURIComponent(match[index + 1] ?? '');
  });
  return params;
}
