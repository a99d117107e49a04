/** The rule and guard tables as Markdown, printed from the rule data itself (`npm run -s rules`). */
import { GUARDS } from './guards';
import { RULES } from './rules';
import { TEAMS } from './teams';

const cell = (s: string) => s.replace(/\|/g, '\\|');

export function rulesMarkdown(): string {
  const rules = [
    '| rule | guide | section | target | urgency | tags | follow-up | held back by | reads |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...RULES.map((r) => {
      const target =
        r.targets.map((t) => TEAMS[t].label).join(' + ') +
        (r.fallback ? ' (when no specialist team takes it)' : '');
      const tags = [...r.targets.map((t) => TEAMS[t].tag), ...(r.urgent ? ['priority_high'] : [])].join(', ');
      const followUp = `${Math.min(...r.targets.map((t) => TEAMS[t].followUpHours))} h`;
      const urgency = r.urgent ? 'critical, urgent alert' : r.urgency;
      return `| \`${r.id}\` | ${cell(r.guideRow)} | ${r.section} | ${target} | ${urgency} | ${tags} | ${followUp} | ${r.guards.join(', ') || '—'} | ${cell(r.reads.join('; '))} |`;
    }),
  ];
  const guards = [
    '| guard | guide | reads |',
    '| --- | --- | --- |',
    ...GUARDS.map((g) => `| \`${g.id}\` | ${cell(g.guideRow)} | ${cell(g.reads.join('; '))} |`),
  ];
  return [
    ...rules,
    '',
    'Every escalation also adds `slo_at_risk` when the ticket has been open more than `slo_risk_hours` (48 h), and `priority_high` when critical. The follow-up is the shortest of its teams.',
    '',
    ...guards,
  ].join('\n');
}
