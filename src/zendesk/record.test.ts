import { describe, expect, it } from 'vitest';
import { formatRecord, parseRecord, recordSchema, type EscalationRecord } from './record';
import * as v from 'valibot';

const RECORD: EscalationRecord = {
  v: 1,
  key: 'eg-8812-1a2b3c4d',
  at: '2026-03-10T12:00:00.000Z',
  by: { id: 21937465350021, name: 'Tomasz Nowak' },
  suggested: ['carrier'],
  chosen: ['carrier'],
  override: null,
  urgency: 'high',
  rules: ['port_in_rejected_3_plus'],
  followUp: { dueAt: '2026-03-13T12:00:00.000Z', hours: 72, sent: 0 },
};

describe('the escalation record', () => {
  it('is one line of JSON that reads back as written', () => {
    const text = formatRecord(RECORD);
    expect(text).not.toContain('\n');
    expect(JSON.parse(text)).toEqual(RECORD);
    expect(parseRecord(text)).toEqual({ record: RECORD });
  });

  it('keeps the exact keys the supervisors page reads', () => {
    expect(Object.keys(JSON.parse(formatRecord(RECORD)) as object)).toEqual([
      'v',
      'key',
      'at',
      'by',
      'suggested',
      'chosen',
      'override',
      'urgency',
      'rules',
      'followUp',
    ]);
  });

  it('reads an override, several teams and a record of no escalation', () => {
    const overridden = { ...RECORD, suggested: [], chosen: ['l2', 'legal'], override: 'Lawyer mentioned.' };
    expect(parseRecord(formatRecord(overridden as EscalationRecord))).toEqual({ record: overridden });
  });

  it('keeps keys a newer app added, so its records still read', () => {
    const newer = { ...RECORD, followUp: { ...RECORD.followUp, lastSentBy: 7 }, team_note: 'x' };
    const parsed = parseRecord(JSON.stringify(newer));
    expect(parsed).toEqual({ record: newer });
  });

  it('is nothing for an empty field', () => {
    for (const empty of [null, undefined, '', '   \n']) expect(parseRecord(empty)).toBeNull();
  });

  it('names what is wrong with a field edited by hand', () => {
    expect(parseRecord(42)).toEqual({ problem: 'the escalation record is not text (got number)' });
    expect(parseRecord('{"v":1,')).toEqual({ problem: 'the escalation record is not valid JSON' });
    expect(parseRecord(JSON.stringify({ ...RECORD, v: 2 }))).toMatchObject({
      problem: expect.stringMatching(/^the escalation record's v /u) as unknown,
    });
    expect(parseRecord(JSON.stringify({ ...RECORD, chosen: ['billing'] }))).toMatchObject({
      problem: expect.stringMatching(/^the escalation record's chosen\.0 /u) as unknown,
    });
    expect(
      parseRecord(JSON.stringify({ ...RECORD, followUp: { ...RECORD.followUp, dueAt: 'tomorrow' } })),
    ).toEqual({ problem: "the escalation record's followUp.dueAt is not an ISO-8601 date" });
    expect(parseRecord('[]')).toEqual({ problem: 'the escalation record is not a JSON object' });
    expect(parseRecord('"eg-1"')).toEqual({ problem: 'the escalation record is not a JSON object' });
    expect(parseRecord('{}')).toMatchObject({
      problem: expect.stringMatching(/^the escalation record's v /u) as unknown,
    });
  });

  it('is the schema the record is checked against', () => {
    expect(v.safeParse(recordSchema, RECORD).success).toBe(true);
    expect(v.safeParse(recordSchema, { ...RECORD, by: { id: '1', name: 'x' } }).success).toBe(false);
  });
});
