import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv';

describe('CSV export', () => {
  it.each(['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)', '\tx', '\rx'])(
    'neutralises a formula in %j',
    (value) => {
      const cell = csvCell(value);
      expect(cell.replace(/^"/, '').startsWith("'")).toBe(true);
    },
  );

  it('quotes commas, quotes and newlines', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell(null)).toBe('');
  });

  it('writes a header and one line per row', () => {
    const csv = toCsv(
      [{ n: '=cmd', v: 2 }],
      [
        { header: 'Name', value: (r) => r.n },
        { header: 'Value', value: (r) => r.v },
      ],
    );
    expect(csv).toBe("\uFEFFName,Value\r\n'=cmd,2\r\n");
  });
});
