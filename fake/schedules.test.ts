import { describe, expect, it } from 'vitest';
import { weekdayIntervals, type BusinessSchedule } from './schedules';
import { createFakeZendesk } from './zendesk';

const schedule: BusinessSchedule = {
  id: 31,
  name: 'Support',
  time_zone: 'Berlin',
  intervals: weekdayIntervals(9, 17),
  created_at: '2025-01-01T00:00:00Z',
  updated_at: '2025-01-01T00:00:00Z',
  holidays: [{ id: 1, name: 'New Year', start_date: '2026-01-01', end_date: '2026-01-01' }],
};

const statusFor = async (role: string, url: string) =>
  (await createFakeZendesk({ currentUser: { id: 1, role }, schedules: [schedule] }).request({ url })).status;

describe('the Schedules API', () => {
  it.each([
    ['/api/v2/business_hours/schedules.json', 403, 200],
    ['/api/v2/business_hours/schedules/31.json', 200, 200],
    ['/api/v2/business_hours/schedules/31/holidays.json', 403, 200],
    ['/api/v2/business_hours/schedules/99.json', 404, 404],
  ])(
    '%s answers an agent %i and an admin %i, as Zendesk documents who may read it',
    async (url, agent, admin) => {
      expect(await statusFor('agent', url)).toBe(agent);
      expect(await statusFor('admin', url)).toBe(admin);
    },
  );

  it('shows a schedule to an agent without its holidays, and lists them for an admin', async () => {
    const agent = createFakeZendesk({ currentUser: { id: 1, role: 'agent' }, schedules: [schedule] });
    const shown = await agent.request({ url: '/api/v2/business_hours/schedules/31.json' });
    expect(shown.body).toEqual({
      schedule: {
        id: 31,
        name: 'Support',
        time_zone: 'Berlin',
        intervals: weekdayIntervals(9, 17),
        created_at: '2025-01-01T00:00:00Z',
        updated_at: '2025-01-01T00:00:00Z',
      },
    });
    const refused = await agent.request({ url: '/api/v2/business_hours/schedules/31/holidays.json' });
    expect(refused.body).toMatchObject({ error: 'Forbidden' });
    const admin = createFakeZendesk({ currentUser: { id: 1, role: 'admin' }, schedules: [schedule] });
    expect((await admin.request({ url: '/api/v2/business_hours/schedules/31/holidays.json' })).body).toEqual({
      holidays: schedule.holidays,
    });
  });
});
