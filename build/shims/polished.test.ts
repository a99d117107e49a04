/**
 * The polished stand-in against polished itself: the same results for the inputs Garden passes (lengths
 * in px/em/rem with + - * / and parentheses, hex, rgb() and named colours), found by generating many.
 */
import * as fc from 'fast-check';
import * as polished from 'polished';
import { describe, expect, it } from 'vitest';
import * as lean from './polished';

/** polished's result, or 'throws'. */
const outcome = (f: () => unknown): unknown => {
  try {
    return f();
  } catch {
    return 'throws';
  }
};

const byte = fc.integer({ min: 0, max: 255 });
const hex = fc
  .tuple(byte, byte, byte, fc.boolean())
  .map(([r, g, b, short]) =>
    short
      ? `#${(r % 16).toString(16)}${(g % 16).toString(16)}${(b % 16).toString(16)}`
      : `#${[r, g, b].map((n) => n.toString(16).padStart(2, '0')).join('')}`,
  );
const rgbText = fc.tuple(byte, byte, byte).map(([r, g, b]) => `rgb(${r}, ${g}, ${b})`);
const named = fc.constantFrom(
  'white',
  'black',
  'red',
  'rebeccapurple',
  'cornflowerblue',
  'lightgoldenrodyellow',
);
const color = fc.oneof(hex, rgbText, named);
const amount = fc.double({ min: 0, max: 1, noNaN: true });
/** Garden's own palette and the colours its themes derive. */
const GARDEN = [
  '#1f73b7',
  '#cd3642',
  '#038153',
  '#ad5918',
  '#2f3941',
  '#fff',
  '#f8f9f9',
  '#e9ebed',
  '#68737d',
];

describe('colours', () => {
  it('darken and lighten give what polished gives', () => {
    fc.assert(
      fc.property(color, amount, (c, a) => {
        expect(lean.darken(a, c)).toBe(polished.darken(a, c));
        expect(lean.lighten(a, c)).toBe(polished.lighten(a, c));
      }),
      { numRuns: 3000 },
    );
    for (const c of GARDEN) {
      for (const a of [0, 0.05, 0.1, 0.25, 0.5, 1]) expect(lean.darken(a, c)).toBe(polished.darken(a, c));
    }
    expect(lean.darken(0.2, 'rgba(31, 115, 183, 0.5)')).toBe(polished.darken(0.2, 'rgba(31, 115, 183, 0.5)'));
    expect(lean.lighten('0.1', '#1f73b7')).toBe(polished.lighten('0.1', '#1f73b7'));
    expect(lean.darken(0.1, 'transparent')).toBe('transparent');
  });

  it('rgba, getContrast and readableColor give what polished gives', () => {
    fc.assert(
      fc.property(color, color, amount, fc.boolean(), (a, b, alpha, strict) => {
        expect(lean.rgba(a, alpha)).toBe(polished.rgba(a, alpha));
        expect(lean.getContrast(a, b)).toBe(polished.getContrast(a, b));
        expect(lean.readableColor(a)).toBe(polished.readableColor(a));
        expect(lean.readableColor(a, b, '#1f73b7', strict)).toBe(
          polished.readableColor(a, b, '#1f73b7', strict),
        );
      }),
      { numRuns: 3000 },
    );
  });

  it('names a colour it cannot read', () => {
    expect(() => lean.darken(0.1, 'not a colour')).toThrow(/not a colour/);
    expect(() => lean.rgba('#zzz', 0.5)).toThrow(/#zzz/);
  });
});

describe('units', () => {
  const value = fc.oneof(
    fc.integer({ min: -500, max: 500 }).map(String),
    fc.double({ min: -100, max: 100, noNaN: true }).map((n) => n.toFixed(3)),
    fc.constantFrom('.5', '1.', 'px', '', 'auto', '+2em', '-0.25rem', '12px', '1e3', '50%'),
  );

  it('stripUnit and getValueAndUnit give what polished gives', () => {
    fc.assert(
      fc.property(value, fc.constantFrom('', 'px', 'em', 'rem', '%', 'vh', ' px'), (v, unit) => {
        expect(lean.stripUnit(v + unit)).toEqual(polished.stripUnit(v + unit));
        expect(lean.getValueAndUnit(v + unit)).toEqual(polished.getValueAndUnit(v + unit));
      }),
    );
    expect(lean.stripUnit(4)).toBe(4);
    expect(lean.getValueAndUnit(4)).toEqual([4, '']);
  });

  it('em gives what polished gives, and refuses what is not in pixels', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 40 }), (px, base) => {
        expect(lean.em(`${px}px`, `${base}px`)).toBe(polished.em(`${px}px`, `${base}px`));
        expect(lean.em(px)).toBe(polished.em(px));
      }),
    );
    expect(() => lean.em('2rem')).toThrow(/pixels/);
    expect(() => polished.em('2rem')).toThrow();
  });

  it('hideVisually gives what polished gives', () => {
    expect(lean.hideVisually()).toEqual(polished.hideVisually());
  });
});

describe('math', () => {
  /** Expressions shaped like Garden's: numbers in one unit, + - * /, unary minus, parentheses, min/max. */
  const expression = (unit: string) =>
    fc.letrec<{ expr: string }>((tie) => ({
      expr: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc
          .tuple(fc.integer({ min: 0, max: 64 }), fc.boolean(), fc.boolean())
          .map(([n, withUnit, decimal]) => `${decimal ? (n / 8).toString() : n}${withUnit ? unit : ''}`),
        fc
          .tuple(tie('expr'), fc.constantFrom(' + ', ' - ', ' * ', ' / ', '+', '*'), tie('expr'))
          .map(([a, op, b]) => `${a}${op}${b}`),
        tie('expr').map((e) => `(${e})`),
        tie('expr').map((e) => `-${e}`),
        fc
          .tuple(fc.constantFrom('min', 'max'), tie('expr'), tie('expr'))
          .map(([f, a, b]) => `${f}(${a}, ${b})`),
      ),
    })).expr;

  it('gives what polished gives', () => {
    fc.assert(
      fc.property(fc.constantFrom('px', 'em', 'rem', ''), fc.context(), (unit, ctx) => {
        fc.assert(
          fc.property(expression(unit), (formula) => {
            ctx.log(formula);
            expect(outcome(() => lean.math(formula))).toEqual(outcome(() => polished.math(formula)));
          }),
          { numRuns: 200 },
        );
      }),
      { numRuns: 8 },
    );
  });

  it.each([
    '(40px - 20px) / 2',
    '4 * 6px',
    '1px * -2',
    '20px / (16px - 1px)',
    '(4px * 2) + 3px',
    '14px - 4px - 2px',
    '0.5em * 3',
    '8px / -2 * 2',
    '-3px * 2 + 1px',
    'max(1px, 3px, 2px) - min(4px, 5px)',
  ])('%s', (formula) => {
    expect(lean.math(formula)).toBe(polished.math(formula));
  });

  it.each(['1px + 1em', '2px +', '(1px', '1px)', '.5px * 2', '3px 4px', 'min 3px', '1px ^ 2'])(
    'refuses %s, as polished does',
    (formula) => {
      expect(() => polished.math(formula)).toThrow();
      expect(() => lean.math(formula)).toThrow(/math\(\)/);
    },
  );
});
