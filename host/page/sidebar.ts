/**
 * The ticket_sidebar API of the local host: which paths an app may get and set and which actions it may
 * invoke, answered from the ticket form. Anything else answers with an error naming the path, which the
 * SDK turns into a rejected promise for a single-path call, as Zendesk does for an unknown path.
 */
import { TICKET_PRIORITIES, TICKET_STATUSES, TICKET_TYPES, type CustomFieldValue } from '../../fake/types';
import type { EditorType, TicketForm } from './form';
import { customFieldIdOf, zafTicket, zafUser, type Directory } from '../../fake/zaf-objects';
import { fail, ok, type Answer, type LocationApi } from './zaf';
import { isRequirementPath } from '../../fake/install';

/** What the page does for the app's UI actions. */
export interface SidebarUi {
  /** `invoke('resize', {width, height})`, values as CSS lengths. */
  resize(size: { readonly width?: string; readonly height?: string }): void;
  /** `invoke('notify', message, kind, durationOrOptions)`; `durationMs` null means sticky. */
  notify(message: string, kind: string, durationMs: number | null): void;
  /** `invoke('macro', id)`: the local host has no macros, so the page only says what would happen. */
  macro(id: string): void;
  /**
   * `invoke('appsTray.show')` / `invoke('appsTray.hide')` (Support API, all locations): the app asks for
   * the apps panel to open (to come forward) or close. A page without an apps panel leaves it out.
   */
  appsTray?(visible: boolean): void;
}

/** Everything the sidebar API reads and changes. */
export interface SidebarDeps {
  readonly form: TicketForm;
  readonly directory: Directory;
  readonly currentUserId: number;
  readonly subdomain: string;
  readonly ui: SidebarUi;
  /** Runs a change to the form, then fires the change events and redraws the page. */
  readonly change: (mutate: () => void) => void;
  /**
   * `get('requirement:<identifier>')`: the app installation's requirement entry, undefined when the
   * installation has none by that identifier. Without it, no requirement path is served.
   */
  readonly requirement?: (path: string) => unknown;
}

/** Paths this host serves for `get`, for the error message that names them. */
const READABLE =
  'ticket, ticket.<property> (id, subject, description, status, priority, type, tags, requester, assignee, ' +
  'organization, via, createdAt, updatedAt, customStatus, comments, ...), ticket.customField:custom_field_<id>, ' +
  'currentUser, currentAccount, comment.text, comment.type, appsTray.isVisible, requirement:<identifier>';

const DEFAULT_NOTIFY_MS = 5000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Walks `a.b.c` into an object; array items by index. */
function walk(root: unknown, parts: readonly string[]): { found: true; value: unknown } | { found: false } {
  let node = root;
  for (const part of parts) {
    if (Array.isArray(node) && /^\d+$/u.test(part)) node = node[Number(part)];
    else if (isRecord(node) && part in node) node = node[part];
    else return { found: false };
  }
  return { found: true, value: node };
}

function isCustomFieldValue(value: unknown): value is CustomFieldValue {
  return (
    value === null ||
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean' ||
    (Array.isArray(value) && value.every((item) => typeof item === 'string'))
  );
}

function tagsOf(args: readonly unknown[]): string[] | null {
  const tags = args.flatMap((arg) => (Array.isArray(arg) ? (arg as unknown[]) : [arg]));
  return tags.every((tag): tag is string => typeof tag === 'string') ? tags : null;
}

function idOf(value: unknown): number | null | undefined {
  if (value === null) return null;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return value;
  if (typeof value === 'string' && /^\d+$/u.test(value)) return Number(value);
  return undefined;
}

function cssLength(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return `${value}px`;
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  return undefined;
}

/** The API for one ticket's sidebar app. */
export function createSidebarApi(deps: SidebarDeps): LocationApi {
  const { form, directory, ui } = deps;

  const get = (path: string): Answer => {
    if (isRequirementPath(path)) {
      const requirement = deps.requirement?.(path);
      return requirement === undefined
        ? fail(path, "names no requirement of the app's installation in the local host.")
        : ok(requirement);
    }
    const fieldId = customFieldIdOf(path);
    if (fieldId !== null) {
      return form.hasCustomField(fieldId)
        ? ok(form.customField(fieldId))
        : fail(path, `names field ${fieldId}, which this ticket's form does not have. Check the field id.`);
    }
    const [root, ...rest] = path.split('.');
    let value: unknown;
    switch (root) {
      case 'ticket':
        value = zafTicket(form.current(), form.comments(), directory);
        break;
      case 'currentUser':
        value = zafUser(deps.currentUserId, directory);
        break;
      case 'currentAccount':
        value = { subdomain: deps.subdomain };
        break;
      case 'comment':
        value = { text: form.editor.text, type: form.editor.type, attachments: [] };
        break;
      case 'appsTray':
        // The local host's apps panel never hides: the app's iframe is always on the page.
        value = { isVisible: true };
        break;
      default:
        return fail(
          path,
          `is not available in the ticket_sidebar of the local host. It serves: ${READABLE}.`,
        );
    }
    const found = walk(value, rest);
    return found.found
      ? ok(found.value)
      : fail(path, `is not available in the ticket_sidebar of the local host. It serves: ${READABLE}.`);
  };

  const setTicket = (path: string, value: unknown): Answer => {
    const fieldId = customFieldIdOf(path);
    if (fieldId !== null) {
      if (!form.hasCustomField(fieldId)) return fail(path, `names a field this ticket's form does not have.`);
      if (!isCustomFieldValue(value))
        return fail(path, 'takes text, a number, a boolean, a list of tags or null.');
      deps.change(() => {
        form.setCustomField(fieldId, value);
      });
      return ok(value);
    }
    const pick = <Value extends string>(allowed: readonly Value[]): Value | undefined =>
      allowed.find((candidate) => candidate === value);
    switch (path) {
      case 'ticket.subject':
        if (typeof value !== 'string') return fail(path, 'takes text.');
        deps.change(() => {
          form.setField('subject', value);
        });
        return ok(value);
      case 'ticket.status': {
        const status = pick(TICKET_STATUSES.filter((candidate) => candidate !== 'closed'));
        if (status === undefined) return fail(path, `takes one of new, open, pending, hold, solved.`);
        deps.change(() => {
          form.setField('status', status);
        });
        return ok(status);
      }
      case 'ticket.priority': {
        const priority = value === null ? null : pick(TICKET_PRIORITIES);
        if (priority === undefined)
          return fail(path, `takes one of ${TICKET_PRIORITIES.join(', ')} or null.`);
        deps.change(() => {
          form.setField('priority', priority);
        });
        return ok(priority);
      }
      case 'ticket.type': {
        const type = value === null ? null : pick(TICKET_TYPES);
        if (type === undefined) return fail(path, `takes one of ${TICKET_TYPES.join(', ')} or null.`);
        deps.change(() => {
          form.setField('type', type);
        });
        return ok(type);
      }
      case 'ticket.tags': {
        const tags = typeof value === 'string' ? [value] : Array.isArray(value) ? tagsOf(value) : null;
        if (tags === null) return fail(path, 'takes a list of tags.');
        deps.change(() => {
          form.setField('tags', []);
          form.addTags(tags);
        });
        return ok(form.current().tags);
      }
      case 'ticket.assignee': {
        if (!isRecord(value)) return fail(path, 'takes {groupId, userId}.');
        const groupId = 'groupId' in value ? idOf(value.groupId) : undefined;
        const userId = 'userId' in value ? idOf(value.userId) : undefined;
        if (groupId === undefined && userId === undefined)
          return fail(path, 'takes {groupId, userId} with ids.');
        deps.change(() => {
          if (groupId !== undefined) form.setField('group_id', groupId);
          if (userId !== undefined) form.setField('assignee_id', userId);
        });
        return ok(value);
      }
      default:
        return fail(path, 'cannot be set in the ticket_sidebar of the local host.');
    }
  };

  const set = (path: string, value: unknown): Answer => {
    if (path === 'comment.text') {
      if (typeof value !== 'string') return fail(path, 'takes text.');
      deps.change(() => {
        form.editor.text = value;
      });
      return ok(value);
    }
    if (path === 'comment.type') {
      const types: readonly EditorType[] = ['publicReply', 'internalNote'];
      const type = types.find((candidate) => candidate === value);
      if (type === undefined) return fail(path, 'takes publicReply or internalNote.');
      deps.change(() => {
        form.editor.type = type;
      });
      return ok(type);
    }
    return setTicket(path, value);
  };

  const invoke = (name: string, args: readonly unknown[]): Answer => {
    switch (name) {
      case 'resize': {
        const size = args[0];
        if (!isRecord(size)) return fail(name, 'takes {width, height}.');
        const width = cssLength(size.width);
        const height = cssLength(size.height);
        ui.resize({ ...(width === undefined ? {} : { width }), ...(height === undefined ? {} : { height }) });
        return ok(null);
      }
      case 'notify': {
        const [message, kind, timing] = args;
        if (typeof message !== 'string') return fail(name, 'takes a message.');
        const durationMs =
          typeof timing === 'number'
            ? timing
            : isRecord(timing) && timing.sticky === true
              ? null
              : DEFAULT_NOTIFY_MS;
        ui.notify(message, typeof kind === 'string' ? kind : 'notice', durationMs);
        return ok(null);
      }
      case 'ticket.tags.add':
      case 'ticket.tags.remove': {
        const tags = tagsOf(args);
        if (tags === null || tags.length === 0) return fail(name, 'takes a tag or a list of tags.');
        deps.change(() => {
          if (name === 'ticket.tags.add') form.addTags(tags);
          else form.removeTags(tags);
        });
        return ok(null);
      }
      case 'comment.appendText': {
        const [text] = args;
        if (typeof text !== 'string') return fail(name, 'takes text.');
        deps.change(() => {
          form.editor.text += text;
        });
        return ok(null);
      }
      case 'appsTray.show':
      case 'appsTray.hide':
        ui.appsTray?.(name === 'appsTray.show');
        return ok(null);
      case 'macro': {
        const id = idOf(args[0]);
        if (id === undefined || id === null) return fail(name, 'takes a macro id.');
        ui.macro(String(id));
        return ok(null);
      }
      default:
        return fail(
          name,
          'is not an action of the local host (resize, notify, appsTray.show, appsTray.hide, ticket.tags.add, ticket.tags.remove, comment.appendText, macro).',
        );
    }
  };

  return { get, set, invoke };
}
