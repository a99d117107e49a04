import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const SHARED = join(ROOT, '../shared/cases');
const INVALID = join(ROOT, 'cases/invalid');

function evaluate(args: string[], input?: string) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/evaluate.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    input,
    timeout: 30_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('npm run evaluate', () => {
  it('prints one decision for a case file', () => {
    const r = evaluate([join(SHARED, '01-port-in-rejected-four-times.json')]);
    expect(r.status).toBe(0);
    const d = JSON.parse(r.stdout) as { escalate: boolean; targets: string[] };
    expect(d.escalate).toBe(true);
    expect(d.targets).toEqual(['carrier']);
    expect(r.stderr).toBe('');
  });

  it('reads a bare bundle from standard input', () => {
    const bundle = (
      JSON.parse(readFileSync(join(SHARED, '05-duplicate-charge-refund-149.json'), 'utf8')) as {
        bundle: unknown;
      }
    ).bundle;
    const r = evaluate(['-'], JSON.stringify(bundle));
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as { targets: string[] }).targets).toEqual(['l2']);
  });

  it('prints one JSON line per file for a folder', () => {
    const r = evaluate([SHARED]);
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(readdirSync(SHARED).filter((f) => f.endsWith('.json')).length);
    expect((JSON.parse(lines[0] ?? '{}') as { file: string }).file).toMatch(/01-port-in/);
  });

  it.each(readdirSync(INVALID).filter((f) => f.endsWith('.json')))(
    'refuses %s with exit 2 and one line naming it',
    (file) => {
      const r = evaluate([join(INVALID, file)]);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      const lines = r.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(file);
    },
  );

  it('names a file that does not exist', () => {
    const r = evaluate(['no/such/file.json']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('no/such/file.json');
  });

  it('shows its usage without arguments', () => {
    const r = evaluate([]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/usage/);
  });
});
