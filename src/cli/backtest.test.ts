import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decide, parseBundle, RULES, TARGETS, type Decision } from '../engine';
import { formatSummary, summarize, type BacktestSummary, type FileOutcome } from './backtest';

const ROOT = join(import.meta.dirname, '../..');
const SHARED = join(ROOT, '../shared/cases');
const OWN = join(ROOT, 'cases');
const INVALID = join(ROOT, 'cases/invalid');

function decisionOf(path: string): Decision {
  const parsed = parseBundle(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.ok) throw new Error(`${path}: ${parsed.error}`);
  return decide(parsed.bundle);
}

const ok = (file: string, decision: Decision): FileOutcome => ({ file, ok: true, decision });

describe('summarize', () => {
  const portIn = decisionOf(join(SHARED, '01-port-in-rejected-four-times.json'));
  const legal = decisionOf(join(SHARED, '06-exec-complaint-threatens-lawsuit.json'));
  const noInfo = decisionOf(join(SHARED, '13-esim-error-no-troubleshooting-no-info.json'));

  it('counts escalations per team, as owner and among any team', () => {
    const s = summarize([ok('a', portIn), ok('b', legal)]);
    expect(s.escalated).toBe(2);
    expect(s.teams.carrier).toEqual({ primary: 1, any: 1 });
    // Case 06 goes to L2 (the owner) and Legal.
    expect(legal.targets[0]).toBe('l2');
    expect(s.teams.l2.primary).toBe(1);
    expect(s.teams.legal).toEqual({ primary: 0, any: 1 });
  });

  it('counts urgency and urgent alerts of escalated tickets only', () => {
    const s = summarize([ok('a', portIn), ok('b', legal), ok('c', noInfo)]);
    expect(Object.values(s.urgency).reduce((a, b) => a + b, 0)).toBe(2);
    expect(s.urgency[portIn.urgency]).toBeGreaterThanOrEqual(1);
    expect(s.urgentAlerts).toBe([portIn, legal].filter((d) => d.urgent_alert).length);
  });

  it('counts a blocked ticket under each guard that holds it, and not as escalated', () => {
    expect(noInfo.escalate).toBe(false);
    const s = summarize([ok('c', noInfo)]);
    expect(s.blocked).toBe(1);
    expect(s.escalated).toBe(0);
    for (const b of noInfo.blockers) {
      expect(s.guards.find((g) => g.guard === b.id)?.blocked).toBe(1);
    }
  });

  it('counts each rule once per ticket, held-back rules apart, and lists rules that never fired', () => {
    const twice: Decision = {
      ...portIn,
      reasons: [...portIn.reasons, ...portIn.reasons],
      held_back: [
        { rule: 'api_error', targets: ['engineering'], blocked_by: ['needs_more_info', 'needs_more_info'] },
        { rule: 'api_error', targets: ['engineering'], blocked_by: ['troubleshooting_not_done'] },
      ],
    };
    const s = summarize([ok('a', twice)]);
    expect(s.rules.find((r) => r.rule === 'port_in_rejected_3_plus')).toEqual({
      rule: 'port_in_rejected_3_plus',
      fired: 1,
      heldBack: 0,
    });
    expect(s.rules.find((r) => r.rule === 'api_error')).toEqual({ rule: 'api_error', fired: 0, heldBack: 1 });
    expect(s.guards.find((g) => g.guard === 'needs_more_info')?.heldRules).toBe(1);
    expect(s.guards.find((g) => g.guard === 'troubleshooting_not_done')?.heldRules).toBe(1);
    expect(s.rules.map((r) => r.rule)).toEqual(expect.arrayContaining(RULES.map((r) => r.id)));
    expect(s.rules[0]?.fired).toBeGreaterThanOrEqual(s.rules[s.rules.length - 1]?.fired ?? 0);
  });

  it('names invalid files with their error and leaves them out of the figures', () => {
    const s = summarize([ok('a', portIn), { file: 'z.json', ok: false, error: 'not valid JSON' }]);
    expect(s.files).toBe(2);
    expect(s.decided).toBe(1);
    expect(s.invalid).toEqual([{ file: 'z.json', error: 'not valid JSON' }]);
    expect(formatSummary(s)).toContain('z.json: not valid JSON');
  });

  it('gives the same figures whatever the order of the files', () => {
    const list = [ok('a', portIn), ok('b', legal), ok('c', noInfo)];
    expect(summarize([...list].reverse())).toEqual(summarize(list));
  });
});

function evaluate(args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/evaluate.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const jsonFiles = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.json'));

describe('npm run evaluate -- FOLDER --summary', () => {
  it('summarizes the shared cases and the project cases together', () => {
    const r = evaluate([SHARED, OWN, '--summary', '--json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const s = JSON.parse(r.stdout) as BacktestSummary;
    const total = jsonFiles(SHARED).length + jsonFiles(OWN).length;
    expect(s.files).toBe(total);
    expect(s.escalated + s.blocked + s.noRule).toBe(total);
    expect(TARGETS.reduce((sum, t) => sum + s.teams[t].primary, 0)).toBe(s.escalated);
    // Each project case named "<rule>-fires" makes that rule fire.
    for (const file of jsonFiles(OWN)) {
      const rule = /^\d+-(.+)-fires\.json$/u.exec(file)?.[1];
      if (rule && RULES.some((x) => x.id === rule))
        expect(s.rules.find((x) => x.rule === rule)?.fired, rule).toBeGreaterThan(0);
    }
  });

  it('prints the figures as text', () => {
    const r = evaluate([SHARED, '--summary']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^${jsonFiles(SHARED).length} files: `, 'u'));
    expect(r.stdout).toMatch(/escalate now\s+\d+/u);
    expect(r.stdout).toMatch(/Carrier\s+\d+\s+\d+/u);
    expect(r.stdout).toContain('port_in_rejected_3_plus');
  });

  it('names every invalid file on stderr, still prints the summary, and exits 2', () => {
    const r = evaluate([INVALID, '--summary', '--json']);
    expect(r.status).toBe(2);
    const bad = jsonFiles(INVALID);
    expect(r.stderr.trim().split('\n')).toHaveLength(bad.length);
    const s = JSON.parse(r.stdout) as BacktestSummary;
    expect(s.invalid.map((x) => x.file.split('/').pop())).toEqual([...bad].sort());
    expect(s.decided).toBe(0);
  });

  it('refuses an unknown option with its usage', () => {
    const r = evaluate([SHARED, '--sumary']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unknown option --sumary/u);
  });
});
