/** Which change events a change of the form fires. */
import { describe, expect, it } from 'vitest';
import { changeEvents, type Snapshot } from './events';
import type { ZafTicket } from '../../fake/zaf-objects';

const ticket: ZafTicket = {
  id: 1,
  subject: 'No service',
  description: 'No service',
  status: 'open',
  priority: 'normal',
  type: 'incident',
  tags: ['outage'],
  externalId: null,
  requester: null,
  assignee: { user: null, group: { id: 5, name: 'Support' } },
  organization: null,
  via: { channel: 'web' },
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-01T00:00:00Z',
  customStatus: { id: 1002 },
  comments: [],
};

function snapshot(
  changes: Partial<ZafTicket> = {},
  fields: [number, string | null][] = [],
  text = '',
): Snapshot {
  return {
    ticket: { ...ticket, ...changes },
    customFields: new Map(fields),
    editor: { text, type: 'publicReply' },
  };
}

describe('changeEvents', () => {
  it('fires nothing when nothing changed, updatedAt included', () => {
    expect(changeEvents(snapshot(), snapshot({ updatedAt: '2025-02-01T00:00:00Z' }))).toEqual([]);
  });

  it('fires <property>.changed with the new value, then the wildcard with name and value', () => {
    expect(changeEvents(snapshot(), snapshot({ tags: ['outage', 'vip'] }))).toEqual([
      { name: 'ticket.tags.changed', payload: ['outage', 'vip'] },
      { name: '*.changed', payload: { propertyName: 'ticket.tags', newValue: ['outage', 'vip'] } },
    ]);
  });

  it('names custom fields custom_field_<id> and a related object by its properties', () => {
    const events = changeEvents(
      snapshot({}, [[27, 'network']]),
      snapshot({ assignee: { user: null, group: { id: 9, name: 'Tier 2' } } }, [[27, 'esim']]),
    ).map((event) => event.name);
    expect(events).toEqual([
      'ticket.assignee.group.id.changed',
      '*.changed',
      'ticket.assignee.group.name.changed',
      '*.changed',
      'ticket.custom_field_27.changed',
      '*.changed',
    ]);
  });

  it('fires comment.text.changed when the reply editor changes', () => {
    expect(changeEvents(snapshot(), snapshot({}, [], 'Hello'))[0]).toEqual({
      name: 'comment.text.changed',
      payload: 'Hello',
    });
  });
});
