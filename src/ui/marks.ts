/** The User Timing mark set when the first suggestion is on screen; `npm run bench` reads it. */
export const SUGGESTION_SHOWN = 'escalation-guide:suggestion-shown';
