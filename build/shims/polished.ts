/**
 * The polished functions Garden calls, built into the sidebar in place of the `polished` package.
 *
 * Why: polished ships as one module whose colour helpers are wrapped in top-level `curry(...)` calls and
 * an error class built at load time, so a bundler keeps most of it (3.8 KB gzipped, with a named-colour
 * table that color2k, also used by Garden, already carries) whatever is imported. These are the eleven
 * functions Garden 9 imports, with the same results for what Garden passes them (checked against
 * polished itself in polished.test.ts): colours are read with color2k's parser, which Garden's theme
 * code already bundles, and written in polished's formats (shortest hex, or `rgba(r,g,b,a)`).
 *
 * Differences, none of which Garden reaches: errors are plain `Error`s with a sentence instead of
 * polished's numbered ones; `math` knows no symbols beyond `+ - * / ( ) , min max` (neither does
 * polished's default set); colour inputs that polished rejects but CSS accepts (`transparent`, hex with
 * alpha) are read rather than refused.
 */
import { parseToRgba } from 'color2k';

// --- units --------------------------------------------------------------------------------------------

const CSS_VALUE = /^([+-]?(?:\d+|\d*\.\d+))([a-z]*|%)$/;

/** `'12px'` → `12`; anything that is not a number with a unit comes back unchanged. */
export function stripUnit<T>(value: T): T | number {
  return typeof value === 'string' && CSS_VALUE.test(value) ? parseFloat(value) : value;
}

/** `'1.5em'` → `[1.5, 'em']`; a number → `[n, '']`; anything else → `[value, undefined]`. */
export function getValueAndUnit(value: unknown): [unknown, string | undefined] {
  if (typeof value !== 'string') return [value, ''];
  const match = CSS_VALUE.exec(value);
  return match ? [parseFloat(value), match[2]] : [value, undefined];
}

/** Pixels to ems against a base in pixels (16px by default): `em('24px')` → `'1.5em'`. */
export function em(px: string | number, base: string | number = '16px'): string {
  const number = (value: string | number, what: string): number => {
    if (typeof value === 'number') return value;
    const n = value.endsWith('px') ? stripUnit(value) : value;
    if (typeof n === 'string') throw new Error(`em() needs ${what} in pixels, got "${value}"`);
    return n;
  };
  return `${number(px, 'the value') / number(base, 'the base')}em`;
}

/** The style object that hides an element visually but keeps it for screen readers. */
export function hideVisually(): Record<string, string> {
  return {
    border: '0',
    clip: 'rect(0 0 0 0)',
    height: '1px',
    margin: '-1px',
    overflow: 'hidden',
    padding: '0',
    position: 'absolute',
    whiteSpace: 'nowrap',
    width: '1px',
  };
}

const UNIT = /(?<=\d)(?:px|rem|em|ex|ch|vmin|vmax|vh|vw|cm|mm|in|pt|pc|q|deg|grad|rad|turn|ms|s)\b/gi;
const TOKEN = /\s*(?:(\d+(?:\.\d+)?)|(min|max)|([-+*/(),])|(\S))/y;

/**
 * Arithmetic on CSS lengths in one unit: `math('(40px - 20px) / 2')` → `'10px'`. Operators `+ - * /`,
 * unary minus and plus, parentheses and `min(…)`/`max(…)`; every number carries the same unit or none.
 * Evaluated in polished's order, so even floating-point rounding comes out the same.
 */
export function math(formula: string): string {
  const units = new Set((formula.match(UNIT) ?? []).map((u) => u.toLowerCase()));
  if (units.size > 1)
    throw new Error(`math() needs one unit throughout, got ${[...units].join(' and ')}: "${formula}"`);
  const unit = formula.match(UNIT)?.[0] ?? '';
  const tokens: string[] = [];
  const bare = formula.replace(UNIT, '');
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(bare); m; m = TOKEN.exec(bare)) {
    if (m[4] !== undefined) throw new Error(`math() cannot read "${m[4]}" in "${formula}"`);
    tokens.push(m[1] ?? m[2] ?? m[3] ?? '');
  }
  let at = 0;
  const fail = (): never => {
    throw new Error(
      `math() cannot read "${formula}": ${at < tokens.length ? `unexpected "${tokens[at]}"` : 'it ends too soon'}`,
    );
  };
  const expect = (token: string) => {
    if (tokens[at] !== token) fail();
    at++;
  };
  const sum = (): number => {
    let value = product();
    for (let op = tokens[at]; op === '+' || op === '-'; op = tokens[at]) {
      at++;
      value = op === '+' ? value + product() : value - product();
    }
    return value;
  };
  const product = (): number => {
    let value = unary();
    for (let op = tokens[at]; op === '*' || op === '/'; op = tokens[at]) {
      at++;
      value = op === '*' ? value * unary() : value / unary();
    }
    return value;
  };
  // A sign applies to the whole product after it, as in polished: `8 / -2 * 2` is 8 / -(2 * 2).
  const unary = (): number => {
    const token = tokens[at++];
    if (token === '-') return -product();
    if (token === '+') return product();
    if (token === '(') {
      const value = sum();
      expect(')');
      return value;
    }
    if (token === 'min' || token === 'max') {
      expect('(');
      const args = [sum()];
      while (tokens[at] === ',') {
        at++;
        args.push(sum());
      }
      expect(')');
      return token === 'min' ? Math.min(...args) : Math.max(...args);
    }
    if (token !== undefined && /^\d/.test(token)) return Number(token);
    at--;
    return fail();
  };
  const value = sum();
  if (at !== tokens.length) fail();
  return `${value}${unit}`;
}

// --- colours ------------------------------------------------------------------------------------------

type Rgba = readonly [number, number, number, number];

const hex2 = (n: number) => n.toString(16).padStart(2, '0');

/** `#rrggbb`, shortened to `#rgb` when each pair repeats, as polished writes it. */
function toHex(r: number, g: number, b: number): string {
  const hex = `#${hex2(r)}${hex2(g)}${hex2(b)}`;
  return hex[1] === hex[2] && hex[3] === hex[4] && hex[5] === hex[6] ? `#${hex[1]}${hex[3]}${hex[5]}` : hex;
}

const written = ([r, g, b, a]: Rgba): string => (a >= 1 ? toHex(r, g, b) : `rgba(${r},${g},${b},${a})`);

/** Red, green, blue (0-255) to hue (degrees), saturation and lightness (0-1). */
function toHsl([red, green, blue]: Rgba): [number, number, number] {
  const r = red / 255;
  const g = green / 255;
  const b = blue / 255;
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const lightness = (max + min) / 2;
  if (max === min) return [0, 0, lightness];
  const delta = max - min;
  const saturation = lightness > 0.5 ? delta / (2 - max - min) : delta / (max + min);
  const sector =
    max === r ? (g - b) / delta + (g < b ? 6 : 0) : max === g ? (b - r) / delta + 2 : (r - g) / delta + 4;
  return [sector * 60, saturation, lightness];
}

/** Hue, saturation and lightness back to rounded red, green and blue. */
function fromHsl(hue: number, saturation: number, lightness: number): [number, number, number] {
  const byte = (x: number) => Math.round(x * 255);
  if (saturation === 0) return [byte(lightness), byte(lightness), byte(lightness)];
  const h = (((hue % 360) + 360) % 360) / 60;
  const chroma = (1 - Math.abs(2 * lightness - 1)) * saturation;
  const x = chroma * (1 - Math.abs((h % 2) - 1));
  const [r, g, b] =
    h < 1
      ? [chroma, x, 0]
      : h < 2
        ? [x, chroma, 0]
        : h < 3
          ? [0, chroma, x]
          : h < 4
            ? [0, x, chroma]
            : h < 5
              ? [x, 0, chroma]
              : [chroma, 0, x];
  const m = lightness - chroma / 2;
  return [byte(r + m), byte(g + m), byte(b + m)];
}

function shiftLightness(color: string, by: number): string {
  if (color === 'transparent') return color;
  const rgba = parseToRgba(color);
  const [h, s, l] = toHsl(rgba);
  return written([...fromHsl(h, s, Math.min(1, Math.max(0, l + by))), rgba[3]]);
}

/** The colour with its HSL lightness lowered by `amount` (0-1). */
export const darken = (amount: number | string, color: string): string =>
  shiftLightness(color, -parseFloat(String(amount)));

/** The colour with its HSL lightness raised by `amount` (0-1). */
export const lighten = (amount: number | string, color: string): string =>
  shiftLightness(color, parseFloat(String(amount)));

/** The colour at opacity `alpha`: `rgba('#fff', 0.5)` → `'rgba(255,255,255,0.5)'`. */
export function rgba(color: string, alpha: number): string {
  if (typeof color !== 'string' || typeof alpha !== 'number') {
    throw new Error('rgba() takes a colour and an opacity, e.g. rgba("#1f73b7", 0.5)');
  }
  const [r, g, b] = parseToRgba(color);
  return `rgba(${r},${g},${b},${alpha})`;
}

/** WCAG relative luminance, to three decimals as polished gives it. */
function luminance(color: string): number {
  const [r, g, b] = parseToRgba(color).map((c) => {
    const x = c / 255;
    return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number, number];
  return parseFloat((0.2126 * r + 0.7152 * g + 0.0722 * b).toFixed(3));
}

/** WCAG contrast ratio of two colours, to two decimals. */
export function getContrast(color1: string, color2: string): number {
  const l1 = luminance(color1);
  const l2 = luminance(color2);
  return parseFloat(((Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05)).toFixed(2));
}

/**
 * A text colour readable on `color`: `onLight` on light colours, `onDark` on dark ones; with `strict`,
 * black or white instead when the choice falls short of a 4.5 contrast ratio.
 */
export function readableColor(color: string, onLight = '#000', onDark = '#fff', strict = true): string {
  const light = luminance(color) > 0.179;
  const preferred = light ? onLight : onDark;
  return !strict || getContrast(color, preferred) >= 4.5 ? preferred : light ? '#000' : '#fff';
}
