import NextLink from 'next/link';
import type { ComponentProps } from 'react';

/**
 * next/link without prefetching unless asked: on load, every link in view (the navigation, each
 * policy and application row) fetched its route's server payload and decoded it on the main thread
 * while the page itself was still loading, and scrolling 100,000 rows would ask for every app page
 * that passes. The routes render from the kept directory, so a click
 * loses little without it.
 */
export function Link({ prefetch = false, ...props }: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={prefetch} {...props} />;
}
