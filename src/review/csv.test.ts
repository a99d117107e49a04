import { describe, expect, it } from 'vitest';
import { csvCell, reportCsv, toCsv } from './csv';
import type { Report } from './report';

/** A small RFC 4180 reader, to check that what is written reads back to the same cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i] ?? '';
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else cell += c;
  }
  return rows;
}

describe('csvCell', () => {
  it('quotes commas, quotes and line breaks, doubling quotes', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });

  it('neutralises text a spreadsheet would run as a formula, but not numbers', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvCell('+1 555')).toBe("'+1 555");
    expect(csvCell('-- on call')).toBe("'-- on call");
    expect(csvCell('@admin')).toBe("'@admin");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell(-5)).toBe('-5');
  });

  it('round-trips through a CSV reader', () => {
    const cells = [['a,b', 'c"d', 'e\r\nf', '', 'plain']];
    expect(parseCsv(toCsv(cells))).toEqual(cells);
  });
});

describe('reportCsv', () => {
  const report: Report = {
    rows: [
      {
        ticketId: 5001,
        subject: 'Refund, "urgent" <b>now</b>',
        status: 'open',
        escalatedAt: '2025-09-02T00:00:00Z',
        by: 'Priya Shah',
        suggested: ['carrier'],
        chosen: ['engineering'],
        overridden: true,
        overrideReason: '=1+1',
        urgency: 'high',
        rules: ['port_in_rejected_3_plus'],
        followUpDue: '2025-09-05T00:00:00Z',
        followUp: 'overdue',
        bounce: { at: '2025-09-03T00:00:00Z', toGroup: 'Tier 1 Support' },
        bounceKnown: true,
        source: 'record',
      },
    ],
    suggested: [
      {
        ticketId: 6001,
        subject: 'Port-in',
        status: 'open',
        group: 'Tier 1',
        updatedAt: '2025-09-04T00:00:00Z',
      },
    ],
    rules: [
      {
        rule: 'port_in_rejected_3_plus',
        guideRow: 'Port-in rejected 3+ times',
        fired: 4,
        routed: 4,
        accepted: 3,
        overrides: 1,
        reasons: ['=1+1', 'Carrier, confirmed'],
      },
    ],
    withoutRules: 0,
    unreadable: [],
    totals: { escalations: 1, overridden: 1, bounced: 1, overdue: 1, suggested: 1 },
    warnings: [],
  };

  it('holds every row and the rule table, each cell reading back as written (formulas neutralised)', () => {
    const rows = parseCsv(reportCsv(report, { from: '2025-09-01', to: '2025-09-30' }));
    const escalation = rows.find((row) => row[0] === '5001');
    expect(escalation).toEqual([
      '5001',
      'Refund, "urgent" <b>now</b>',
      'open',
      '2025-09-02T00:00:00Z',
      'Priya Shah',
      'Carrier',
      'Engineering',
      'yes',
      "'=1+1",
      'high',
      'port_in_rejected_3_plus',
      '2025-09-05T00:00:00Z',
      'overdue',
      'yes',
      '2025-09-03T00:00:00Z',
      'Tier 1 Support',
      'record',
    ]);
    expect(rows.find((row) => row[0] === '6001')).toEqual([
      '6001',
      'Port-in',
      'open',
      'Tier 1',
      '2025-09-04T00:00:00Z',
    ]);
    expect(rows.find((row) => row[0] === 'port_in_rejected_3_plus')).toEqual([
      'port_in_rejected_3_plus',
      'Port-in rejected 3+ times',
      '4',
      '4',
      '3',
      '75%',
      '1',
      "'=1+1 | Carrier, confirmed",
    ]);
  });
});
