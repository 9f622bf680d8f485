/** Request counts by method and route template: what the benchmark reads to count round trips. */
export class RequestStats {
  private total = 0;
  private byRoute = new Map<string, number>();

  count(key: string): void {
    if (!key.includes('(in $batch)')) this.total++;
    this.byRoute.set(key, (this.byRoute.get(key) ?? 0) + 1);
  }

  reset(): void {
    this.total = 0;
    this.byRoute.clear();
  }

  snapshot() {
    const byMethodAndRoute = Object.fromEntries([...this.byRoute.entries()].sort());
    const byMethod: Record<string, number> = {};
    for (const [key, n] of this.byRoute) {
      if (key.includes('(in $batch)')) continue;
      const method = key.split(' ')[0];
      byMethod[method] = (byMethod[method] ?? 0) + n;
    }
    return { total: this.total, byMethod, byMethodAndRoute };
  }
}
