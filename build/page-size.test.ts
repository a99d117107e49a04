import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import {
  pageScriptSize,
  pageScripts,
  parseViteManifest,
  VITE_MANIFEST,
  type ViteManifest,
} from './page-size';

/** Two pages sharing a vendor chunk; the supervisors' page lazy-loads a chart that imports the vendor. */
const TWO_PAGES: ViteManifest = {
  'index.html': {
    file: 'index-a1.js',
    src: 'index.html',
    isEntry: true,
    imports: ['_vendor-v1.js'],
    dynamicImports: ['src/ui/lazy.tsx'],
  },
  'supervisor.html': {
    file: 'supervisor-s1.js',
    src: 'supervisor.html',
    isEntry: true,
    imports: ['_vendor-v1.js', '_review-r1.js'],
    dynamicImports: ['src/supervisor/chart.tsx'],
  },
  '_vendor-v1.js': { file: 'vendor-v1.js' },
  '_review-r1.js': { file: 'review-r1.js', imports: ['_vendor-v1.js'] },
  'src/ui/lazy.tsx': { file: 'lazy-l1.js', isDynamicEntry: true, imports: ['_vendor-v1.js'] },
  'src/supervisor/chart.tsx': {
    file: 'chart-c1.js',
    isDynamicEntry: true,
    imports: ['_review-r1.js', '_chart-style.css'],
  },
  '_chart-style.css': { file: 'chart-c1.css' },
};

describe('pageScripts', () => {
  it('follows static and dynamic imports transitively, each chunk once, and only for that page', () => {
    expect(pageScripts(TWO_PAGES, 'index.html')).toEqual(['index-a1.js', 'vendor-v1.js', 'lazy-l1.js']);
    expect(pageScripts(TWO_PAGES, 'supervisor.html')).toEqual([
      'supervisor-s1.js',
      'vendor-v1.js',
      'review-r1.js',
      'chart-c1.js',
    ]);
  });

  it('ends on import cycles', () => {
    const cycle: ViteManifest = {
      'index.html': { file: 'index.js', imports: ['_a.js'] },
      '_a.js': { file: 'a.js', dynamicImports: ['_b.js'] },
      '_b.js': { file: 'b.js', imports: ['_a.js', 'index.html'] },
    };
    expect(pageScripts(cycle, 'index.html')).toEqual(['index.js', 'a.js', 'b.js']);
  });

  it('names the pages it knows when asked for one it does not', () => {
    expect(() => pageScripts(TWO_PAGES, 'nav.html')).toThrow(
      /nav.html is not an entry .*index.html, supervisor.html/,
    );
  });

  it('says which chunk is missing from a broken manifest', () => {
    const broken: ViteManifest = { 'index.html': { file: 'index.js', imports: ['_gone.js'] } };
    expect(() => pageScripts(broken, 'index.html')).toThrow(/_gone.js/);
  });
});

describe('parseViteManifest', () => {
  it('accepts a manifest and rejects one with a chunk without a file', () => {
    expect(parseViteManifest(TWO_PAGES)).toEqual(TWO_PAGES);
    expect(() => parseViteManifest({ 'index.html': { imports: [] } })).toThrow(/index.html.file/);
    expect(() => parseViteManifest([1])).toThrow(/expected shape/);
  });
});

describe('pageScriptSize', () => {
  const dir = mkdtempSync(join(tmpdir(), 'page-size-'));
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('adds the gzipped bytes of exactly the files the page can load', () => {
    mkdirSync(join(dir, '.vite'));
    writeFileSync(join(dir, VITE_MANIFEST), JSON.stringify(TWO_PAGES));
    const content: Record<string, string> = {};
    for (const chunk of Object.values(TWO_PAGES)) {
      content[chunk.file] = `/* ${chunk.file} */ ${'x'.repeat(chunk.file.length * 50)}`;
      writeFileSync(join(dir, chunk.file), content[chunk.file] ?? '');
    }
    const gz = (file: string) => gzipSync(content[file] ?? '', { level: 9 }).length;
    const sidebar = pageScriptSize(dir, 'index.html');
    expect(sidebar.files).toEqual(['index-a1.js', 'vendor-v1.js', 'lazy-l1.js']);
    expect(sidebar.bytes).toBe(gz('index-a1.js') + gz('vendor-v1.js') + gz('lazy-l1.js'));
    const supervisor = pageScriptSize(dir, 'supervisor.html');
    expect(supervisor.bytes).toBe(
      gz('supervisor-s1.js') + gz('vendor-v1.js') + gz('review-r1.js') + gz('chart-c1.js'),
    );
  });

  it('says to build first when there is no manifest', () => {
    expect(() => pageScriptSize(join(dir, 'nowhere'))).toThrow(/npm run build/);
  });
});
