/**
 * The fault matrix, as data, in three tables: the confirm path (each row a fault at one step of the write
 * sequence, src/zendesk/writer.ts), the hand-offs beyond Zendesk that follow it (each row a fault at one
 * service, src/zendesk/integrations/run.ts), and sending a follow-up (src/zendesk/followup.ts): what the
 * agent sees and does, and how it ends. e2e/faults.test.ts runs every row in the browser and asserts it;
 * the README's tables are rendered from the same rows, and the browser test fails when the README's copy
 * differs, so the two cannot drift. Run `npx tsx e2e/fault-matrix.ts` to rewrite the README's tables from
 * the rows and the last browser run.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The write steps of a two-team escalation (L2 + Engineering), in order. */
export const STEPS = ['ticket', 'reply', 'handoff'] as const;
/** One write step. */
export type Step = (typeof STEPS)[number];

/** Each step in the README's words. */
export const STEP_WORDS: Readonly<Record<Step, string>> = {
  ticket: '1 ticket update (PUT, `safe_update`)',
  reply: '2 public reply (PUT)',
  handoff: '3 linked ticket (POST)',
};

/** A fault as queued on the host (fake/faults.ts), without its matcher: the row's step is the matcher. */
export type StepFault =
  | { readonly kind?: 'status'; readonly status: number; readonly retryAfter?: number }
  | { readonly kind: 'stale'; readonly change?: Readonly<Record<string, unknown>> }
  | { readonly kind: 'timeoutAfterApply' };

/** What befalls the confirm. */
export type Injection =
  /** One fault on the step's request. */
  | { readonly kind: 'fault'; readonly step: Step; readonly fault: StepFault }
  /** The network goes down as the step is sent: it and every request after fail without reaching Zendesk. */
  | { readonly kind: 'network'; readonly step: Step }
  /** The agent double-clicks confirm while every request takes 300 ms. */
  | { readonly kind: 'doubleClick' }
  /** The step's request is held, the sidebar reloads, and the request is lost with the old page. */
  | { readonly kind: 'reload'; readonly step: Step };

/** What the sidebar shows right after the first confirm. */
export type FirstScreen = 'result' | 'conflict' | 'failed' | 'reloaded';

/** How a step ends in the sidebar's final list ("What was done"). */
export type StepEnd = 'done' | 'already_done';

/** One row of the matrix. */
export interface MatrixRow {
  /** The fault in words. */
  readonly fault: string;
  readonly inject: Injection;
  readonly first: FirstScreen;
  /** Extra words for what the agent sees, after the screen's own. */
  readonly sees?: string;
  /** How each step ends once the agent has finished. */
  readonly ends: Readonly<Record<Step, StepEnd>>;
  /** The tags another agent's edit adds (a stale fault's default change), kept beside the app's. */
  readonly otherTags?: readonly string[];
  /** Check in the request log that the retry waited `Retry-After`. */
  readonly checksRetryAfter?: boolean;
}

const allDone: Record<Step, StepEnd> = { ticket: 'done', reply: 'done', handoff: 'done' };
const foundAt = (step: Step): Record<Step, StepEnd> => ({ ...allDone, [step]: 'already_done' });
/** A retry after a failure at `step` finds the steps before it already on the ticket. */
const retriedFrom = (step: Step): Record<Step, StepEnd> =>
  Object.fromEntries(
    STEPS.map((each) => [each, STEPS.indexOf(each) < STEPS.indexOf(step) ? 'already_done' : 'done']),
  ) as Record<Step, StepEnd>;

/** The step a row's fault hits, or null for a row about the whole confirm. */
export function stepOf(row: MatrixRow): Step | null {
  return row.inject.kind === 'doubleClick' ? null : row.inject.step;
}

/** Retry-After of the 429 rows, in seconds: short, so the suite stays quick. */
export const RETRY_AFTER_SECONDS = 1;

/** Every row, in the README's order. */
export const MATRIX: readonly MatrixRow[] = [
  {
    fault: '409: another agent saved first',
    inject: { kind: 'fault', step: 'ticket', fault: { kind: 'stale' } },
    first: 'conflict',
    sees: 'nothing was written; worked out again from the ticket as it is now, the suggestion did not change; the agent confirms again',
    ends: allDone,
    otherTags: ['fake_concurrent_edit'],
  },
  {
    fault: 'another agent saved first (Zendesk answers no 409: the reply carries no `safe_update`)',
    inject: { kind: 'fault', step: 'reply', fault: { kind: 'stale' } },
    first: 'result',
    sees: "the other agent's change is kept beside the escalation",
    ends: allDone,
    otherTags: ['fake_concurrent_edit'],
  },
  ...(['reply', 'handoff'] as const).map((step): MatrixRow => ({
    fault: '409: another request was updating the ticket at that moment',
    inject: { kind: 'fault', step, fault: { status: 409 } },
    first: 'result',
    sees: 'nothing was applied, so the step is sent again',
    ends: allDone,
  })),
  ...STEPS.map((step): MatrixRow => ({
    fault: `429 with \`Retry-After: ${RETRY_AFTER_SECONDS}\``,
    inject: { kind: 'fault', step, fault: { status: 429, retryAfter: RETRY_AFTER_SECONDS } },
    first: 'result',
    sees: 'the retry waited `Retry-After` (request log)',
    ends: allDone,
    checksRetryAfter: true,
  })),
  ...STEPS.map((step): MatrixRow => ({
    fault: '500',
    inject: { kind: 'fault', step, fault: { status: 500 } },
    first: 'result',
    sees: 'the app looked for the step on the ticket, did not find it, and sent it again',
    ends: allDone,
  })),
  ...STEPS.map((step): MatrixRow => ({
    fault: 'timeout after Zendesk applied the write',
    inject: { kind: 'fault', step, fault: { kind: 'timeoutAfterApply' } },
    first: 'result',
    ends: foundAt(step),
  })),
  ...STEPS.map((step): MatrixRow => ({
    fault: 'network lost (nothing reaches Zendesk), then restored',
    inject: { kind: 'network', step },
    first: 'failed',
    sees: 'the agent presses Retry once the network is back',
    ends: retriedFrom(step),
  })),
  {
    fault: 'double click on confirm during a slow write',
    inject: { kind: 'doubleClick' },
    first: 'result',
    ends: allDone,
  },
  ...(['reply', 'handoff'] as const).map((step): MatrixRow => ({
    fault: 'sidebar reloaded before the step was sent',
    inject: { kind: 'reload', step },
    first: 'reloaded',
    sees:
      step === 'reply'
        ? 'the agent confirms again; the reply is the message as reviewed after the reload'
        : 'the agent confirms again; the reply sent before the reload counts, although the message composed after it reads differently',
    ends: retriedFrom(step),
  })),
];

const FIRST_WORDS: Readonly<Record<FirstScreen, string>> = {
  result: '"Escalated"',
  conflict: '"Someone changed this ticket meanwhile"',
  failed: '"The escalation did not finish": what landed, what did not, what was not attempted',
  reloaded:
    'the suggestion again; the preview says the escalation on the ticket did not finish and a confirm finishes it',
};

/** What the agent sees for a row, in words. */
export function seesWords(row: MatrixRow): string {
  const ends = STEPS.filter((step) => row.ends[step] === 'already_done');
  const numbers = ends.map((step) => String(STEPS.indexOf(step) + 1));
  const steps =
    ends.length === 0
      ? 'every step "done"'
      : `step${ends.length > 1 ? 's' : ''} ${numbers.join(' and ')} "already done", the rest "done"`;
  const finish = row.first === 'result' ? '' : ' → "Escalated"';
  return `${FIRST_WORDS[row.first]}${row.sees === undefined ? '' : `; ${row.sees}`}${finish}: ${steps}`;
}

/** What every confirm row asserts on the ticket besides the comments. */
const PLANNED = 'tags, group, status, assignee, escalation record and follow-up date as planned';

/** The final state every row asserts, and a row's additions to it. */
export function finalWords(row: MatrixRow): string {
  const other = row.otherTags === undefined ? '' : `; the other agent's \`${row.otherTags.join(', ')}\``;
  return `1 note, 1 reply, 1 linked ticket; ${PLANNED}${other}`;
}

/** The README's table for the rows; `passed` says which rows the browser test passed. */
export function renderMatrix(rows: readonly MatrixRow[], passed: (row: MatrixRow) => boolean): string {
  const lines = [
    '| fault | step | what the agent sees | final state | pass |',
    '| --- | --- | --- | --- | --- |',
    ...rows.map((row) => {
      const step = stepOf(row);
      const where =
        step === null
          ? 'confirm'
          : row.inject.kind === 'reload'
            ? `before ${STEP_WORDS[step]}`
            : STEP_WORDS[step];
      return `| ${row.fault} | ${where} | ${seesWords(row)} | ${finalWords(row)} | ${passed(row) ? 'PASS' : 'FAIL'} |`;
    }),
  ];
  return lines.join('\n');
}

/** The hand-off services, in the order a confirm sends them. */
export const SERVICES = ['slack', 'pagerduty', 'jira', 'carrier'] as const;
/** One hand-off service. */
export type Service = (typeof SERVICES)[number];

/** Each service in the README's words. */
export const SERVICE_WORDS: Readonly<Record<Service, string>> = {
  slack: 'Slack urgent alert',
  pagerduty: 'PagerDuty on-call page',
  jira: 'Jira issue',
  carrier: 'carrier webhook',
};

/** A fault as queued on the host's proxy (fake/services/proxy.ts `ServiceFault`). */
export type ServiceFaultSpec =
  | { readonly kind: 'status'; readonly status: number; readonly path?: string }
  | { readonly kind: 'lost'; readonly path?: string };

/** How the failing service's hand-off shows once the confirm's hand-offs ran. */
export type HandoffFirst = 'failed' | 'unconfirmed' | 'sent';

/** One row of the hand-off table: a fault at one service on an outage handed to all four. */
export interface HandoffRow {
  readonly service: Service;
  /** The fault in words. */
  readonly fault: string;
  readonly inject: ServiceFaultSpec;
  readonly first: HandoffFirst;
  /** What the agent sees and does, in words, after the screen's own. */
  readonly sees: string;
  /** Requests the service received in all, the failed ones included. */
  readonly received: number;
  /** Sends its own guard absorbed (PagerDuty's `dedup_key`, the carrier's `Idempotency-Key`). */
  readonly repeats: number;
  /** What the service holds when the sidebar reports the hand-off failed: 1 when the lost request acted. */
  readonly heldBeforeRetry: number;
}

/** The requests each service receives when nothing fails (Jira: the label search, then the create). */
export const PLAIN_RECEIVED: Readonly<Record<Service, number>> = {
  slack: 1,
  pagerduty: 1,
  jira: 2,
  carrier: 1,
};

/** Jira's create-issue path, for a fault after the search. */
export const JIRA_CREATE_PATH = '/rest/api/3/issue';

const retried = '"Retry the failed hand-offs" (double-clicked) sends it once';

/** Every hand-off row, in the README's order. */
export const HANDOFF_MATRIX: readonly HandoffRow[] = [
  {
    service: 'slack',
    fault: '500',
    inject: { kind: 'status', status: 500 },
    first: 'failed',
    sees: `the alert was refused, so nothing is in the channel; ${retried}`,
    received: 2,
    repeats: 0,
    heldBeforeRetry: 0,
  },
  {
    service: 'slack',
    fault: 'timeout after Slack posted the alert',
    inject: { kind: 'lost' },
    first: 'unconfirmed',
    sees: 'a webhook cannot be asked and has no guard against a repeat, so it is not retried with the failed hand-offs: look in the channel, "post it again" only if it is not there (it is)',
    received: 1,
    repeats: 0,
    heldBeforeRetry: 1,
  },
  {
    service: 'pagerduty',
    fault: '500',
    inject: { kind: 'status', status: 500 },
    first: 'failed',
    sees: retried,
    received: 2,
    repeats: 0,
    heldBeforeRetry: 0,
  },
  {
    service: 'pagerduty',
    fault: 'timeout after PagerDuty accepted the event',
    inject: { kind: 'lost' },
    first: 'failed',
    sees: `${retried}, with the same \`dedup_key\`, which PagerDuty joins to the open incident`,
    received: 2,
    repeats: 1,
    heldBeforeRetry: 1,
  },
  {
    service: 'jira',
    fault: '500 on the create',
    inject: { kind: 'status', status: 500, path: JIRA_CREATE_PATH },
    first: 'failed',
    sees: `the app searched again by the escalation's label and found no issue; ${retried}: search, create`,
    received: 5,
    repeats: 0,
    heldBeforeRetry: 0,
  },
  {
    service: 'jira',
    fault: 'timeout on the label search',
    inject: { kind: 'lost' },
    first: 'failed',
    sees: `nothing was created; ${retried}: search, create`,
    received: 3,
    repeats: 0,
    heldBeforeRetry: 0,
  },
  {
    service: 'jira',
    fault: 'timeout after Jira created the issue',
    inject: { kind: 'lost', path: JIRA_CREATE_PATH },
    first: 'sent',
    sees: "the app searched again by the escalation's label, found the issue and recorded it; no retry offered",
    received: 3,
    repeats: 0,
    heldBeforeRetry: 1,
  },
  {
    service: 'carrier',
    fault: '500',
    inject: { kind: 'status', status: 500 },
    first: 'failed',
    sees: retried,
    received: 2,
    repeats: 0,
    heldBeforeRetry: 0,
  },
  {
    service: 'carrier',
    fault: 'timeout after the carrier team filed the request',
    inject: { kind: 'lost' },
    first: 'failed',
    sees: `${retried}, with the same \`Idempotency-Key\`, answered with the first request's id`,
    received: 2,
    repeats: 1,
    heldBeforeRetry: 1,
  },
];

const HANDOFF_FIRST_WORDS: Readonly<Record<HandoffFirst, string>> = {
  failed: '"Escalated", and the hand-off "failed" with the service\'s answer; the others "sent"',
  unconfirmed: '"Escalated", and the alert "no answer: it may have been posted"; the others "sent"',
  sent: '"Escalated", every hand-off "sent"',
};

/** The hand-offs a row ends with recorded on the ticket (an unconfirmed alert is not recorded). */
export function recordedKinds(row: HandoffRow): readonly Service[] {
  return SERVICES.filter((service) => service !== row.service || row.first !== 'unconfirmed');
}

/** What the agent sees for a hand-off row, in words. */
export function handoffSeesWords(row: HandoffRow): string {
  const finish = row.first === 'failed' ? ' → every hand-off "sent"' : '';
  return `${HANDOFF_FIRST_WORDS[row.first]}; ${row.sees}${finish}`;
}

/** The final state a hand-off row asserts. */
export function handoffFinalWords(row: HandoffRow): string {
  const notes = recordedKinds(row).length;
  const guard = row.repeats === 0 ? '' : `, ${String(row.repeats)} repeat absorbed by its guard`;
  return [
    `escalation written once (1 note, 1 reply, 1 linked ticket; ${PLANNED})`,
    `${String(notes)} hand-off notes, \`jira_eng-1\``,
    '1 Slack message, 1 PagerDuty incident for `zendesk-<key>`, 1 Jira issue, 1 carrier request',
    `${String(row.received)} request${row.received === 1 ? '' : 's'} to the service${guard}`,
  ].join('; ');
}

/** The README's hand-off table. */
export function renderHandoffMatrix(
  rows: readonly HandoffRow[],
  passed: (row: HandoffRow) => boolean,
): string {
  return [
    '| service | fault | what the agent sees | final state | pass |',
    '| --- | --- | --- | --- | --- |',
    ...rows.map(
      (row) =>
        `| ${SERVICE_WORDS[row.service]} | ${row.fault} | ${handoffSeesWords(row)} | ${handoffFinalWords(row)} | ${passed(row) ? 'PASS' : 'FAIL'} |`,
    ),
  ].join('\n');
}

/** What befalls a follow-up's Send. */
export type FollowUpInjection =
  /** One fault on the Send's safe update. */
  | { readonly kind: 'fault'; readonly fault: StepFault }
  /** The agent double-clicks Send while every request takes 300 ms. */
  | { readonly kind: 'doubleClick' };

/** One row of the follow-up table, on an escalated ticket whose follow-up is overdue. */
export interface FollowUpRow {
  readonly fault: string;
  readonly inject: FollowUpInjection;
  /** What the sidebar shows after the first Send. */
  readonly first: 'done' | 'conflict';
  readonly sees?: string;
  /** How the Send's one step ends in the sidebar's list. */
  readonly ends: StepEnd;
  readonly otherTags?: readonly string[];
  readonly checksRetryAfter?: boolean;
}

/** Every follow-up row, in the README's order. */
export const FOLLOWUP_MATRIX: readonly FollowUpRow[] = [
  {
    fault: '409: another agent saved first',
    inject: { kind: 'fault', fault: { kind: 'stale' } },
    first: 'conflict',
    sees: 'nothing was written; the ticket is read again and the follow-up is still offered; the agent sends again',
    ends: 'done',
    otherTags: ['fake_concurrent_edit'],
  },
  {
    fault: `429 with \`Retry-After: ${String(RETRY_AFTER_SECONDS)}\``,
    inject: { kind: 'fault', fault: { status: 429, retryAfter: RETRY_AFTER_SECONDS } },
    first: 'done',
    sees: 'the retry waited `Retry-After` (request log)',
    ends: 'done',
    checksRetryAfter: true,
  },
  {
    fault: '500',
    inject: { kind: 'fault', fault: { status: 500 } },
    first: 'done',
    sees: 'the app read the record, found it not re-armed, and sent again',
    ends: 'done',
  },
  {
    fault: 'timeout after Zendesk applied the write',
    inject: { kind: 'fault', fault: { kind: 'timeoutAfterApply' } },
    first: 'done',
    sees: 'the app read the record and found it re-armed',
    ends: 'already_done',
  },
  {
    fault: 'double click on Send during a slow write',
    inject: { kind: 'doubleClick' },
    first: 'done',
    ends: 'done',
  },
];

/** What the agent sees for a follow-up row, in words. */
export function followUpSeesWords(row: FollowUpRow): string {
  const first = row.first === 'conflict' ? '"Someone changed this ticket meanwhile"' : '"Follow-up sent"';
  const finish = row.first === 'conflict' ? ' → "Follow-up sent"' : '';
  const step = row.ends === 'done' ? '"done"' : '"already done"';
  return `${first}${row.sees === undefined ? '' : `; ${row.sees}`}${finish}: the step ${step}`;
}

/** The final state a follow-up row asserts. */
export function followUpFinalWords(row: FollowUpRow): string {
  const other = row.otherTags === undefined ? '' : `; the other agent's \`${row.otherTags.join(', ')}\``;
  return `1 public reply, the message as sent; the record re-armed once (same key, \`sent\` 1, due 72 h after the Send) and the date field with it, in 1 write; no other field changed${other}`;
}

/** The README's follow-up table. */
export function renderFollowUpMatrix(
  rows: readonly FollowUpRow[],
  passed: (row: FollowUpRow) => boolean,
): string {
  return [
    '| fault | what the agent sees | final state | pass |',
    '| --- | --- | --- | --- |',
    ...rows.map(
      (row) =>
        `| ${row.fault} | ${followUpSeesWords(row)} | ${followUpFinalWords(row)} | ${passed(row) ? 'PASS' : 'FAIL'} |`,
    ),
  ].join('\n');
}

/** The README's tables, each between `<!-- NAME:start -->` and `<!-- NAME:end -->`. */
export const TABLES = {
  confirm: 'faults',
  handoffs: 'faults-handoffs',
  followup: 'faults-followup',
} as const;
/** One of the tables. */
export type Table = keyof typeof TABLES;

/** Which rows of each table passed (their positions), as the browser test records them. */
export type Results = Readonly<Record<Table, readonly number[]>>;

/** Every table rendered for `results`. */
export function renderTables(results: Results): Record<Table, string> {
  const passedIn =
    <T>(table: Table, rows: readonly T[]) =>
    (row: T): boolean =>
      results[table].includes(rows.indexOf(row));
  return {
    confirm: renderMatrix(MATRIX, passedIn('confirm', MATRIX)),
    handoffs: renderHandoffMatrix(HANDOFF_MATRIX, passedIn('handoffs', HANDOFF_MATRIX)),
    followup: renderFollowUpMatrix(FOLLOWUP_MATRIX, passedIn('followup', FOLLOWUP_MATRIX)),
  };
}

const markers = (table: Table): RegExp =>
  new RegExp(`<!-- ${TABLES[table]}:start -->\\n([\\s\\S]*?)\\n?<!-- ${TABLES[table]}:end -->`, 'u');

/** The README's lines between a table's markers, or null when the README has no such section. */
export function readmeTable(readme: string, table: Table): string | null {
  return markers(table).exec(readme)?.[1] ?? null;
}

/** The README's lines between the confirm table's markers. */
export function readmeMatrix(readme: string): string | null {
  return readmeTable(readme, 'confirm');
}

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const README = path.join(ROOT, 'README.md');
/** Where the browser test records which rows passed, for the README. */
export const RESULTS = path.join(ROOT, 'artifacts', 'fault-matrix.json');

/** Reads the README. */
export function readReadme(): string {
  return readFileSync(README, 'utf8');
}

// `npx tsx e2e/fault-matrix.ts`: rewrite the README's tables from the rows and the last browser run.
if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  let readme = readReadme();
  const results = JSON.parse(readFileSync(RESULTS, 'utf8')) as Results;
  const tables = renderTables(results);
  for (const table of Object.keys(TABLES) as Table[]) {
    if (readmeTable(readme, table) === null) {
      throw new Error(`README.md has no <!-- ${TABLES[table]}:start --> section.`);
    }
    const name = TABLES[table];
    readme = readme.replace(
      markers(table),
      () => `<!-- ${name}:start -->\n${tables[table]}\n<!-- ${name}:end -->`,
    );
  }
  writeFileSync(README, readme);
}
