import { describe, expect, it } from 'vitest';
import { deletedPolicyName, SHOWN_NAME_LENGTH } from './deleted-policy-name';

describe('deletedPolicyName: the ?deleted= parameter of the policy list', () => {
  it('gives back an ordinary name, trimmed', () => {
    expect(deletedPolicyName('  Contoso 2h ')).toBe('Contoso 2h');
    expect(deletedPolicyName('Exports “8 h” <b>bold</b> & co')).toBe(
      'Exports “8 h” <b>bold</b> & co',
    );
  });

  it('ignores what is no name: nothing, spaces, control characters, far too long', () => {
    expect(deletedPolicyName(null)).toBeUndefined();
    expect(deletedPolicyName('')).toBeUndefined();
    expect(deletedPolicyName('   ')).toBeUndefined();
    expect(deletedPolicyName('line one\nline two')).toBeUndefined();
    expect(deletedPolicyName('nul\u0000')).toBeUndefined();
    expect(deletedPolicyName('x'.repeat(257))).toBeUndefined();
  });

  it('shortens a long name, counting characters rather than UTF-16 units', () => {
    const long = '😀'.repeat(200);
    const shown = deletedPolicyName(long)!;
    expect([...shown]).toHaveLength(SHOWN_NAME_LENGTH);
    expect(shown.endsWith('…')).toBe(true);
    expect(shown.startsWith('😀😀')).toBe(true);
  });
});
