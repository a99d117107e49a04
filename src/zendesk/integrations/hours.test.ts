import { describe, expect, it } from 'vitest';
import { weekdayIntervals } from '../../../fake/schedules';
import { businessHoursAt, ianaZone, localWeekTime, type Schedule } from './hours';

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
