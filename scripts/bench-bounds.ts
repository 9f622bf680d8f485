// The fewest Graph round trips (and sequential steps) any loader could spend on a tenant: what
// the bench compares the dashboard's loader with. Pure, so a test can check it by hand.
import { APP_ID_PREFIXES, SPLIT_ABOVE } from '../lib/graph/directory';
import { APPLIES_TO_PAGE } from '../lib/graph/directory-index';

export const BATCH_SIZE = 20;
export const COLLECTION_PAGE = 999;

export interface TenantShape {
  policies: number;
  /** How many objects each policy's appliesTo lists. */
  linksPerPolicy: number[];
  applications: number;
  servicePrincipals: number;
}

export interface LowerBound {
  roundTrips: number;
  /** Requests that must wait for each other: what latency multiplies. */
  sequentialSteps: number;
}

/**
 * Policy list (1), then appliesTo in $batch rounds: round r carries every policy that still has an
 * r-th page of 999, 20 to a $batch. Beside it, the two collections page by page (999 a page).
 */
export function lowerBound(shape: TenantShape): LowerBound {
  const pagesOf = (n: number, size: number) => Math.max(1, Math.ceil(n / size));
  const appliesToPages = shape.linksPerPolicy.map((n) => pagesOf(n, APPLIES_TO_PAGE));
  const rounds = Math.max(0, ...appliesToPages);
  let batches = 0;
  for (let round = 1; round <= rounds; round++) {
    const policiesInRound = appliesToPages.filter((pages) => pages >= round).length;
    batches += Math.ceil(policiesInRound / BATCH_SIZE);
  }
  const appPages = pagesOf(shape.applications, COLLECTION_PAGE);
  const spPages = pagesOf(shape.servicePrincipals, COLLECTION_PAGE);
  // Service principals may be read in 16 chains by the first digit of their appId (a documented
  // startsWith filter); applications may not (appId: eq only). A count first says if it pays.
  const spSteps =
    shape.servicePrincipals > SPLIT_ABOVE
      ? 1 + pagesOf(shape.servicePrincipals / APP_ID_PREFIXES.length, COLLECTION_PAGE)
      : spPages;
  return {
    roundTrips: 1 + batches + appPages + spPages,
    sequentialSteps: Math.max(1 + rounds, appPages, spSteps),
  };
}
