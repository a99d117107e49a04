/**
 * Slack incoming webhooks, as far as the app uses them: `POST` a JSON object with `text` (mrkdwn) and
 * optionally `blocks` to the webhook's secret URL. Slack answers `200 ok` as text; a mistake is a 4xx
 * whose body is one error word (`invalid_payload`, `no_text`, `no_service`...). The posted messages are
 * kept, so a test can read what the channel saw.
 */
import { isJsonContent, isObject, parseJsonBody, textResponse, type FakeService } from './types';

/** Slack truncates longer messages; the fake refuses them so the app's own limit is tested. */
export const SLACK_TEXT_LIMIT = 40_000;

/** A message as the channel shows it. */
export interface SlackMessage {
  readonly text: string;
  /** Whether the message notifies the whole channel (`<!channel>`, what `@channel` must be written as). */
  readonly mentionsChannel: boolean;
}

/** The Slack stand-in and the messages it accepted. */
export interface FakeSlack extends FakeService {
  messages(): readonly SlackMessage[];
}

/** A Slack workspace with one incoming webhook at `webhookUrl`. */
export function createFakeSlack(webhookUrl: string): FakeSlack {
  const expected = new URL(webhookUrl);
  const messages: SlackMessage[] = [];
  return {
    name: 'slack',
    handles: (url) => url.hostname === expected.hostname,
    handle(request) {
      if (request.url.origin + request.url.pathname !== expected.origin + expected.pathname) {
        // Slack's answer to a webhook URL it does not know (revoked, mistyped).
        return textResponse(404, 'no_service');
      }
      if (request.method !== 'POST') return textResponse(404, 'invalid_method');
      if (!isJsonContent(request)) return textResponse(400, 'invalid_payload');
      const parsed = parseJsonBody(request);
      if (!parsed.ok || !isObject(parsed.value)) return textResponse(400, 'invalid_payload');
      const { text, blocks } = parsed.value;
      if (blocks !== undefined && !Array.isArray(blocks)) return textResponse(400, 'invalid_blocks');
      if (typeof text !== 'string' || text.trim() === '') {
        return textResponse(400, blocks === undefined ? 'no_text' : 'invalid_payload');
      }
      if (text.length > SLACK_TEXT_LIMIT) return textResponse(400, 'msg_too_long');
      messages.push({ text, mentionsChannel: text.includes('<!channel>') });
      return textResponse(200, 'ok');
    },
    messages: () => messages.map((message) => ({ ...message })),
  };
}
