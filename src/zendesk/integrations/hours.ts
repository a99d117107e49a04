/**
 * Whether a moment falls in the account's business hours, read from Zendesk's Schedules API. An interval
 * is minutes since Sunday 00:00 in the schedule's time zone, and a holiday is whole local days, both
 * ends included. Zendesk names zones as Rails does ("Pacific Time (US & Canada)", "Berlin"); the browser
 * needs IANA names, so the usual Rails names are mapped and the rest found by city
 * (`Intl.supportedValuesOf`).
 *
 * Zendesk lets agents show one schedule and admins list them: with `business_hours_schedule_id` set, the
 * schedule is read by id (any agent); without it the list is tried for its first (default) schedule, and
 * an agent's 403 says the setting must be set. Listing a schedule's holidays is for admins too: on a 403
 * the hours are judged without holidays, and the verdict says so.
 */
import * as v from 'valibot';
import { restAs, ZendeskError, type RestOptions } from '../rest';
import type { ZafClient } from '../types';

const intervalSchema = v.looseObject({ start_time: v.number(), end_time: v.number() });
const scheduleSchema = v.looseObject({
  id: v.number(),
  name: v.string(),
  time_zone: v.string(),
  intervals: v.optional(v.array(intervalSchema), []),
});
const holidaySchema = v.looseObject({ name: v.string(), start_date: v.string(), end_date: v.string() });

/** A schedule as the API gives it. */
export type Schedule = v.InferOutput<typeof scheduleSchema>;
/** A holiday as the API gives it. */
export type Holiday = v.InferOutput<typeof holidaySchema>;

/** Rails zone names that are not a city of their IANA zone. */
const RAILS_ZONES: Readonly<Record<string, string>> = {
  'Eastern Time (US & Canada)': 'America/New_York',
  'Central Time (US & Canada)': 'America/Chicago',
  'Mountain Time (US & Canada)': 'America/Denver',
  'Pacific Time (US & Canada)': 'America/Los_Angeles',
  'Atlantic Time (Canada)': 'America/Halifax',
  Alaska: 'America/Juneau',
  Hawaii: 'Pacific/Honolulu',
  Arizona: 'America/Phoenix',
  'International Date Line West': 'Etc/GMT+12',
  'Mid-Atlantic': 'Atlantic/South_Georgia',
  UTC: 'Etc/UTC',
  Edinburgh: 'Europe/London',
  Greenland: 'America/Godthab',
  Brasilia: 'America/Sao_Paulo',
  'New Delhi': 'Asia/Kolkata',
  Mumbai: 'Asia/Kolkata',
  Chennai: 'Asia/Kolkata',
  'Hong Kong': 'Asia/Hong_Kong',
  Beijing: 'Asia/Shanghai',
  Osaka: 'Asia/Tokyo',
  Sapporo: 'Asia/Tokyo',
  Canberra: 'Australia/Sydney',
  Wellington: 'Pacific/Auckland',
  'Central America': 'America/Guatemala',
  Guadalajara: 'America/Mexico_City',
  Saskatchewan: 'America/Regina',
  Quito: 'America/Lima',
  'Indiana (East)': 'America/Indiana/Indianapolis',
  Georgetown: 'America/Guyana',
  Newfoundland: 'America/St_Johns',
  'Cape Verde Is.': 'Atlantic/Cape_Verde',
  'West Central Africa': 'Africa/Algiers',
  Bern: 'Europe/Zurich',
  Pretoria: 'Africa/Johannesburg',
  'St. Petersburg': 'Europe/Moscow',
  'Abu Dhabi': 'Asia/Muscat',
  Ekaterinburg: 'Asia/Yekaterinburg',
  Islamabad: 'Asia/Karachi',
  'Sri Jayawardenepura': 'Asia/Colombo',
  Astana: 'Asia/Almaty',
  Hanoi: 'Asia/Bangkok',
  Chongqing: 'Asia/Shanghai',
  'New Caledonia': 'Pacific/Noumea',
  'Solomon Is.': 'Pacific/Guadalcanal',
  'Marshall Is.': 'Pacific/Majuro',
  'Chatham Is.': 'Pacific/Chatham',
  "Nuku'alofa": 'Pacific/Tongatapu',
  Samoa: 'Pacific/Apia',
  'Tokelau Is.': 'Pacific/Fakaofo',
  'American Samoa': 'Pacific/Pago_Pago',
  'Midway Island': 'Pacific/Midway',
};

/** The IANA zone for a Zendesk (Rails) zone name or an IANA name; null when none matches. */
export function ianaZone(name: string): string | null {
  const mapped = RAILS_ZONES[name] ?? name;
  if (isZone(mapped)) return mapped;
  const city = `/${name.trim().replace(/\s+/gu, '_')}`;
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return zones.find((zone) => zone.endsWith(city)) ?? null;
}

function isZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** The local date (`YYYY-MM-DD`) and minutes since Sunday 00:00 of `at` in `zone`. */
export function localWeekTime(
  at: Date,
  zone: string,
): { readonly date: string; readonly minuteOfWeek: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  );
  const day = WEEKDAYS.indexOf(parts.weekday ?? '');
  const minuteOfWeek = day * 1440 + Number(parts.hour) * 60 + Number(parts.minute);
  return { date: `${parts.year ?? ''}-${parts.month ?? ''}-${parts.day ?? ''}`, minuteOfWeek };
}

/** The verdict on one moment. */
export type HoursVerdict =
  { readonly open: true; readonly why: string } | { readonly open: false; readonly why: string };

/** Whether `at` is within `schedule`'s business hours and not on one of its holidays. */
export function businessHoursAt(
  schedule: Schedule,
  holidays: readonly Holiday[],
  at: Date,
): HoursVerdict | { readonly error: string } {
  const zone = ianaZone(schedule.time_zone);
  if (zone === null)
    return { error: `the schedule's time zone "${schedule.time_zone}" is unknown to this browser` };
  const { date, minuteOfWeek } = localWeekTime(at, zone);
  const holiday = holidays.find((candidate) => candidate.start_date <= date && date <= candidate.end_date);
  const name = `"${schedule.name}" (${schedule.time_zone})`;
  if (holiday !== undefined)
    return { open: false, why: `${date} is the holiday "${holiday.name}" in ${name}` };
  const open = schedule.intervals.some(
    (interval) => interval.start_time <= minuteOfWeek && minuteOfWeek < interval.end_time,
  );
  const clock = `${WEEKDAYS[Math.floor(minuteOfWeek / 1440)] ?? ''} ${String(Math.floor((minuteOfWeek % 1440) / 60)).padStart(2, '0')}:${String(minuteOfWeek % 60).padStart(2, '0')}`;
  return open
    ? { open: true, why: `${clock} is within the business hours of ${name}` }
    : { open: false, why: `${clock} is outside the business hours of ${name}` };
}

const forbidden = (error: unknown): boolean =>
  error instanceof ZendeskError && (error.status === 403 || error.status === 401);

/**
 * Reads the schedule (`scheduleId`, or the account's first, its default) and its holidays, and says
 * whether `at` is in business hours. Rejects when the account has no schedule, the signed-in agent may
 * not list the schedules and no schedule id is set, or the schedule cannot be read.
 */
export async function checkBusinessHours(
  client: ZafClient,
  scheduleId: number | null,
  at: Date,
  options: RestOptions = {},
): Promise<HoursVerdict> {
  let schedule: Schedule;
  if (scheduleId === null) {
    let list: { schedules: Schedule[] };
    try {
      list = await restAs(
        client,
        { url: '/api/v2/business_hours/schedules.json' },
        v.looseObject({ schedules: v.array(scheduleSchema) }),
        'the list of schedules',
        options,
      );
    } catch (error) {
      if (!forbidden(error)) throw error;
      throw new Error(
        "only admins may list the account's schedules: set business_hours_schedule_id in the app's settings to the schedule's id",
        { cause: error },
      );
    }
    const first = list.schedules[0];
    if (first === undefined) throw new Error('the account has no business-hours schedule');
    schedule = first;
  } else {
    schedule = (
      await restAs(
        client,
        { url: `/api/v2/business_hours/schedules/${String(scheduleId)}.json` },
        v.looseObject({ schedule: scheduleSchema }),
        'a schedule',
        options,
      )
    ).schedule;
  }
  let holidays: Holiday[] = [];
  let unchecked = '';
  try {
    holidays = (
      await restAs(
        client,
        { url: `/api/v2/business_hours/schedules/${String(schedule.id)}/holidays.json` },
        v.looseObject({ holidays: v.array(holidaySchema) }),
        "the schedule's holidays",
        options,
      )
    ).holidays;
  } catch (error) {
    if (!forbidden(error)) throw error;
    unchecked = "; holidays not checked: only admins may list a schedule's holidays";
  }
  const verdict = businessHoursAt(schedule, holidays, at);
  if ('error' in verdict) throw new Error(verdict.error);
  return { ...verdict, why: verdict.why + unchecked };
}
