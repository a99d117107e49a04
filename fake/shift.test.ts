import { describe, expect, it } from 'vitest';
import { FIXTURE_IDS, FIXTURE_NOW, outageBundle } from './fixtures';
import { createFakeZendesk } from './zendesk';

describe('seeding moved to the clock', () => {
  it('moves the timestamps inside a custom field holding a JSON object (the escalation record) too', () => {
    const clock = Date.parse('2026-03-01T12:00:00Z');
    const shift = clock - Date.parse(FIXTURE_NOW);
    const base = outageBundle();
    const record = {
      v: 1,
      at: '2025-08-20T10:00:00.000Z',
      followUp: { dueAt: '2025-08-21T10:00:00.000Z', sent: 0 },
    };
    const bundle = {
      ...base,
      ticket: {
        ...base.ticket,
        custom_fields: [
          { id: 901, value: JSON.stringify(record) },
          { id: 902, value: '{not json' },
          { id: 903, value: '2025-08-21' },
        ],
      },
    };
    const fake = createFakeZendesk({ now: () => clock });
    fake.seed(bundle, { shiftTimesToClock: true });
    const fields = fake.ticket(FIXTURE_IDS.ticket)?.custom_fields ?? [];
    const moved = JSON.parse(String(fields.find((f) => f.id === 901)?.value)) as typeof record;
    expect(Date.parse(moved.at)).toBe(Date.parse(record.at) + shift);
    expect(Date.parse(moved.followUp.dueAt)).toBe(Date.parse(record.followUp.dueAt) + shift);
    expect(moved.followUp.sent).toBe(0);
    // Text that is not a JSON object stays as it was.
    expect(fields.find((f) => f.id === 902)?.value).toBe('{not json');
    expect(fields.find((f) => f.id === 903)?.value).toBe('2025-08-21');
  });
});
