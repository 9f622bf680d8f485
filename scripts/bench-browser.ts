// Placeholder replaced below in this branch: the Applications view on a 100,000-object tenant.
export async function runBrowserBench(_size: number): Promise<string> {
  return 'Applications view in Chromium: not yet measured';
}
