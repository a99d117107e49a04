/**
 * The review as CSV for a spreadsheet: the escalations, the open tickets not escalated and the per-rule
 * table, one after the other with a title line each. RFC 4180 quoting (a field with a comma, a quote or a
 * line break is quoted, quotes doubled, lines end in CRLF), and text from tickets and agents that a
 * spreadsheet would run as a formula (starting with =, +, -, @, a tab or a carriage return) is prefixed
 * with an apostrophe, so opening the file never runs what a customer typed.
 */
import { teamsText, type Report } from './report';

/** A cell: text (neutralised as described above) or a number (written as it is). */
export type CsvCell = string | number;

const FORMULA_START = /^[=+\-@\t\r]/u;

/** One cell's text, quoted when needed; text that could start a formula gets a leading apostrophe. */
export function csvCell(value: CsvCell): string {
  const text = typeof value === 'number' ? String(value) : FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/u.test(text) ? `"${text.replace(/"/gu, '""')}"` : text;
}

/** Rows of cells as CSV text, CRLF line ends. */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

const percent = (part: number, whole: number): string =>
  whole === 0 ? '' : `${Math.round((part / whole) * 100)}%`;

/** The whole report as one CSV file. */
export function reportCsv(report: Report, period: { from: string; to: string }): string {
  const rows: CsvCell[][] = [
    [`Escalation review ${period.from} to ${period.to}`],
    [],
    ['Escalations'],
    [
      'ticket',
      'subject',
      'status',
      'escalated at',
      'by',
      'suggested',
      'chosen',
      'override',
      'override reason',
      'urgency',
      'rules',
      'follow-up due',
      'follow-up',
      'bounced',
      'bounced at',
      'bounced to',
      'read from',
    ],
    ...report.rows.map((row) => [
      row.ticketId,
      row.subject,
      row.status,
      row.escalatedAt,
      row.by,
      teamsText(row.suggested),
      teamsText(row.chosen),
      row.overridden ? 'yes' : 'no',
      row.overrideReason ?? '',
      row.urgency ?? 'unknown',
      row.rules === null ? 'unknown' : row.rules.join(' '),
      row.followUpDue,
      row.followUp,
      row.bounce !== null ? 'yes' : row.bounceKnown ? 'no' : 'unknown',
      row.bounce?.at ?? '',
      row.bounce?.toGroup ?? '',
      row.source,
    ]),
    [],
    ['Open tickets that met an escalation rule and were not escalated'],
    ['ticket', 'subject', 'status', 'group', 'updated at'],
    ...report.suggested.map((row) => [row.ticketId, row.subject, row.status, row.group, row.updatedAt]),
    [],
    ['Rules'],
    ['rule', 'guide', 'fired', 'routed', 'accepted', 'accepted of routed', 'overrides', 'override reasons'],
    ...report.rules.map((stat) => [
      stat.rule,
      stat.guideRow,
      stat.fired,
      stat.routed,
      stat.accepted,
      percent(stat.accepted, stat.routed),
      stat.overrides,
      stat.reasons.join(' | '),
    ]),
  ];
  return toCsv(rows);
}
