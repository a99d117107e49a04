/**
 * The engineering escalation as a Jira Cloud issue (REST API v3). Jira Cloud takes Basic authentication
 * with an account's email and API token, base64-encoded; Zendesk's proxy only substitutes text, so the
 * secure setting `jira_credentials` holds that base64 value and the header is `Basic {{setting...}}`.
 * The issue carries the escalation key as a label: before creating, the app searches for it, so a
 * retry finds the issue an earlier attempt created instead of filing a second one.
 */
import type { ServiceCall } from './external';
import { labelled, noteSection, type HandoffPlan } from './plan';
import { SECURE_SETTINGS, type HandoffSettings } from './settings';

type JiraSettings = NonNullable<HandoffSettings['jira']>;

const SUMMARY_LIMIT = 255;

function headers(): Record<string, string> {
  return {
    Authorization: `Basic {{setting.${SECURE_SETTINGS.jira}}}`,
    Accept: 'application/json',
  };
}

/** A JQL string literal. */
const quote = (text: string): string => `"${text.replace(/(["\\])/gu, '\\$1')}"`;

/** The search for the issue an earlier attempt created for this escalation. */
export function jiraSearchCall(jira: JiraSettings, escalationKey: string): ServiceCall {
  return {
    method: 'POST',
    url: `https://${jira.site}/rest/api/3/search/jql`,
    headers: headers(),
    body: {
      jql: `project = ${quote(jira.projectKey)} AND labels = ${quote(escalationKey)}`,
      fields: ['summary'],
      maxResults: 1,
    },
  };
}

/** The issue's summary: one line, at most 255 characters, naming the Zendesk ticket. */
export function jiraSummary(plan: HandoffPlan): string {
  const section = noteSection(plan.note, 'Engineering Escalation') ?? '';
  const issue = labelled(section, 'Issue') ?? (plan.subject === '' ? 'Escalated ticket' : plan.subject);
  const line = `[Zendesk #${String(plan.ticketId)}] ${issue}`.replace(/\s+/gu, ' ').trim();
  return line.length > SUMMARY_LIMIT ? `${line.slice(0, SUMMARY_LIMIT - 1)}…` : line;
}

/** The create-issue call. */
export function jiraCreateCall(jira: JiraSettings, plan: HandoffPlan, ticketUrl: string | null): ServiceCall {
  const section = noteSection(plan.note, 'Engineering Escalation') ?? plan.note;
  return {
    method: 'POST',
    url: `https://${jira.site}/rest/api/3/issue`,
    headers: headers(),
    body: {
      fields: {
        project: { key: jira.projectKey },
        issuetype: { name: jira.issueType },
        summary: jiraSummary(plan),
        description: toAdf(section, {
          ticketId: plan.ticketId,
          ticketUrl,
          escalationKey: plan.escalationKey,
        }),
        labels: [plan.escalationKey, `zendesk-${String(plan.ticketId)}`],
      },
    },
  };
}

/** The issue's page. */
export function jiraBrowseUrl(site: string, key: string): string {
  return `https://${site}/browse/${key}`;
}

type Mark = { type: 'strong' } | { type: 'link'; attrs: { href: string } };
type Inline = { type: 'text'; text: string; marks?: Mark[] };
interface ListBlock {
  type: 'bulletList' | 'orderedList';
  content: { type: 'listItem'; content: Block[] }[];
}
type Block =
  | { type: 'paragraph'; content: Inline[] }
  | { type: 'heading'; attrs: { level: number }; content: Inline[] }
  | ListBlock;

/** The Atlassian Document Format document Jira's v3 API needs for the description. */
export interface AdfDocument {
  readonly type: 'doc';
  readonly version: 1;
  readonly content: Block[];
}

/** `**Label:** rest` as bold label and text; anything else as plain text. Never an empty text node. */
function inline(text: string): Inline[] {
  const match = /^\*\*([^*]+)\*\*\s*(.*)$/u.exec(text);
  const parts: Inline[] =
    match === null
      ? [{ type: 'text', text }]
      : [
          { type: 'text', text: match[1] ?? '', marks: [{ type: 'strong' }] },
          { type: 'text', text: match[2] === undefined || match[2] === '' ? '' : ` ${match[2]}` },
        ];
  return parts.filter((part) => part.text !== '');
}

/**
 * The note's section as ADF: `### ` headings, `- ` and `1. ` lists, paragraphs; first a line linking the
 * Zendesk ticket, last the escalation key. The text stays text: nothing in it becomes markup.
 */
export function toAdf(
  markdown: string,
  ticket: { readonly ticketId: number; readonly ticketUrl: string | null; readonly escalationKey: string },
): AdfDocument {
  const label = `Zendesk ticket #${String(ticket.ticketId)}`;
  const content: Block[] = [
    {
      type: 'paragraph',
      content: [
        ticket.ticketUrl === null
          ? { type: 'text', text: label }
          : { type: 'text', text: label, marks: [{ type: 'link', attrs: { href: ticket.ticketUrl } }] },
      ],
    },
  ];
  let list = null as ListBlock | null;
  for (const raw of markdown.split('\n')) {
    const line = raw.trimEnd();
    const bullet = /^\s*-(?:\s+(.*))?$/u.exec(line);
    const numbered = /^\s*\d+\.(?:\s+(.*))?$/u.exec(line);
    const item = bullet ?? numbered;
    if (item !== null) {
      const kind = bullet === null ? 'orderedList' : 'bulletList';
      if (list?.type !== kind) {
        list = { type: kind, content: [] };
        content.push(list);
      }
      const text = inline((item[1] ?? '').trim());
      if (text.length > 0)
        list.content.push({ type: 'listItem', content: [{ type: 'paragraph', content: text }] });
      continue;
    }
    list = null;
    if (line.trim() === '') continue;
    const heading = /^(#{1,6})\s+(.*)$/u.exec(line);
    if (heading !== null) {
      const text = inline((heading[2] ?? '').trim());
      if (text.length > 0)
        content.push({
          type: 'heading',
          attrs: { level: Math.max(2, heading[1]?.length ?? 3) },
          content: text,
        });
      continue;
    }
    const text = inline(line.trim());
    if (text.length > 0) content.push({ type: 'paragraph', content: text });
  }
  content.push({
    type: 'paragraph',
    content: [{ type: 'text', text: `Escalation key: ${ticket.escalationKey}` }],
  });
  return { type: 'doc', version: 1, content };
}
