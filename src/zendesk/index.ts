/**
 * The Zendesk adapters: the only code that talks to the ZAF client. `connect` lives in ./connect and is
 * not re-exported here, because importing the SDK touches `window`.
 */
export type { ZafClient, ZafRequest, AppSettings, WritePlan, WriteOutcome, StepResult } from './types';
export {
  rest,
  restAs,
  allPages,
  withQuery,
  ZendeskError,
  type RestOptions,
  type RestCall,
  type ZendeskErrorKind,
} from './rest';
export {
  parseSettings,
  bundleSettings,
  DEFAULT_SETTINGS,
  GROUP_SETTINGS,
  type ParsedSettings,
} from './settings';
export { loadTicket, LoadError, type LoadOptions, type LoadResult, type LoadStats } from './loader';
export { buildPlan, makeEscalationKey, type PlanChoice, type PlanInput } from './plan';
export { applyPlan, type ApplyOptions } from './writer';
export { watchTicket, WATCHED_EVENTS, type WatchOptions } from './watch';
export {
  watchEditor,
  editorPlainText,
  triggerAlarm,
  newInternalNotes,
  comeForward,
  type EditorText,
} from './editor';
