/** The lodash stand-ins against lodash.get and lodash.memoize themselves. */
import { createRequire } from 'node:module';
import * as fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import get from './get';
import memoize from './memoize';

const require = createRequire(import.meta.url);
const lodashGet = require('lodash.get') as (object: unknown, path: unknown, fallback?: unknown) => unknown;

/** A nested object shaped like a Garden theme: colour groups, shades, arrays and dotted keys. */
const THEME = {
  colors: {
    primaryHue: 'blue',
    variables: { light: { background: { default: 'white', primaryEmphasis: 'blue.700' } } },
  },
  palette: { blue: { 100: '#edf7ff', 700: '#1f73b7' }, 'grey.100': 'dotted' },
  list: [{ a: 1 }, { a: 2, b: [10, 20] }],
  'a.b': 'flat',
  empty: '',
  nothing: null,
  zero: 0,
};

describe('get', () => {
  it('reads what lodash.get reads, for generated paths', () => {
    const key = fc.constantFrom(
      'colors',
      'palette',
      'blue',
      '700',
      'variables',
      'light',
      'background',
      'default',
      'list',
      '0',
      '1',
      'a',
      'b',
      'x',
      'grey',
      '100',
      'zero',
      'nothing',
    );
    const path = fc
      .array(fc.tuple(key, fc.constantFrom('dot', 'bracket', 'quoted')), { minLength: 1, maxLength: 6 })
      .map((parts) =>
        parts
          .map(([k, style], i) =>
            style === 'bracket' && /^\d+$/.test(k)
              ? `[${k}]`
              : style === 'quoted'
                ? `["${k}"]`
                : `${i ? '.' : ''}${k}`,
          )
          .join(''),
      );
    fc.assert(
      fc.property(path, fc.constantFrom(undefined, 'fallback'), (p, fallback) => {
        expect(get(THEME, p, fallback)).toEqual(lodashGet(THEME, p, fallback));
        expect(get(THEME, p.split(/[.[\]"]+/).filter(Boolean), fallback)).toEqual(
          lodashGet(THEME, p.split(/[.[\]"]+/).filter(Boolean), fallback),
        );
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    'colors.variables.light.background.primaryEmphasis',
    'palette.blue.700',
    'palette["grey.100"]',
    'list[1].b[0]',
    'a.b',
    'zero',
    'empty',
    'nothing.below',
    'missing',
    '',
  ])('%s', (path) => {
    expect(get(THEME, path, 'fallback')).toEqual(lodashGet(THEME, path, 'fallback'));
  });

  it('returns the fallback for a missing object', () => {
    expect(get(undefined, 'a.b', 3)).toBe(lodashGet(undefined, 'a.b', 3));
    expect(get(null, ['a'])).toBe(lodashGet(null, ['a']));
  });
});

describe('memoize', () => {
  it('calls the function once per key, the first argument by default', () => {
    const square = vi.fn((n: number) => n * n);
    const fast = memoize(square);
    expect([fast(3), fast(3), fast(4), fast(3)]).toEqual([9, 9, 16, 9]);
    expect(square).toHaveBeenCalledTimes(2);
    expect(fast.cache.get(4)).toBe(16);
  });

  it('keys by the resolver when one is given, as Garden keys getColor by its options', () => {
    const paint = vi.fn((o: { hue: string; shade: number }) => `${o.hue}-${o.shade}`);
    const fast = memoize(paint, (o) => `${o.hue},${o.shade}`);
    expect(fast({ hue: 'blue', shade: 700 })).toBe('blue-700');
    expect(fast({ hue: 'blue', shade: 700 })).toBe('blue-700');
    expect(fast({ hue: 'blue', shade: 600 })).toBe('blue-600');
    expect(paint).toHaveBeenCalledTimes(2);
  });

  it('refuses what is not a function', () => {
    expect(() => memoize('nope' as unknown as () => void)).toThrow(TypeError);
  });
});
