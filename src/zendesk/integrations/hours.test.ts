import { describe, expect, it } from 'vitest';
import { createFakeClient } from '../../../fake/client';
import { weekdayIntervals, type BusinessSchedule } from '../../../fake/schedules';
import { createFakeZendesk } from '../../../fake/zendesk';
import { businessHoursAt, checkBusinessHours, ianaZone, localWeekTime, type Schedule } from './hours';

const office = (timeZone: string): Schedule => ({
  id: 1,
  name: 'Office',
  time_zone: timeZone,
  intervals: weekdayIntervals(9, 17).map((interval) => ({ ...interval })),
});

describe('ianaZone', () => {
  it.each([
    ['Pacific Time (US & Canada)', 'America/Los_Angeles'],
    ['Eastern Time (US & Canada)', 'America/New_York'],
    ['UTC', 'Etc/UTC'],
    ['Europe/Berlin', 'Europe/Berlin'],
    ['Berlin', 'Europe/Berlin'],
    ['Abu Dhabi', 'Asia/Muscat'],
  ])('%s is %s', (name, zone) => {
    expect(ianaZone(name)).toBe(zone);
  });

  it("finds a Rails city name among the browser's zones", () => {
    expect(ianaZone('Buenos Aires')).toMatch(/^America\/(Argentina\/)?Buenos_Aires$/u);
  });

  it('knows no zone for a name that is none', () => {
    expect(ianaZone('Middle Earth')).toBeNull();
  });
});

describe('businessHoursAt', () => {
  const pacific = office('Pacific Time (US & Canada)');

  it.each([
    // Winter (PST, UTC-8) and summer (PDT, UTC-7): the schedule's own clock decides.
    ['2026-01-05T17:00:00Z', true, 'Mon 09:00'],
    ['2026-01-05T16:59:00Z', false, 'Mon 08:59'],
    ['2026-01-06T01:00:00Z', false, 'Mon 17:00'],
    ['2026-07-06T16:30:00Z', true, 'Mon 09:30'],
    ['2026-07-06T15:30:00Z', false, 'Mon 08:30'],
    ['2026-01-10T20:00:00Z', false, 'Sat 12:00'],
  ])('%s: open %s (%s in Los Angeles)', (iso, open, clock) => {
    const verdict = businessHoursAt(pacific, [], new Date(iso));
    expect(verdict).toMatchObject({ open });
    expect('why' in verdict ? verdict.why : '').toContain(clock);
  });

  it('is closed on a holiday, whole local days with both ends included', () => {
    const holidays = [{ name: 'Winter break', start_date: '2026-12-24', end_date: '2026-12-25' }];
    // Friday 2026-12-25 10:00 in Los Angeles; 2026-12-26 02:00 UTC is still the 25th there.
    expect(businessHoursAt(pacific, holidays, new Date('2026-12-25T18:00:00Z'))).toMatchObject({
      open: false,
    });
    expect(businessHoursAt(pacific, holidays, new Date('2026-12-26T02:00:00Z'))).toMatchObject({
      open: false,
    });
    expect(businessHoursAt(pacific, holidays, new Date('2026-12-28T18:00:00Z'))).toMatchObject({
      open: true,
    });
    const verdict = businessHoursAt(pacific, holidays, new Date('2026-12-25T18:00:00Z'));
    expect('why' in verdict ? verdict.why : '').toContain('the holiday "Winter break"');
  });

  it("says so when the schedule's time zone is unknown", () => {
    expect(businessHoursAt(office('Middle Earth'), [], new Date())).toEqual({
      error: 'the schedule\'s time zone "Middle Earth" is unknown to this browser',
    });
  });

  it('counts minutes from Sunday midnight in the zone', () => {
    expect(localWeekTime(new Date('2026-01-04T00:30:00Z'), 'Etc/UTC')).toEqual({
      date: '2026-01-04',
      minuteOfWeek: 30,
    });
    expect(localWeekTime(new Date('2026-01-10T23:59:00Z'), 'Etc/UTC').minuteOfWeek).toBe(
      6 * 1440 + 23 * 60 + 59,
    );
  });
});

describe('checkBusinessHours as Zendesk allows each role', () => {
  // Thursday 1 January 2026, 10:00 in Berlin: within the weekday hours, on the New Year holiday.
  const AT = new Date('2026-01-01T09:00:00Z');
  const stored: BusinessSchedule = {
    id: 77,
    name: 'Office',
    time_zone: 'Berlin',
    intervals: weekdayIntervals(9, 17),
    created_at: '2025-01-01T00:00:00Z',
    updated_at: '2025-01-01T00:00:00Z',
    holidays: [{ id: 1, name: 'New Year', start_date: '2026-01-01', end_date: '2026-01-01' }],
  };
  const clientFor = (role: 'agent' | 'admin') => {
    const fake = createFakeZendesk({ currentUser: { id: 1, role }, schedules: [stored] });
    return { fake, client: createFakeClient(fake) };
  };

  it("reads an admin's default schedule from the list, and its holidays", async () => {
    const { client } = clientFor('admin');
    const verdict = await checkBusinessHours(client, null, AT);
    expect(verdict).toEqual({
      open: false,
      why: '2026-01-01 is the holiday "New Year" in "Office" (Berlin)',
    });
  });

  it('shows an agent the schedule by id and judges it without the holidays it may not list, saying so', async () => {
    const { client, fake } = clientFor('agent');
    const verdict = await checkBusinessHours(client, 77, AT);
    expect(verdict.open).toBe(true);
    expect(verdict.why).toBe(
      'Thu 10:00 is within the business hours of "Office" (Berlin); holidays not checked: only admins may list a schedule\'s holidays',
    );
    expect(fake.requests().map((r) => [r.url.split('?')[0], r.status])).toEqual([
      ['/api/v2/business_hours/schedules/77.json', 200],
      ['/api/v2/business_hours/schedules/77/holidays.json', 403],
    ]);
  });

  it('tells an agent without a schedule id that the setting must be set', async () => {
    const { client } = clientFor('agent');
    await expect(checkBusinessHours(client, null, AT)).rejects.toThrow(
      "only admins may list the account's schedules: set business_hours_schedule_id in the app's settings to the schedule's id",
    );
  });

  it('still fails on a schedule that does not exist', async () => {
    const { client } = clientFor('agent');
    await expect(checkBusinessHours(client, 5, AT)).rejects.toThrow();
  });
});
