/**
 * `npm run evaluate` prints ticket words (evidence, note, message): no account or card number in any case
 * of ../shared/cases and cases/ comes out unmasked, on stdout or in an error line on stderr.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findUnmaskedNumbers } from '../engine/mask';

const ROOT = join(import.meta.dirname, '../..');
const FOLDERS = [join(ROOT, '../shared/cases'), join(ROOT, 'cases')];

function evaluate(args: string[], input?: string) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/evaluate.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    input,
    timeout: 60_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** The numbers the masker would mask anywhere in a case file's text, as written. */
function secretsIn(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  // JSON escapes (\n, \") would hide a number's neighbours from the masker: read the decoded strings.
  const strings: string[] = [];
  JSON.parse(text, (_key, value: unknown) => {
    if (typeof value === 'string') strings.push(value);
    return value;
  });
  return [
    ...new Set(strings.flatMap((s) => findUnmaskedNumbers(s).map((span) => s.slice(span.start, span.end)))),
  ];
}

describe('evaluate prints no unmasked account or card number', () => {
  it('in the decision of any case', () => {
    const r = evaluate(FOLDERS);
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    const files = FOLDERS.flatMap((dir) =>
      readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .map((f) => join(dir, f)),
    );
    expect(lines).toHaveLength(files.length);
    let checked = 0;
    const leaks: string[] = [];
    for (const line of lines) {
      const { file } = JSON.parse(line) as { file: string };
      const secrets = secretsIn(file);
      checked += secrets.length;
      // The line is JSON: a number's digits and separators survive its escaping unchanged.
      for (const secret of secrets) if (line.includes(secret)) leaks.push(`${file}: ${secret}`);
    }
    expect(checked).toBeGreaterThan(3);
    expect(leaks).toEqual([]);
  });

  it('in the error line for a value it refuses', () => {
    const r = evaluate(['-'], JSON.stringify({ ticket: { id: 1, tags: 'card 4111 1111 1111 1234' } }));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('ticket.tags must be a list of strings');
    expect(r.stderr).not.toContain('4111 1111 1111 1234');
    expect(r.stderr).toContain('****1234');
  });
});
