/**
 * The agent's ticket form: the stored ticket (the fake Zendesk) plus the edits nobody has saved yet, and
 * the reply editor. In Zendesk, `client.set('ticket.tags', ...)` or `client.invoke('comment.appendText')`
 * change the form, not the stored ticket; Submit saves. Keeping that split means an app that edits the
 * form and then writes through REST with `safe_update` sees what it would see in Zendesk, not a 409.
 */
import type { FakeRequestOptions, FakeResponse, FakeZendesk } from '../../fake/zendesk';
import type { Comment, CustomFieldValue, Ticket } from '../../fake/types';

/** The reply editor's mode, in ZAF's words (`comment.type`). */
export type EditorType = 'publicReply' | 'internalNote';

/** The reply editor under the conversation. */
export interface Editor {
  text: string;
  type: EditorType;
}

/** Ticket properties the form can edit, in REST names. */
export type DraftField = 'subject' | 'status' | 'priority' | 'type' | 'tags' | 'group_id' | 'assignee_id';

type DraftValues = { -readonly [Key in DraftField]?: Ticket[Key] };

/** How a Submit ended. */
export type SaveResult =
  | { readonly kind: 'nothing-to-save' }
  | { readonly kind: 'saved'; readonly ticket: Ticket }
  | { readonly kind: 'failed'; readonly status: number; readonly description: string };

/** What the form needs besides the fake: the latency the page set, to restore it after a Submit. */
export interface FormOptions {
  readonly latencyMs: () => number;
}

function same(left: unknown, right: unknown): boolean {
  return JSON.stringify(left) === JSON.stringify(right);
}

/** Zendesk's tag rules as the fake applies them: split on spaces, no empties, no duplicates. */
export function normalizeTags(tags: readonly string[]): string[] {
  return [...new Set(tags.flatMap((tag) => tag.split(/\s+/u)).filter((tag) => tag !== ''))];
}

/** One ticket's form. */
export class TicketForm {
  readonly editor: Editor = { text: '', type: 'publicReply' };
  private draft: DraftValues = {};
  private readonly draftFields = new Map<number, CustomFieldValue>();

  constructor(
    private readonly fake: FakeZendesk,
    readonly ticketId: number,
    private readonly options: FormOptions,
  ) {}

  /** The ticket as stored. Throws when the fake does not hold it (a bug in the page, not a user error). */
  stored(): Ticket {
    const ticket = this.fake.ticket(this.ticketId);
    if (ticket === undefined) throw new Error(`Ticket ${this.ticketId} is not in the fake Zendesk.`);
    return ticket;
  }

  /** The ticket as the agent sees it: stored values with the unsaved edits on top. */
  current(): Ticket {
    const ticket: Ticket = { ...this.stored(), ...this.draft };
    ticket.custom_fields = ticket.custom_fields.map((field) =>
      this.draftFields.has(field.id)
        ? { id: field.id, value: this.draftFields.get(field.id) ?? null }
        : field,
    );
    return ticket;
  }

  /** Stored comments, oldest first: an unsaved reply is not a comment yet. */
  comments(): Comment[] {
    return this.fake.comments(this.ticketId);
  }

  /** Changes a property; setting it back to the stored value drops the edit. */
  setField<Key extends DraftField>(key: Key, value: Ticket[Key]): void {
    if (same(value, this.stored()[key])) {
      this.draft = Object.fromEntries(Object.entries(this.draft).filter(([name]) => name !== key));
    } else {
      this.draft[key] = value;
    }
  }

  addTags(tags: readonly string[]): void {
    this.setField('tags', normalizeTags([...this.current().tags, ...tags]));
  }

  removeTags(tags: readonly string[]): void {
    const removed = new Set(normalizeTags(tags));
    this.setField(
      'tags',
      this.current().tags.filter((tag) => !removed.has(tag)),
    );
  }

  /** Whether the ticket's form has field `id` (a path to another field is an app bug worth reporting). */
  hasCustomField(id: number): boolean {
    return this.stored().custom_fields.some((field) => field.id === id);
  }

  customField(id: number): CustomFieldValue {
    return this.current().custom_fields.find((field) => field.id === id)?.value ?? null;
  }

  setCustomField(id: number, value: CustomFieldValue): void {
    const stored = this.stored().custom_fields.find((field) => field.id === id)?.value ?? null;
    if (same(stored, value)) this.draftFields.delete(id);
    else this.draftFields.set(id, value);
  }

  /** The unsaved edits in words, for the page. */
  changes(): string[] {
    const lines = Object.entries(this.draft).map(([key, value]) => `${key} → ${JSON.stringify(value)}`);
    for (const [id, value] of this.draftFields) lines.push(`custom field ${id} → ${JSON.stringify(value)}`);
    if (this.editor.text.trim() !== '') {
      lines.push(`${this.editor.type === 'publicReply' ? 'public reply' : 'internal note'} in the editor`);
    }
    return lines;
  }

  /** Drops the unsaved edits and empties the editor. */
  discard(): void {
    this.draft = {};
    this.draftFields.clear();
    this.editor.text = '';
  }

  /** The PUT body Submit sends, or null when there is nothing to save. */
  updateBody(): { ticket: Record<string, unknown> } | null {
    const ticket: Record<string, unknown> = { ...this.draft };
    if (this.draftFields.size > 0) {
      ticket.custom_fields = [...this.draftFields].map(([id, value]) => ({ id, value }));
    }
    if (this.editor.text.trim() !== '') {
      ticket.comment = { body: this.editor.text, public: this.editor.type === 'publicReply' };
    }
    return Object.keys(ticket).length === 0 ? null : { ticket };
  }

  /** Submit: saves the edits and the editor's text as the signed-in agent. */
  async save(): Promise<SaveResult> {
    const body = this.updateBody();
    if (body === null) return { kind: 'nothing-to-save' };
    const response = await this.agentRequest({
      url: `/api/v2/tickets/${this.ticketId}.json`,
      type: 'PUT',
      contentType: 'application/json',
      data: JSON.stringify(body),
    });
    if (response.status !== 200) {
      const body = response.body;
      const description =
        body !== null &&
        typeof body === 'object' &&
        'description' in body &&
        typeof body.description === 'string'
          ? body.description
          : response.statusText;
      return { kind: 'failed', status: response.status, description };
    }
    this.discard();
    return { kind: 'saved', ticket: this.stored() };
  }

  /**
   * Sends the agent's own save past the faults and latency queued for the app: a fault the tester aimed
   * at the app's next write must not be spent on the host's Submit. With no latency the fake takes
   * faults and applies the write synchronously inside `request`, so lifting both for that one call cannot
   * let an app request slip through meanwhile. A re-queued fault starts again at its full `times`.
   */
  private agentRequest(options: FakeRequestOptions): Promise<FakeResponse> {
    const faults = this.fake.pendingFaults();
    const latencyMs = this.options.latencyMs();
    this.fake.clearFaults();
    this.fake.setLatency(0);
    try {
      return this.fake.request(options);
    } finally {
      this.fake.setLatency(latencyMs);
      for (const fault of faults) this.fake.failNext(fault);
    }
  }
}
