/**
 * Where the sidebar's gzipped JavaScript goes: reads a build made with `--sourcemap`, gives every byte of
 * each chunk to the source module the source map names for it, and prints per package (and per module of
 * the app's own code) the minified bytes and what removing those bytes would take off the gzipped size.
 * A tool for deciding what to slim; the budget itself is measured by page-size.ts.
 *
 *   npx vite build --sourcemap && npx tsx build/attribute.ts [dist/assets] [--modules]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzippedBytes, pageScriptSize } from './page-size.ts';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes one line of a source map's `mappings` into [generated column, source index] pairs. */
export function decodeLine(line: string, state: { source: number }): [number, number][] {
  const segments: [number, number][] = [];
  let column = 0;
  for (const segment of line.split(',')) {
    if (segment === '') continue;
    const values: number[] = [];
    let value = 0;
    let shift = 0;
    for (const char of segment) {
      const digit = BASE64.indexOf(char);
      if (digit < 0) throw new Error(`Not a base64 VLQ digit in a source map: ${char}`);
      value += (digit & 31) << shift;
      if (digit & 32) {
        shift += 5;
      } else {
        values.push(value & 1 ? -(value >>> 1) : value >>> 1);
        value = 0;
        shift = 0;
      }
    }
    column += values[0] ?? 0;
    if (values.length >= 4) state.source += values[1] ?? 0;
    segments.push([column, values.length >= 4 ? state.source : -1]);
  }
  return segments;
}

/** The group a source path belongs to: a package name, or the app's own folder. */
export function groupOf(source: string, modules: boolean): string {
  const path = source.replaceAll('\\', '/');
  const at = path.lastIndexOf('/node_modules/');
  if (at >= 0) {
    const rest = path.slice(at + '/node_modules/'.length).split('/');
    const name = rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1] ?? ''}` : (rest[0] ?? '?');
    return modules ? `${name}/${rest.slice(name.split('/').length).join('/')}` : name;
  }
  const own = path.replace(/^(\.\.\/)+/, '');
  if (modules) return own;
  const parts = own.split('/');
  return parts.length > 2 ? `${parts[0] ?? ''}/${parts[1] ?? ''}/` : own;
}

interface Row {
  group: string;
  raw: number;
  gzip: number;
}

/** Per group: the minified bytes it owns and the gzipped bytes the chunk would lose without them. */
export function attribute(
  code: string,
  map: { sources: string[]; mappings: string },
  modules: boolean,
): Row[] {
  const lines = code.split('\n');
  const owner = new Map<string, [number, number][]>(); // group → [start, end) offsets in the chunk
  const state = { source: 0 };
  let offset = 0;
  map.mappings.split(';').forEach((mappingLine, i) => {
    const text = lines[i] ?? '';
    const segments = decodeLine(mappingLine, state);
    segments.forEach(([column, source], k) => {
      const end = segments[k + 1]?.[0] ?? text.length;
      const group = source < 0 ? '(unmapped)' : groupOf(map.sources[source] ?? '?', modules);
      const ranges = owner.get(group) ?? [];
      ranges.push([offset + column, offset + end]);
      owner.set(group, ranges);
    });
    offset += text.length + 1;
  });
  const whole = gzippedBytes(Buffer.from(code));
  return [...owner.entries()]
    .map(([group, ranges]) => {
      const keep = new Uint8Array(code.length).fill(1);
      let raw = 0;
      for (const [start, end] of ranges) {
        keep.fill(0, start, end);
        raw += end - start;
      }
      let rest = '';
      let from = -1;
      for (let i = 0; i <= code.length; i++) {
        if (i < code.length && keep[i]) {
          if (from < 0) from = i;
        } else if (from >= 0) {
          rest += code.slice(from, i);
          from = -1;
        }
      }
      return { group, raw, gzip: whole - gzippedBytes(Buffer.from(rest)) };
    })
    .sort((a, b) => b.gzip - a.gzip);
}

function main(): void {
  const args = process.argv.slice(2);
  const modules = args.includes('--modules');
  const dir = args.find((a) => !a.startsWith('--')) ?? 'dist/assets';
  const { bytes, files } = pageScriptSize(dir);
  console.log(`sidebar: ${bytes} bytes, ${(bytes / 1024).toFixed(2)} KB gzipped in ${files.join(', ')}`);
  for (const file of files) {
    const code = readFileSync(join(dir, file), 'utf8').replace(/\n\/\/# sourceMappingURL=.*\n?$/, '');
    const map = JSON.parse(readFileSync(join(dir, `${file}.map`), 'utf8')) as {
      sources: string[];
      mappings: string;
    };
    console.log(`\n${file} (bytes)\n${'gzip'.padStart(7)} ${'raw'.padStart(7)}  group`);
    for (const row of attribute(code, map, modules)) {
      if (row.raw < 200 && !modules) continue;
      console.log(`${String(row.gzip).padStart(7)} ${String(row.raw).padStart(7)}  ${row.group}`);
    }
  }
}

if (import.meta.url === `file://${process.argv[1] ?? ''}`) main();
