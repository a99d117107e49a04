/**
 * How much JavaScript one page of the app package can load, read from Vite's build manifest
 * (`dist/assets/.vite/manifest.json`): the page's entry chunk and every chunk it imports, statically or
 * dynamically, transitively. Each HTML entry (the ticket sidebar, the supervisors' page) is measured on
 * its own, so a second page built into the same folder never counts against the sidebar's budget.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as v from 'valibot';

const chunkSchema = v.looseObject({
  file: v.string(),
  src: v.optional(v.string()),
  isEntry: v.optional(v.boolean()),
  imports: v.optional(v.array(v.string())),
  dynamicImports: v.optional(v.array(v.string())),
});

const manifestSchema = v.record(v.string(), chunkSchema);

/** Vite's build manifest: chunks by source key (`index.html`, `_shared-abc.js`, …). */
export type ViteManifest = v.InferOutput<typeof manifestSchema>;

/** Where Vite writes its manifest, relative to the build's output folder (dist/assets). */
export const VITE_MANIFEST = '.vite/manifest.json';

/** Parses a Vite manifest read from disk; throws naming the first thing that is wrong. */
export function parseViteManifest(json: unknown): ViteManifest {
  const result = v.safeParse(manifestSchema, json);
  if (result.success) return result.output;
  const [issue] = result.issues;
  const where = v.getDotPath(issue);
  throw new Error(
    `The Vite manifest is not in the expected shape${where ? ` at ${where}` : ''}: ${issue.message}`,
  );
}

/**
 * The JavaScript files (relative to the output folder) that `page` can load: its own chunk first, then
 * every chunk reachable through `imports` and `dynamicImports`, each once.
 */
export function pageScripts(manifest: ViteManifest, page: string): string[] {
  if (!(page in manifest)) {
    const pages = Object.keys(manifest).filter((key) => key.endsWith('.html'));
    throw new Error(
      `${page} is not an entry of the Vite manifest (its pages: ${pages.join(', ') || 'none'})`,
    );
  }
  const seen = new Set<string>();
  const files: string[] = [];
  const queue = [page];
  for (let key = queue.shift(); key !== undefined; key = queue.shift()) {
    if (seen.has(key)) continue;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`The Vite manifest names chunk ${key} but does not describe it`);
    if (chunk.file.endsWith('.js') && !files.includes(chunk.file)) files.push(chunk.file);
    queue.push(...(chunk.imports ?? []), ...(chunk.dynamicImports ?? []));
  }
  return files;
}

/** Gzipped size in bytes, at the level a web server's static compression would use (9). */
export const gzippedBytes = (data: Buffer): number => gzipSync(data, { level: 9 }).length;

/**
 * Gzipped bytes of every script `page` can load in a built output folder (`dist/assets`), with the list
 * of files. The one measure of a page's JavaScript: the size test and `npm run bench` both use it.
 */
export function pageScriptSize(assetsDir: string, page = 'index.html'): { bytes: number; files: string[] } {
  const manifestPath = join(assetsDir, VITE_MANIFEST);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(manifestPath, 'utf8'));
  } catch (e) {
    throw new Error(
      `Cannot read ${manifestPath} (${e instanceof Error ? e.message : String(e)}): build with \`npm run build\` first`,
    );
  }
  const files = pageScripts(parseViteManifest(json), page);
  const bytes = files.reduce((sum, file) => sum + gzippedBytes(readFileSync(join(assetsDir, file))), 0);
  return { bytes, files };
}
