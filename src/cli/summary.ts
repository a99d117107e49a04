/**
 * `npm start` (until the sidebar lands): decides every example case and prints, per ticket, what the
 * sidebar will show: escalate or not, where, how urgent, why (with evidence), or what to do instead.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { decide, parseBundle, TEAMS, type Decision } from '../engine';

function line(file: string, d: Decision): string {
  const head = d.escalate
    ? `ESCALATE to ${d.targets.map((t) => TEAMS[t].label).join(' + ')} · ${d.urgency}${d.urgent_alert ? ' · URGENT ALERT' : ''} · follow up in ${String(d.follow_up_hours)} h · tags ${d.tags.join(', ')}`
    : d.blockers.length
      ? `DO NOT ESCALATE yet${d.targets.length ? ` (would go to ${d.targets.map((t) => TEAMS[t].label).join(' + ')})` : ''}`
      : 'NO ESCALATION: no rule of the guide applies';
  const why = d.escalate
    ? d.reasons.map((r) => `    because ${r.guide_row}: ${r.evidence.slice(0, 160)}`)
    : d.blockers.map((b) => `    instead: ${b.message}`);
  return [`${file}\n  ${head}`, ...why].join('\n');
}

const dirs = process.argv.slice(2);
for (const dir of dirs.length ? dirs : ['../shared/cases', 'cases']) {
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const parsed = parseBundle(JSON.parse(readFileSync(join(dir, file), 'utf8')));
    process.stdout.write(
      `${parsed.ok ? line(file, decide(parsed.bundle)) : `${file}\n  INVALID: ${parsed.error}`}\n\n`,
    );
  }
}
