/**
 * The page's logs: every write the fake Zendesk applied (as it happens), every request it answered, and
 * the ZAF messages between host and app. Also the words for queued faults.
 */
import type { FakeZendeskEvent, FaultSpec } from '../../fake/zendesk';
import { el, trimList } from './dom';
import type { ProtocolLogEntry } from './zaf';

const MAX_ENTRIES = 300;

/** The three log lists. */
export interface Logs {
  readonly writes: HTMLElement;
  readonly requests: HTMLElement;
  readonly protocol: HTMLElement;
}

function clock(iso: string): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : at.toLocaleTimeString();
}

/** Adds one event of the fake to the write or request log. */
export function logFakeEvent(logs: Logs, event: FakeZendeskEvent): void {
  if (event.type === 'write') {
    const { write } = event;
    const who = write.origin === 'concurrent-edit' ? 'another agent' : `user ${write.authorId}`;
    const item = el(
      'li',
      { className: write.delivered ? '' : 'lost' },
      document.createTextNode(`#${write.sequence} ${clock(write.at)} ${write.method} ${write.url} by ${who}`),
      ...write.summary.map((line) => el('span', { className: 'summary', text: line })),
    );
    if (!write.delivered) {
      item.append(el('span', { className: 'summary', text: 'applied, but the caller saw a timeout' }));
    }
    logs.writes.append(item);
    trimList(logs.writes, MAX_ENTRIES);
    // Scroll the list, not the page: the tester is usually looking at the app when a write lands.
    logs.writes.scrollTop = logs.writes.scrollHeight;
    return;
  }
  const { request } = event;
  const fault = request.fault === null ? '' : ` (${request.fault})`;
  logs.requests.append(
    el('li', {
      className: request.status >= 400 || request.status === 0 ? 'lost' : '',
      text: `#${request.sequence} ${clock(request.at)} ${request.method} ${request.url} → ${request.status}${fault}`,
    }),
  );
  trimList(logs.requests, MAX_ENTRIES);
  logs.requests.scrollTop = logs.requests.scrollHeight;
}

const ARROWS: Readonly<Record<ProtocolLogEntry['direction'], string>> = {
  in: '→',
  out: '←',
  ignored: '✕',
  note: '·',
};

/** Adds one ZAF message to the protocol log (→ from the app, ← to the app, ✕ refused, · the host's note). */
export function logProtocol(logs: Logs, entry: ProtocolLogEntry): void {
  logs.protocol.append(el('li', { text: `${ARROWS[entry.direction]} ${entry.summary}` }));
  trimList(logs.protocol, MAX_ENTRIES);
  logs.protocol.scrollTop = logs.protocol.scrollHeight;
}

/** Empties every log, for a newly opened ticket. */
export function clearLogs(logs: Logs): void {
  logs.writes.replaceChildren();
  logs.requests.replaceChildren();
  logs.protocol.replaceChildren();
}

/** A queued fault in words. */
export function describeFault(fault: FaultSpec): string {
  if (fault.kind === 'stale') return '409: another agent saves just before the next ticket PUT';
  if (fault.kind === 'timeoutAfterApply') return 'timeout after the next write is applied';
  if (fault.kind === 'network') {
    const times =
      fault.times === undefined || fault.times === 1 ? 'the next request' : `${fault.times} requests`;
    return `network lost: ${times} never reach Zendesk`;
  }
  if (fault.kind === 'hold') return 'the next write is held on the wire until the test releases it';
  const retry = fault.retryAfter === undefined ? '' : ` (Retry-After ${fault.retryAfter} s)`;
  return `${fault.status} on the next request${retry}`;
}
