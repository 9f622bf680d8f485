// How many directory snapshots the page keeps in IndexedDB (the warm-load cache): read by the
// warm-load journeys and by the browser bench, so both look in the same place the same way.
import type { Page } from '@playwright/test';

export const keptSnapshots = (page: Page): Promise<number> =>
  page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const open = indexedDB.open('token-lifetime-dashboard');
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('directory-snapshots')) return resolve(0);
          const count = db
            .transaction('directory-snapshots')
            .objectStore('directory-snapshots')
            .count();
          count.onsuccess = () => resolve(count.result);
        };
        open.onerror = () => resolve(0);
      }),
  );
