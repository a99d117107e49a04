/**
 * PagerDuty's Events API v2 (`POST https://events.pagerduty.com/v2/enqueue`), as far as a trigger goes:
 * `routing_key` (the integration key, 32 characters), `event_action`, `dedup_key` (at most 255
 * characters; PagerDuty makes one when it is missing) and `payload` with `summary` (at most 1024
 * characters), `source` and `severity` (critical, error, warning or info). A valid event is answered
 * `202 {status: "success", message: "Event processed", dedup_key}`; a trigger whose `dedup_key` already
 * has an open alert adds to it instead of paging again, which is what makes a retry safe.
 */
import { isObject, jsonAnswer, parseJsonBody, type FakeService } from './types';

/** One incident the stand-in opened: who was paged, for what. */
export interface PagerDutyIncident {
  readonly dedupKey: string;
  readonly summary: string;
  readonly severity: string;
  readonly source: string;
  /** Triggers with this dedup_key after the first (deduplicated, no new page). */
  readonly repeats: number;
  readonly customDetails: unknown;
  readonly links: unknown;
}

/** The PagerDuty stand-in and the incidents it opened. */
export interface FakePagerDuty extends FakeService {
  incidents(): readonly PagerDutyIncident[];
}

const SEVERITIES = new Set(['critical', 'error', 'warning', 'info']);
const ACTIONS = new Set(['trigger', 'acknowledge', 'resolve']);

/** A PagerDuty service whose Events API v2 integration has `routingKey`. */
export function createFakePagerDuty(routingKey: string): FakePagerDuty {
  const incidents = new Map<string, PagerDutyIncident>();
  let generated = 0;
  const invalid = (...errors: string[]) =>
    jsonAnswer(400, { status: 'invalid event', message: 'Event object is invalid', errors });
  return {
    name: 'pagerduty',
    handles: (url) => url.hostname === 'events.pagerduty.com',
    handle(request) {
      if (request.url.pathname !== '/v2/enqueue' || request.method !== 'POST') {
        return jsonAnswer(404, { status: 'not found', message: 'Not found' });
      }
      const parsed = parseJsonBody(request);
      if (!parsed.ok || !isObject(parsed.value)) {
        return jsonAnswer(400, { status: 'invalid request', message: 'Invalid JSON', errors: [] });
      }
      const event = parsed.value;
      const errors: string[] = [];
      if (typeof event.routing_key !== 'string' || event.routing_key.length !== 32) {
        errors.push("'routing_key' must be a 32 character integration key");
      } else if (event.routing_key !== routingKey) {
        errors.push("'routing_key' does not match an integration");
      }
      if (typeof event.event_action !== 'string' || !ACTIONS.has(event.event_action)) {
        errors.push("'event_action' must be one of trigger, acknowledge, resolve");
      }
      const dedupKey = event.dedup_key;
      if (dedupKey !== undefined && (typeof dedupKey !== 'string' || dedupKey.length > 255)) {
        errors.push("'dedup_key' must be a string of at most 255 characters");
      }
      const payload = event.payload;
      if (event.event_action === 'trigger') {
        if (!isObject(payload)) errors.push("'payload' is missing or not an object");
        else {
          if (typeof payload.summary !== 'string' || payload.summary === '')
            errors.push("'payload.summary' is missing");
          else if (payload.summary.length > 1024)
            errors.push("'payload.summary' must be at most 1024 characters");
          if (typeof payload.source !== 'string' || payload.source === '')
            errors.push("'payload.source' is missing");
          if (typeof payload.severity !== 'string' || !SEVERITIES.has(payload.severity))
            errors.push("'payload.severity' must be one of critical, error, warning, info");
          if (
            payload.timestamp !== undefined &&
            (typeof payload.timestamp !== 'string' || Number.isNaN(Date.parse(payload.timestamp)))
          )
            errors.push("'payload.timestamp' must be an ISO 8601 date");
        }
      } else if (typeof dedupKey !== 'string') {
        errors.push("'dedup_key' is required for acknowledge and resolve");
      }
      if (errors.length > 0) return invalid(...errors);

      const key = typeof dedupKey === 'string' ? dedupKey : `local-${String((generated += 1))}`;
      if (event.event_action === 'trigger' && isObject(payload)) {
        const open = incidents.get(key);
        incidents.set(
          key,
          open === undefined
            ? {
                dedupKey: key,
                summary: String(payload.summary),
                severity: String(payload.severity),
                source: String(payload.source),
                repeats: 0,
                customDetails: payload.custom_details ?? null,
                links: event.links ?? null,
              }
            : { ...open, repeats: open.repeats + 1 },
        );
      } else if (event.event_action === 'resolve') {
        incidents.delete(key);
      }
      return jsonAnswer(202, { status: 'success', message: 'Event processed', dedup_key: key });
    },
    incidents: () => [...incidents.values()].map((incident) => ({ ...incident })),
  };
}
