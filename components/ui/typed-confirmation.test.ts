import { describe, expect, it } from 'vitest';
import { matchesConfirmation } from './typed-confirmation';

describe('matchesConfirmation: the typed name before a tenant-wide change', () => {
  it('wants the exact name, letter case included, as the Azure portal does', () => {
    expect(matchesConfirmation('Contoso 8h', 'Contoso 8h')).toBe(true);
    expect(matchesConfirmation('contoso 8h', 'Contoso 8h')).toBe(false);
    expect(matchesConfirmation('Contoso', 'Contoso 8h')).toBe(false);
    expect(matchesConfirmation('', 'Contoso 8h')).toBe(false);
  });

  it('forgives spaces around the name and another Unicode normal form of the same letters', () => {
    expect(matchesConfirmation('  Contoso 8h ', 'Contoso 8h')).toBe(true);
    expect(matchesConfirmation('Cafe\u0301 2h', 'Caf\u00e9 2h')).toBe(true);
  });

  it('never matches an empty name, so a nameless policy cannot be confirmed by typing nothing', () => {
    expect(matchesConfirmation('', '   ')).toBe(false);
  });
});
