/**
 * The urgent alert as a Slack incoming-webhook message. Slack reads `&`, `<` and `>` as markup, so
 * ticket text is escaped; the guide's `@channel` only notifies the channel when written `<!channel>`.
 * The webhook URL is the secure setting itself, filled in by Zendesk's proxy.
 */
import type { ServiceCall } from './external';
import { SECURE_SETTINGS } from './settings';

/** Slack cuts messages at 40,000 characters; an alert is far shorter, so this only guards odd input. */
const TEXT_LIMIT = 3_000;

/** Escapes the three characters Slack's mrkdwn treats as control characters. */
export function slackEscape(text: string): string {
  return text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');
}

/** The alert text with the ticket's link, as Slack mrkdwn. */
export function slackText(alert: string, ticketId: number, ticketUrl: string | null): string {
  const body = slackEscape(alert.trim()).replace(/^@channel\b/u, '<!channel>');
  const link =
    ticketUrl === null
      ? `Zendesk ticket #${String(ticketId)}`
      : `<${ticketUrl}|Zendesk ticket #${String(ticketId)}>`;
  const room = TEXT_LIMIT - link.length - 10;
  const text = body.length > room ? `${body.slice(0, room - 1)}…` : body;
  return `${text}\n\n${link}`;
}

/** The webhook call for the alert. */
export function slackCall(alert: string, ticketId: number, ticketUrl: string | null): ServiceCall {
  return {
    method: 'POST',
    url: `{{setting.${SECURE_SETTINGS.slack}}}`,
    body: { text: slackText(alert, ticketId, ticketUrl) },
  };
}
