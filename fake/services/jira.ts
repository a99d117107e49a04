/**
 * Jira Cloud's REST API v3, as far as the app uses it: `POST /rest/api/3/issue` (fields `project`,
 * `issuetype`, `summary` of at most 255 characters, `description` as an Atlassian Document Format
 * document, `labels` without spaces), answered `201 {id, key, self}`; and the issue search
 * `POST /rest/api/3/search/jql` with `jql`, `fields` and `maxResults`, answered `{issues, isLast}`. Every
 * call needs the site's `Authorization: Basic base64(email:api_token)`; errors come as Jira words them,
 * `{errorMessages, errors}`. The search understands the JQL the app writes: `field = "value"` clauses
 * (project, labels, key) joined by AND.
 */
import { isObject, jsonAnswer, parseJsonBody, type FakeService } from './types';

/** An issue the stand-in holds. */
export interface JiraIssue {
  readonly id: string;
  readonly key: string;
  readonly project: string;
  readonly issueType: string;
  readonly summary: string;
  readonly description: unknown;
  readonly labels: readonly string[];
}

/** The Jira stand-in and the issues created on it. */
export interface FakeJira extends FakeService {
  issues(): readonly JiraIssue[];
}

/** Options of `createFakeJira`. */
export interface FakeJiraOptions {
  /** The site's host, e.g. `meowmobile.atlassian.net`. */
  readonly site: string;
  /** The expected `Authorization` header value, `Basic <base64(email:token)>`. */
  readonly authorization: string;
  /** Projects by key, with the issue types each offers. */
  readonly projects: Readonly<Record<string, readonly string[]>>;
}

const SUMMARY_LIMIT = 255;

/** A Jira Cloud site with the given projects. */
export function createFakeJira(options: FakeJiraOptions): FakeJira {
  const issues: JiraIssue[] = [];
  const counters = new Map<string, number>();
  const self = (id: string) => `https://${options.site}/rest/api/3/issue/${id}`;
  const failure = (status: number, errorMessages: string[], errors: Record<string, string> = {}) =>
    jsonAnswer(status, { errorMessages, errors });

  const create = (value: unknown) => {
    const fields = isObject(value) && isObject(value.fields) ? value.fields : null;
    if (fields === null) return failure(400, ["The request body has no 'fields' object."]);
    const errors: Record<string, string> = {};
    const project = isObject(fields.project) ? fields.project.key : undefined;
    const types = typeof project === 'string' ? options.projects[project] : undefined;
    if (types === undefined) errors.project = 'valid project is required';
    const issueType = isObject(fields.issuetype) ? fields.issuetype.name : undefined;
    if (types !== undefined && (typeof issueType !== 'string' || !types.includes(issueType))) {
      errors.issuetype = 'Specify a valid issue type';
    }
    const summary = fields.summary;
    if (typeof summary !== 'string' || summary.trim() === '') {
      errors.summary = 'You must specify a summary of the issue.';
    } else if (summary.length > SUMMARY_LIMIT || /[\r\n]/u.test(summary)) {
      errors.summary = 'Summary must be less than 255 characters and on one line.';
    }
    const problem = adfProblem(fields.description);
    if (problem !== null) errors.description = `Operation value must be an Atlassian Document: ${problem}`;
    const labels = fields.labels ?? [];
    if (!Array.isArray(labels) || labels.some((label) => typeof label !== 'string' || /\s/u.test(label))) {
      errors.labels = 'Labels are text without spaces.';
    }
    if (Object.keys(errors).length > 0) return failure(400, [], errors);
    const key = String(project);
    const number = (counters.get(key) ?? 0) + 1;
    counters.set(key, number);
    const id = String(10_000 + issues.length + 1);
    issues.push({
      id,
      key: `${key}-${String(number)}`,
      project: key,
      issueType: String(issueType),
      summary: String(summary),
      description: fields.description,
      labels: labels as string[],
    });
    return jsonAnswer(201, { id, key: `${key}-${String(number)}`, self: self(id) });
  };

  const search = (value: unknown) => {
    if (!isObject(value) || typeof value.jql !== 'string') {
      return failure(400, ["The request body needs 'jql'."]);
    }
    const clauses = parseJql(value.jql);
    if (clauses === null) {
      return failure(400, [
        `Error in the JQL Query: the local Jira understands only field = "value" AND ...`,
      ]);
    }
    const max = typeof value.maxResults === 'number' ? value.maxResults : 50;
    const found = issues.filter((issue) =>
      clauses.every(({ field, value: wanted }) =>
        field === 'project'
          ? issue.project === wanted
          : field === 'labels'
            ? issue.labels.includes(wanted)
            : issue.key === wanted,
      ),
    );
    return jsonAnswer(200, {
      issues: found.slice(0, max).map((issue) => ({
        id: issue.id,
        key: issue.key,
        self: self(issue.id),
        fields: { summary: issue.summary, labels: issue.labels },
      })),
      isLast: found.length <= max,
    });
  };

  return {
    name: 'jira',
    handles: (url) => url.hostname === options.site,
    handle(request) {
      if (request.url.protocol !== 'https:') return failure(400, ['Jira Cloud is served over https only.']);
      if (request.headers.authorization !== options.authorization) {
        return failure(401, ['Client must be authenticated to access this resource.']);
      }
      const parsed = parseJsonBody(request);
      const path = request.url.pathname;
      if (request.method === 'POST' && path === '/rest/api/3/issue') {
        return parsed.ok ? create(parsed.value) : failure(400, [`Unexpected body: ${parsed.reason}.`]);
      }
      if (request.method === 'POST' && path === '/rest/api/3/search/jql') {
        return parsed.ok ? search(parsed.value) : failure(400, [`Unexpected body: ${parsed.reason}.`]);
      }
      return failure(404, [`The local Jira has no ${request.method} ${path}.`]);
    },
    issues: () => issues.map((issue) => ({ ...issue, labels: [...issue.labels] })),
  };
}

/** `field = "value" AND ...` for the fields project, labels and key; null for anything else. */
function parseJql(jql: string): { field: string; value: string }[] | null {
  const clauses: { field: string; value: string }[] = [];
  for (const part of jql.split(/\s+AND\s+/iu)) {
    const match = /^\s*(project|labels|key)\s*=\s*"((?:[^"\\]|\\.)*)"\s*$/iu.exec(part);
    if (match === null) return null;
    clauses.push({ field: (match[1] ?? '').toLowerCase(), value: (match[2] ?? '').replace(/\\(.)/gu, '$1') });
  }
  return clauses;
}

const BLOCK_TYPES = new Set([
  'paragraph',
  'heading',
  'bulletList',
  'orderedList',
  'listItem',
  'codeBlock',
  'blockquote',
  'rule',
]);
const INLINE_TYPES = new Set(['text', 'hardBreak']);
const MARKS = new Set(['strong', 'em', 'code', 'link', 'strike', 'underline']);

/**
 * Why a value is not an Atlassian Document Format document (version 1, type doc, block content; text
 * nodes non-empty), or null when it is one. Absent is allowed: the description is optional.
 */
export function adfProblem(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (!isObject(value) || value.type !== 'doc' || value.version !== 1 || !Array.isArray(value.content)) {
    return 'the top node must be {type: "doc", version: 1, content: [...]}';
  }
  const visit = (node: unknown, path: string): string | null => {
    if (!isObject(node) || typeof node.type !== 'string') return `${path} is not a node`;
    const { type } = node;
    if (!BLOCK_TYPES.has(type) && !INLINE_TYPES.has(type)) return `${path} has unknown type ${type}`;
    if (type === 'text') {
      if (typeof node.text !== 'string' || node.text === '') return `${path} is a text node without text`;
      if (node.marks !== undefined) {
        if (!Array.isArray(node.marks)) return `${path}.marks is not a list`;
        for (const mark of node.marks) {
          if (!isObject(mark) || typeof mark.type !== 'string' || !MARKS.has(mark.type))
            return `${path} has an unknown mark`;
        }
      }
      return null;
    }
    if (type === 'heading') {
      const level = isObject(node.attrs) ? node.attrs.level : undefined;
      if (typeof level !== 'number' || level < 1 || level > 6) return `${path} is a heading without a level`;
    }
    if (node.content === undefined) return null;
    if (!Array.isArray(node.content)) return `${path}.content is not a list`;
    for (const [index, child] of node.content.entries()) {
      const problem = visit(child, `${path}.content[${String(index)}]`);
      if (problem !== null) return problem;
    }
    return null;
  };
  for (const [index, child] of value.content.entries()) {
    const problem = visit(child, `content[${String(index)}]`);
    if (problem !== null) return problem;
  }
  return null;
}
