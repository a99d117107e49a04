/** The engine's public face: parse a bundle, decide, and the rule and guard tables. */
export { parseBundle, type Bundle, type ParseResult } from './bundle';
export { decide, route, type Decision, type Reason, type Blocker } from './decide';
export { RULES, type Rule } from './rules';
export { GUARDS, type Guard, type GuardId } from './guards';
export { TARGETS, TEAMS, type Target, type Urgency } from './teams';
export { maskSensitive } from './mask';
export {
  reviewMessage,
  findTriggers,
  type WordingProblem,
  type WordingKind,
  type Trigger,
  type ReviewContext,
} from './advice';
export {
  followUpHours,
  followUpState,
  FOLLOW_UP_DUE_TAG,
  followUpMessage,
  followUpMessageInput,
  dueAfter,
  dateFieldValue,
  CUSTOMER_TEAM_NAME,
  GUIDE_FOLLOW_UP,
  type FollowUpState,
  type FollowUpMessageInput,
} from './followup';
