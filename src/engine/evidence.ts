/** Evidence: where a fact came from, so every reason can point at the comment, tag or field behind it. */
import type { ChecklistKey } from './bundle';

export type Speaker = 'customer' | 'agent' | 'unknown';

export type Evidence =
  | { kind: 'comment'; id: string; speaker: Speaker; public: boolean; at: string | null; quote: string }
  | { kind: 'subject'; quote: string }
  | { kind: 'tag'; tag: string; on: 'ticket' | 'requester' | 'organization' }
  | { kind: 'field'; field: string; value: string }
  | { kind: 'checklist'; question: ChecklistKey; answer: boolean }
  | { kind: 'ticket'; detail: string }
  | { kind: 'related_ticket'; id: string; detail: string };

/** A fact extracted once from the bundle, with what produced it. */
export interface Fact<T> {
  value: T;
  evidence: Evidence[];
}

export const fact = <T>(value: T, evidence: Evidence[] = []): Fact<T> => ({ value, evidence });

const CHECKLIST_TEXT: Record<ChecklistKey, string> = {
  troubleshooting_done: 'troubleshooting done',
  info_complete: 'information complete',
  known_issue_with_workaround: 'known issue with a documented workaround',
  only_wants_manager: 'customer only wants a manager',
  port_in_info_verified: 'port-in details verified',
};

export function checklistLabel(key: ChecklistKey): string {
  return CHECKLIST_TEXT[key];
}

/** One line a person can check against the ticket: `comment 123 (customer): "the words"`. */
export function describeEvidence(e: Evidence): string {
  switch (e.kind) {
    case 'comment':
      return `comment ${e.id} (${e.speaker}${e.public ? '' : ', internal'}): "${e.quote}"`;
    case 'subject':
      return `subject: "${e.quote}"`;
    case 'tag':
      return `${e.on} tag "${e.tag}"`;
    case 'field':
      return `field ${e.field} = ${e.value}`;
    case 'checklist':
      return `checklist: ${checklistLabel(e.question)} = ${e.answer ? 'yes' : 'no'}`;
    case 'ticket':
      return e.detail;
    case 'related_ticket':
      return `ticket ${e.id}: ${e.detail}`;
  }
}

/** Evidence pointing at the same place and words once, in first-seen order. */
export function uniqueEvidence(list: readonly Evidence[]): Evidence[] {
  const seen = new Set<string>();
  return list.filter((e) => {
    const key = describeEvidence(e);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
