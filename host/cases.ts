/**
 * Reads the sample tickets from disk for the host page: every `*.json` directly in each case folder
 * (so `cases/invalid/` stays out), in file-name order.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { caseEntry, isCaseEntry, type Catalog, type CaseEntry, type SkippedCase } from './page/catalog';

/** A folder of case files and the label its entries' ids start with. */
export interface CaseFolder {
  readonly label: string;
  readonly dir: string;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The case folders of this repository: ../shared/cases and cases/. */
export function defaultCaseFolders(repoRoot: string): CaseFolder[] {
  return [
    { label: 'shared', dir: path.resolve(repoRoot, '..', 'shared', 'cases') },
    { label: 'cases', dir: path.resolve(repoRoot, 'cases') },
  ];
}

/** Every case in the folders; a folder that does not exist is skipped and reported, not fatal. */
export async function readCatalog(folders: readonly CaseFolder[]): Promise<Catalog> {
  const cases: CaseEntry[] = [];
  const skipped: SkippedCase[] = [];
  for (const folder of folders) {
    let names: string[];
    try {
      const entries = await readdir(folder.dir, { withFileTypes: true });
      names = entries
        .filter((entry) => entry.isFile() && entry.name.endsWith('.json'))
        .map((entry) => entry.name);
    } catch (error) {
      skipped.push({ id: folder.label, reason: `cannot read ${folder.dir}: ${messageOf(error)}` });
      continue;
    }
    for (const name of names.sort()) {
      const id = `${folder.label}/${name}`;
      let json: unknown;
      try {
        json = JSON.parse(await readFile(path.join(folder.dir, name), 'utf8'));
      } catch (error) {
        skipped.push({ id, reason: `not readable JSON: ${messageOf(error)}` });
        continue;
      }
      const entry = caseEntry(id, json);
      if (isCaseEntry(entry)) cases.push(entry);
      else skipped.push(entry);
    }
  }
  return { cases, skipped };
}
