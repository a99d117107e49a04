/**
 * The account's business-hours schedules, as Zendesk's Schedules API answers them:
 * `GET /api/v2/business_hours/schedules` lists them (`{schedules}`, in the account's order, the first
 * being the default), `GET .../schedules/{id}` shows one and `GET .../schedules/{id}/holidays` lists its
 * holidays. An interval is minutes since Sunday 00:00 in the schedule's `time_zone` (a Zendesk zone name
 * such as "Pacific Time (US & Canada)"), and never spans calendar days. Zendesk documents List Schedules
 * and List Holidays for admins and Show Schedule for agents: the lists answer 403 to anyone else.
 */
import { errorResponse, jsonResponse, type FakeResponse } from './http';

/** One period of business hours, in minutes since Sunday midnight. */
export interface ScheduleInterval {
  start_time: number;
  end_time: number;
}

/** A holiday: whole days, `YYYY-MM-DD`, both ends included. */
export interface ScheduleHoliday {
  id: number;
  name: string;
  start_date: string;
  end_date: string;
}

/** A schedule as the API shows it, with its holidays kept beside it. */
export interface BusinessSchedule {
  id: number;
  name: string;
  time_zone: string;
  intervals: ScheduleInterval[];
  created_at: string;
  updated_at: string;
  holidays?: ScheduleHoliday[];
}

/** Monday to Friday, `fromHour` to `toHour`, as Zendesk's intervals. */
export function weekdayIntervals(fromHour: number, toHour: number): ScheduleInterval[] {
  return [1, 2, 3, 4, 5].map((day) => ({
    start_time: day * 1440 + fromHour * 60,
    end_time: day * 1440 + toHour * 60,
  }));
}

const show = (schedule: BusinessSchedule): Omit<BusinessSchedule, 'holidays'> => {
  const copy = structuredClone(schedule);
  delete copy.holidays;
  return copy;
};

const forbidden = (): FakeResponse =>
  errorResponse(
    403,
    'Forbidden',
    'You do not have access to this page. Please contact the account owner of this help desk for further help.',
  );

/**
 * Answers a GET under `/api/v2/business_hours/schedules` for a signed-in user of `role`; null when the
 * path is not one of these.
 */
export function scheduleResponse(
  path: string,
  schedules: readonly BusinessSchedule[],
  role = 'admin',
): FakeResponse | null {
  if (path === '/api/v2/business_hours/schedules') {
    return role === 'admin' ? jsonResponse(200, { schedules: schedules.map(show) }) : forbidden();
  }
  const match = /^\/api\/v2\/business_hours\/schedules\/(\d+)(\/holidays)?$/u.exec(path);
  if (match === null) return null;
  if (match[2] !== undefined && role !== 'admin') return forbidden();
  const schedule = schedules.find((candidate) => candidate.id === Number(match[1]));
  if (schedule === undefined) return errorResponse(404, 'RecordNotFound', 'Not found');
  return match[2] === undefined
    ? jsonResponse(200, { schedule: show(schedule) })
    : jsonResponse(200, { holidays: structuredClone(schedule.holidays ?? []) });
}
