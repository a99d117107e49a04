/** Hand-offs beyond Zendesk: Slack alert, on-call page, Jira issue, carrier request. */
export {
  parseHandoffSettings,
  HANDOFFS_OFF,
  HANDOFF_KINDS,
  SECURE_SETTINGS,
  type HandoffKind,
  type HandoffSettings,
} from './settings';
export { planHandoffs, PAGE_ALWAYS_RULES, type HandoffPlan, type HandoffPlanInput } from './plan';
export { runHandoffs, needsRetry, type HandoffResult, type HandoffStatus, type RunOptions } from './run';
