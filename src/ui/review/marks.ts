/** The User Timing mark set when the review's tables are on screen; `npm run bench` reads it. */
export const REVIEW_SHOWN = 'escalation-guide:review-shown';
