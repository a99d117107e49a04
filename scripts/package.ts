/**
 * Zips the built app package (dist/, from `npm run build`) into escalation-guide.zip for upload, after
 * the offline checks pass. `zcli apps:validate` / `apps:package` need a live account; this does not.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import { checkPackage, isLocalOnly, readPackage } from './validate-package';

const root = join(import.meta.dirname, '..');
const dist = join(root, 'dist');
const target = join(root, 'escalation-guide.zip');

let pkg;
try {
  pkg = readPackage(dist);
} catch {
  console.error('dist/ is missing: run `npm run build` first.');
  process.exit(2);
}
const problems = checkPackage(pkg);
if (problems.length) {
  console.error(`dist/ is not a valid Zendesk app package:\n${problems.map((p) => `- ${p}`).join('\n')}`);
  process.exit(1);
}

const files = pkg.files.filter((file) => !isLocalOnly(file)).sort();
const entries: Zippable = {};
for (const file of files) entries[file] = readFileSync(join(dist, file));
const zip = zipSync(entries, { level: 9, mtime: new Date('2025-01-01T00:00:00Z') });
writeFileSync(target, zip);
console.log(`wrote escalation-guide.zip: ${files.length} files, ${(zip.length / 1024).toFixed(1)} KB`);
