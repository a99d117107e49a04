/**
 * The carrier team's intake webhook. Its contract is the app's own (README, "Carrier request"):
 * `POST` JSON `{type: "carrier_escalation", escalation_key, ticket: {id, url}, customer_email, carrier,
 * issue, note}` with an `Idempotency-Key` header equal to `escalation_key`. It answers
 * `202 {received: true, request_id}`, and the same answer again for a repeated key, without a second
 * request: a retry can never file twice.
 */
import { isJsonContent, isObject, jsonAnswer, parseJsonBody, type FakeService } from './types';

/** A request the carrier team received. */
export interface CarrierRequest {
  readonly requestId: string;
  readonly escalationKey: string;
  readonly ticketId: number;
  readonly carrier: string;
  readonly issue: string;
  readonly note: string;
  /** Deliveries with the same key after the first. */
  readonly repeats: number;
}

/** The carrier stand-in and the requests it filed. */
export interface FakeCarrier extends FakeService {
  requests(): readonly CarrierRequest[];
}

const NOTE_LIMIT = 100_000;

/** The carrier team's webhook at `webhookUrl`. */
export function createFakeCarrier(webhookUrl: string): FakeCarrier {
  const expected = new URL(webhookUrl);
  const filed = new Map<string, CarrierRequest>();
  const refuse = (status: number, error: string) => jsonAnswer(status, { error });
  return {
    name: 'carrier',
    handles: (url) => url.hostname === expected.hostname,
    handle(request) {
      if (request.url.origin + request.url.pathname !== expected.origin + expected.pathname) {
        return refuse(404, 'unknown webhook');
      }
      if (request.method !== 'POST') return refuse(405, 'use POST');
      if (!isJsonContent(request)) return refuse(415, 'send application/json');
      const parsed = parseJsonBody(request);
      if (!parsed.ok || !isObject(parsed.value))
        return refuse(400, parsed.ok ? 'not an object' : parsed.reason);
      const body = parsed.value;
      const ticket = isObject(body.ticket) ? body.ticket : null;
      const problems = [
        body.type === 'carrier_escalation' ? null : 'type must be "carrier_escalation"',
        typeof body.escalation_key === 'string' && body.escalation_key !== ''
          ? null
          : 'escalation_key is missing',
        ticket !== null && typeof ticket.id === 'number' ? null : 'ticket.id is missing',
        typeof body.carrier === 'string' ? null : 'carrier is missing',
        typeof body.issue === 'string' && body.issue !== '' ? null : 'issue is missing',
        typeof body.note === 'string' && body.note !== '' ? null : 'note is missing',
        typeof body.note === 'string' && body.note.length > NOTE_LIMIT ? 'note is too long' : null,
        request.headers['idempotency-key'] === body.escalation_key
          ? null
          : 'the Idempotency-Key header must equal escalation_key',
      ].filter((problem): problem is string => problem !== null);
      if (problems.length > 0) return refuse(400, problems.join('; '));
      const key = String(body.escalation_key);
      const earlier = filed.get(key);
      if (earlier !== undefined) {
        filed.set(key, { ...earlier, repeats: earlier.repeats + 1 });
        return jsonAnswer(202, { received: true, request_id: earlier.requestId });
      }
      const requestId = `CR-${String(filed.size + 1).padStart(4, '0')}`;
      filed.set(key, {
        requestId,
        escalationKey: key,
        ticketId: Number(ticket?.id),
        carrier: String(body.carrier),
        issue: String(body.issue),
        note: String(body.note),
        repeats: 0,
      });
      return jsonAnswer(202, { received: true, request_id: requestId });
    },
    requests: () => [...filed.values()].map((request) => ({ ...request })),
  };
}
