import { describe, expect, it } from 'vitest';
import { clearSessionKeepingDrafts, countDrafts } from './draft-storage';

/** sessionStorage as the browser has it: keys are own enumerable properties. */
function fakeStorage(entries: Record<string, string>): Storage {
  const storage = {
    ...entries,
    removeItem(name: string) {
      delete (storage as Record<string, unknown>)[name];
    },
  };
  Object.defineProperty(storage, 'removeItem', { enumerable: false });
  return storage as unknown as Storage;
}

describe('signing out', () => {
  it('keeps unsaved drafts and removes everything else the session stored', () => {
    const storage = fakeStorage({
      'tlp.draft.new': '{"displayName":"Half-typed"}',
      'tlp.draft.p1': '{"displayName":"Edited"}',
      'tlp.write-consent': '1',
      'msal.token.keys': '{}',
    });
    expect(countDrafts(storage)).toBe(2);
    clearSessionKeepingDrafts(storage);
    expect(Object.keys(storage).sort()).toEqual(['tlp.draft.new', 'tlp.draft.p1']);
  });
});
