import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sendFollowUp, rearmRecord, type FollowUpSend } from './followup';
import { formatRecord, parseRecord, type EscalationRecord } from './record';
import { CASES_DIR, harness } from './testkit';

const RECORD_FIELD = 27493018470002;
const DATE_FIELD = 27493018470001;
const file = JSON.parse(readFileSync(`${CASES_DIR}01-port-in-rejected-four-times.json`, 'utf8')) as {
  bundle: { now: string; ticket: { id: number; updated_at: string } };
};
const NOW = '2026-03-20T09:00:00.000Z';
const RECORD: EscalationRecord = {
  v: 1,
  key: 'eg-1-abcdef01',
  at: '2026-03-10T12:00:00.000Z',
  by: { id: 7, name: 'Sam Lee' },
  suggested: ['carrier'],
  chosen: ['carrier'],
  override: null,
  urgency: 'medium',
  rules: ['port_in_rejected_3_plus'],
  followUp: { dueAt: '2026-03-13T12:00:00.000Z', hours: 72, sent: 0 },
};
const MESSAGE = 'Hi Danielle, just checking in on your case.';

/** The case with the record already on it, as a confirm left it. */
function escalated() {
  const h = harness(file.bundle, {});
  h.fake.simulateConcurrentEdit(h.ticketId, {
    custom_fields: [
      { id: RECORD_FIELD, value: formatRecord(RECORD) },
      { id: DATE_FIELD, value: '2026-03-13' },
    ],
    // The reminder automation's tag, added when the follow-up fell due.
    additional_tags: ['follow_up_due'],
  });
  const stamp = h.fake.ticket(h.ticketId)?.updated_at ?? '';
  const send: FollowUpSend = {
    ticketId: h.ticketId,
    updatedStamp: stamp,
    record: RECORD,
    message: MESSAGE,
    delivery: 'post',
    recordFieldId: RECORD_FIELD,
    followUpFieldId: DATE_FIELD,
    now: NOW,
  };
  return { ...h, send };
}

const storedRecord = (h: ReturnType<typeof escalated>) =>
  parseRecord(h.fake.ticket(h.ticketId)?.custom_fields.find((f) => f.id === RECORD_FIELD)?.value);
const replies = (h: ReturnType<typeof escalated>) =>
  h.fake.comments(h.ticketId).filter((c) => c.public && c.body === MESSAGE);
const appPuts = (h: ReturnType<typeof escalated>) =>
  h.fake.writes().filter((w) => w.origin === 'request' && w.method === 'PUT');

describe('rearmRecord', () => {
  it("sets the next due time the team's hours after now and counts the follow-up", () => {
    expect(rearmRecord(RECORD, NOW).followUp).toEqual({
      dueAt: '2026-03-23T09:00:00.000Z',
      hours: 72,
      sent: 1,
    });
    const twoTeams = { ...RECORD, chosen: ['l2', 'carrier'] } as EscalationRecord;
    expect(rearmRecord(twoTeams, NOW).followUp).toMatchObject({
      hours: 24,
      dueAt: '2026-03-21T09:00:00.000Z',
    });
    // Everything else stays as the confirm wrote it.
    expect({ ...rearmRecord(RECORD, NOW), followUp: null }).toEqual({ ...RECORD, followUp: null });
  });
});

describe('sendFollowUp', () => {
  it('posts the reply and re-arms the record and the date field in one safe update, once on a double click', async () => {
    const h = escalated();
    const [first, second] = await Promise.all([
      sendFollowUp(h.client, h.send),
      sendFollowUp(h.client, h.send),
    ]);
    expect(first).toBe(second);
    expect(first.kind).toBe('done');
    expect(appPuts(h)).toHaveLength(1);
    expect(replies(h)).toHaveLength(1);
    const next = { ...RECORD, followUp: { dueAt: '2026-03-23T09:00:00.000Z', hours: 72, sent: 1 } };
    expect(storedRecord(h)).toEqual({ record: next });
    expect(h.fake.ticket(h.ticketId)?.custom_fields.find((f) => f.id === DATE_FIELD)?.value).toBe(
      '2026-03-23',
    );
    if (first.kind === 'done') expect(first.record).toEqual(next);
    const data = h.client.calls.requests.find((r) => r.type === 'PUT')?.data;
    const body = JSON.parse(typeof data === 'string' ? data : '{}') as { ticket: Record<string, unknown> };
    expect(body.ticket).toMatchObject({ safe_update: true, updated_stamp: h.send.updatedStamp });
    // Re-armed, the follow-up is no longer due: the tag goes, so the automation can remind again later.
    expect(h.fake.ticket(h.ticketId)?.tags).not.toContain('follow_up_due');
  });

  it('does not send twice when the answer was lost after the update landed, nor on a retry', async () => {
    const h = escalated();
    h.fake.failNext({ kind: 'timeoutAfterApply', match: (r) => r.method === 'PUT' });
    const outcome = await sendFollowUp(h.client, h.send);
    expect(outcome.kind).toBe('done');
    expect(outcome.steps.map((s) => [s.step, s.status])).toEqual([['follow_up', 'already_done']]);
    const retry = await sendFollowUp(h.client, h.send);
    expect(retry.steps[0]?.status).toBe('already_done');
    expect(appPuts(h)).toHaveLength(1);
    expect(replies(h)).toHaveLength(1);
    expect(storedRecord(h)).toMatchObject({ record: { followUp: { sent: 1 } } });
  });

  it('writes nothing and reports a conflict when someone changed the ticket meanwhile', async () => {
    const h = escalated();
    h.fake.failNext({ kind: 'stale' });
    const outcome = await sendFollowUp(h.client, h.send);
    expect(outcome.kind).toBe('conflict');
    expect(outcome.steps[0]?.detail).toMatch(/409/u);
    expect(replies(h)).toHaveLength(0);
    expect(storedRecord(h)).toEqual({ record: RECORD });
  });

  it('with editor delivery re-arms by REST and puts the message in the reply editor, once', async () => {
    const h = escalated();
    const send = { ...h.send, delivery: 'editor' as const };
    const outcome = await sendFollowUp(h.client, send);
    expect(outcome.steps.map((s) => [s.step, s.status])).toEqual([
      ['follow_up', 'done'],
      ['customer_message', 'done'],
    ]);
    expect(replies(h)).toHaveLength(0);
    expect(h.client.editor).toEqual({ text: MESSAGE, type: 'publicReply' });
    const again = await sendFollowUp(h.client, send);
    expect(again.steps.map((s) => s.status)).toEqual(['already_done', 'already_done']);
    expect(h.client.editor.text).toBe(MESSAGE);
    expect(appPuts(h)).toHaveLength(1);
  });

  it('refuses an empty message, naming the problem, and writes nothing', async () => {
    const h = escalated();
    const outcome = await sendFollowUp(h.client, { ...h.send, message: '  \n' });
    expect(outcome).toEqual({
      kind: 'failed',
      steps: [],
      error: 'The follow-up message is empty: write it, then send.',
    });
    expect(appPuts(h)).toHaveLength(0);
  });

  it('leaves out the date field when it is not set', async () => {
    const h = escalated();
    await sendFollowUp(h.client, { ...h.send, followUpFieldId: null });
    expect(h.fake.ticket(h.ticketId)?.custom_fields.find((f) => f.id === DATE_FIELD)?.value).toBe(
      '2026-03-13',
    );
    expect(storedRecord(h)).toMatchObject({ record: { followUp: { sent: 1 } } });
  });
});
