/**
 * The test controls under the ticket: the reply editor and Submit, network latency and faults, another
 * agent's changes, and the app's settings. Each acts on the open session and says what went wrong.
 */
import type { FaultSpec } from '../../fake/zendesk';
import { byId } from './dom';
import type { Session, SubmitResult } from './session';
import type { TicketView } from './view';

/** What the controls need from the page. */
export interface ControlsPage {
  /** The open ticket's session, or null before one is open. */
  session(): Session | null;
  render(): void;
  /** Opens the current case again: a fresh fake and a fresh app iframe. */
  reopen(): void;
  /** Settings the tester applied, or null for the case's own. */
  setSettings(settings: Record<string, unknown> | null): void;
}

/** The outcome of a Submit in words. */
export function describeSubmit(result: SubmitResult): string {
  const { hook, save } = result;
  const asked =
    hook.kind === 'allowed'
      ? 'The app allowed the save.'
      : hook.kind === 'blocked'
        ? `The app blocked the save: ${hook.message === null ? '(no message)' : `“${hook.message}”`}`
        : hook.kind === 'timeout'
          ? `The app did not answer ticket.save within ${hook.afterMs / 1000} s; not saved.`
          : 'No app listens to ticket.save.';
  if (save === null) return asked;
  if (save.kind === 'nothing-to-save') return `${asked} Nothing to save.`;
  if (save.kind === 'failed') return `${asked} The save failed: ${save.status} ${save.description}`;
  return `${asked} Saved.`;
}

/** Runs a control's action against the open session, showing what went wrong in `output`. */
function withSession(
  page: ControlsPage,
  output: HTMLOutputElement,
  action: (session: Session) => void,
): void {
  output.textContent = '';
  const session = page.session();
  if (session === null) {
    output.textContent = 'Open a ticket first.';
    return;
  }
  try {
    action(session);
  } catch (error) {
    output.textContent = error instanceof Error ? error.message : String(error);
  }
}

/** How many requests "network lost" fails: more than a sidebar sends before the tester clears it. */
const NETWORK_DOWN_REQUESTS = 1000;

function faultFromControls(): FaultSpec {
  const kind = byId('fault', HTMLSelectElement).value;
  const retryAfter = Math.max(0, Number(byId('retry-after', HTMLInputElement).value) || 0);
  if (kind === 'stale') return { kind: 'stale' };
  if (kind === 'timeout') return { kind: 'timeoutAfterApply' };
  if (kind === '429') return { status: 429, retryAfter };
  // Every request until "Clear faults" brings the network back.
  if (kind === 'network') return { kind: 'network', times: NETWORK_DOWN_REQUESTS };
  return { status: 500 };
}

/** Wires every control below the ticket to the open session. */
export function wireControls(view: TicketView, page: ControlsPage): void {
  const saveOutcome = byId('save-outcome', HTMLOutputElement);
  const changeError = byId('change-error', HTMLOutputElement);
  const settingsJson = byId('settings-json', HTMLTextAreaElement);
  const settingsError = byId('settings-error', HTMLOutputElement);
  const latencyInput = byId('latency', HTMLInputElement);

  view.editorText.addEventListener('input', () => {
    const session = page.session();
    if (session === null) return;
    session.form.editor.text = view.editorText.value;
    session.editorChanged();
  });
  for (const radio of view.editorTypes) {
    radio.addEventListener('change', () => {
      const session = page.session();
      if (session === null || !radio.checked) return;
      session.form.editor.type = radio.value === 'internalNote' ? 'internalNote' : 'publicReply';
      session.editorChanged();
    });
  }

  const submit = byId('submit', HTMLButtonElement);
  submit.addEventListener('click', () => {
    const session = page.session();
    if (session === null) return;
    // Zendesk's Submit carries the status the agent picked in its menu: the form holds it when the app
    // reads `ticket.status` in its ticket.save handler.
    const status = byId('submit-status', HTMLSelectElement).value;
    if (status === 'open' || status === 'pending' || status === 'hold' || status === 'solved') {
      session.form.setField('status', status);
      session.sync();
    }
    submit.disabled = true;
    saveOutcome.textContent = 'Asking the app (ticket.save)…';
    void session
      .submit()
      .then((result) => {
        saveOutcome.textContent = describeSubmit(result);
      })
      .catch((error: unknown) => {
        saveOutcome.textContent = error instanceof Error ? error.message : String(error);
      })
      .finally(() => {
        submit.disabled = false;
      });
  });
  byId('discard', HTMLButtonElement).addEventListener('click', () => {
    page.session()?.form.discard();
    page.session()?.sync();
  });

  latencyInput.addEventListener('change', () => {
    withSession(page, changeError, (session) => {
      session.setLatency(Math.max(0, Number(latencyInput.value) || 0));
    });
  });
  byId('fault-queue', HTMLButtonElement).addEventListener('click', () => {
    withSession(page, changeError, (session) => {
      session.failNext(faultFromControls());
    });
  });
  byId('fault-clear', HTMLButtonElement).addEventListener('click', () => {
    withSession(page, changeError, (session) => {
      session.fake.clearFaults();
      page.render();
    });
  });

  const tagInput = byId('change-tag', HTMLInputElement);
  byId('change-tag-add', HTMLButtonElement).addEventListener('click', () => {
    withSession(page, changeError, (session) => {
      session.otherAgentEdit({ additional_tags: [tagInput.value] });
    });
  });
  byId('change-tag-remove', HTMLButtonElement).addEventListener('click', () => {
    withSession(page, changeError, (session) => {
      session.otherAgentEdit({ remove_tags: [tagInput.value] });
    });
  });
  byId('change-status-apply', HTMLButtonElement).addEventListener('click', () => {
    withSession(page, changeError, (session) => {
      session.otherAgentEdit({ status: byId('change-status', HTMLSelectElement).value });
    });
  });
  byId('change-comment-add', HTMLButtonElement).addEventListener('click', () => {
    withSession(page, changeError, (session) => {
      const author = byId('change-comment-author', HTMLSelectElement).value;
      const body = byId('change-comment', HTMLTextAreaElement).value;
      const requesterId = session.form.stored().requester_id;
      const comment =
        author === 'requester'
          ? { body, public: true, ...(requesterId === null ? {} : { author_id: requesterId }) }
          : { body, public: author === 'agent-public' };
      session.otherAgentEdit({ comment });
    });
  });
  byId('change-field-apply', HTMLButtonElement).addEventListener('click', () => {
    withSession(page, changeError, (session) => {
      const text = byId('change-field-value', HTMLInputElement).value.trim();
      const value = text === '' ? null : text === 'true' ? true : text === 'false' ? false : text;
      session.otherAgentEdit({ custom_fields: [{ id: Number(view.fieldSelect.value), value }] });
    });
  });

  byId('settings-apply', HTMLButtonElement).addEventListener('click', () => {
    settingsError.textContent = '';
    try {
      const parsed: unknown = JSON.parse(settingsJson.value);
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
        throw new Error('Settings must be a JSON object of setting name to value.');
      }
      page.setSettings({ ...parsed });
    } catch (error) {
      settingsError.textContent = error instanceof Error ? error.message : String(error);
      return;
    }
    page.reopen();
  });
  byId('settings-reset', HTMLButtonElement).addEventListener('click', () => {
    page.setSettings(null);
    page.reopen();
  });
  byId('app-reload', HTMLButtonElement).addEventListener('click', () => {
    page.reopen();
  });
}
