/** The byte attribution: source map lines decoded, bytes given to the right package, removals measured. */
import { describe, expect, it } from 'vitest';
import { attribute, decodeLine, groupOf } from './attribute';
import { gzippedBytes } from './page-size';

describe('decodeLine', () => {
  it('reads base64 VLQ segments: columns relative within a line, the source index across lines', () => {
    const state = { source: 0 };
    // Fields: column, source, line, source column. AAAA: column 0, source 0. KCAA: column +5, source +1.
    // CAAA: column +1, the same source.
    expect(decodeLine('AAAA,KCAA,CAAA', state)).toEqual([
      [0, 0],
      [5, 1],
      [6, 1],
    ]);
    // The next line starts again at column 0 and keeps source 1 until told otherwise.
    expect(decodeLine('AAAA,EDAA', state)).toEqual([
      [0, 1],
      [2, 0],
    ]);
    // A one-value segment maps to no source; large and negative numbers use continuation digits.
    expect(decodeLine('gB', { source: 0 })).toEqual([[16, -1]]);
    expect(decodeLine('AAAA,HAAA', { source: 0 })).toEqual([
      [0, 0],
      [-3, 0],
    ]);
  });

  it('refuses a digit that is not base64', () => {
    expect(() => decodeLine('A!AA', { source: 0 })).toThrow(/base64 VLQ/);
  });
});

describe('groupOf', () => {
  it('groups by package (scoped or not) or by the app folder; --modules keeps the file', () => {
    expect(groupOf('../../node_modules/@zendeskgarden/react-theming/dist/esm/utils/getColor.js', false)).toBe(
      '@zendeskgarden/react-theming',
    );
    expect(groupOf('../../node_modules/preact/dist/preact.module.js', false)).toBe('preact');
    expect(groupOf('../../node_modules/preact/dist/preact.module.js', true)).toBe(
      'preact/dist/preact.module.js',
    );
    expect(groupOf('../src/engine/phrases.ts', false)).toBe('src/engine/');
    expect(groupOf('../src/engine/phrases.ts', true)).toBe('src/engine/phrases.ts');
    expect(groupOf('main.tsx', false)).toBe('main.tsx');
  });
});

describe('attribute', () => {
  it('gives each source its bytes and measures what the gzipped chunk loses without them', () => {
    const a = 'const alpha = "a".repeat(3);';
    const b = `const beta = ${JSON.stringify('lorem ipsum dolor sit amet '.repeat(20))};`;
    const code = `${a}\n${b}`;
    // Line 1 from source 0 at column 0; line 2 from source 1 at column 0.
    const map = { sources: ['../src/ui/A.tsx', '../node_modules/pkg/index.js'], mappings: 'AAAA;ACAA' };
    const rows = attribute(code, map, false);
    expect(rows.map((r) => [r.group, r.raw])).toEqual(
      expect.arrayContaining([
        ['src/ui/', a.length],
        ['pkg', b.length],
      ]),
    );
    const pkg = rows.find((r) => r.group === 'pkg');
    const whole = gzippedBytes(Buffer.from(code));
    expect(pkg?.gzip).toBe(whole - gzippedBytes(Buffer.from(`${a}\n`)));
    expect(rows[0]?.group).toBe('pkg'); // the biggest first
  });
});
