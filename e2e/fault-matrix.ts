/**
 * The fault matrix of the confirm path, as data: each row is a fault at one step of the write sequence
 * (src/zendesk/writer.ts), what the agent sees and does, and how each step ends. e2e/faults.test.ts runs
 * every row in the browser and asserts it; the README's table is rendered from the same rows
 * (`renderMatrix`), and the browser test fails when the README's copy differs, so the two cannot drift.
 * Run `npx tsx e2e/fault-matrix.ts` to rewrite the README's table from the rows.
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

/** The final state every row asserts, and a row's additions to it. */
export function finalWords(row: MatrixRow): string {
  const other = row.otherTags === undefined ? '' : `; the other agent's \`${row.otherTags.join(', ')}\``;
  return `1 note, 1 reply, 1 linked ticket; tags, group, status, assignee as planned${other}`;
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

/** The README's lines between the fault-matrix markers. */
export function readmeMatrix(readme: string): string | null {
  return /<!-- faults:start -->\n([\s\S]*?)\n<!-- faults:end -->/u.exec(readme)?.[1] ?? null;
}

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const README = path.join(ROOT, 'README.md');
/** Where the browser test records which rows passed (the positions in MATRIX), for the README. */
export const RESULTS = path.join(ROOT, 'artifacts', 'fault-matrix.json');

/** Reads the README. */
export function readReadme(): string {
  return readFileSync(README, 'utf8');
}

// `npx tsx e2e/fault-matrix.ts`: rewrite the README's table from the rows and the last browser run.
if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const readme = readReadme();
  if (readmeMatrix(readme) === null) throw new Error('README.md has no <!-- faults:start --> section.');
  const passed = new Set(JSON.parse(readFileSync(RESULTS, 'utf8')) as number[]);
  const table = renderMatrix(MATRIX, (row) => passed.has(MATRIX.indexOf(row)));
  writeFileSync(
    README,
    readme.replace(
      /(<!-- faults:start -->\n)[\s\S]*?(\n<!-- faults:end -->)/u,
      (_all, start: string, end: string) => `${start}${table}${end}`,
    ),
  );
}
