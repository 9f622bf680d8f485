// Links Graph hands back (@odata.nextLink, deltaLink) are absolute: they are followed only inside
// the Graph base URL the dashboard was configured with, never to another host.
/**
 * nextLinks are absolute. The SDK only recognises https Graph URLs as absolute, so an http demo
 * tenant's nextLink would be glued onto the base: make it relative, and refuse any foreign host.
 */
export function relativeToGraph(path: string, graphBaseUrl: string): string {
  if (!/^https?:\/\//i.test(path)) return path;
  const url = new URL(path);
  const base = new URL(graphBaseUrl);
  if (url.host !== base.host || !url.pathname.startsWith(base.pathname)) {
    throw new Error(`Refusing to follow a link outside Microsoft Graph: ${url.origin}`);
  }
  return url.pathname.slice(base.pathname.length) + url.search;
}
