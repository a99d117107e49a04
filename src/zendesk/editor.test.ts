import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeClient } from '../../fake/client';
import { FIXTURE_IDS, FIXTURE_NOW, outageBundle } from '../../fake/fixtures';
import { createFakeZendesk } from '../../fake/zendesk';
import { customer, note, reply, sample } from '../engine/sample';
import {
  comeForward,
  editorPlainText,
  newInternalNotes,
  triggerAlarm,
  watchEditor,
  type EditorText,
} from './editor';
import type { ZafClient } from './types';

function setup() {
  const fake = createFakeZendesk({ now: () => Date.parse(FIXTURE_NOW) });
  fake.seed(outageBundle());
  return createFakeClient(fake, { ticketId: FIXTURE_IDS.ticket });
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('watchEditor', () => {
  it('reports the editor at once, then once per burst of changes, and stops when told', async () => {
    const client = setup();
    const seen: EditorText[] = [];
    const stop = watchEditor(client, (e) => seen.push(e), { debounceMs: 100 });
    await vi.advanceTimersByTimeAsync(0);
    expect(seen).toEqual([{ text: '', type: 'publicReply' }]);

    await client.invoke('comment.appendText', 'Looks like a carrier');
    await client.invoke('comment.appendText', ' issue');
    await client.set('comment.type', 'internalNote');
    await vi.advanceTimersByTimeAsync(99);
    expect(seen).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(seen[1]).toEqual({ text: 'Looks like a carrier issue', type: 'internalNote' });

    stop();
    expect(client.listenerCount('comment.text.changed')).toBe(0);
    expect(client.listenerCount('comment.type.changed')).toBe(0);
    await client.set('comment.text', 'more');
    await vi.advanceTimersByTimeAsync(500);
    expect(seen).toHaveLength(2);
  });

  it('reads an editor that cannot be read as empty', async () => {
    const client = setup();
    const broken: ZafClient = { ...client, get: () => Promise.reject(new Error('no editor here')) };
    const seen: EditorText[] = [];
    watchEditor(broken, (e) => seen.push(e));
    await vi.advanceTimersByTimeAsync(0);
    expect(seen).toEqual([{ text: '', type: null }]);
  });
});

describe('editorPlainText', () => {
  it('turns the rich-text editor’s HTML into lines of text', () => {
    expect(editorPlainText('<p>Hi Sam,</p><p>You&#39;ll hear back &amp; soon<br>Ana</p>')).toBe(
      "Hi Sam,\nYou'll hear back & soon\nAna",
    );
    expect(editorPlainText('<p>&quot;this&nbsp;needs L2&quot;</p>')).toBe('"this needs L2"');
    expect(editorPlainText('plain a < b')).toBe('plain a < b');
    expect(editorPlainText(null)).toBe('');
  });
});

describe('triggerAlarm', () => {
  it('announces each trigger phrase once, whatever else the text says', () => {
    const heard: string[] = [];
    const alarm = triggerAlarm((phrase) => heard.push(phrase));
    alarm('Checking the logs');
    alarm('I think this needs L2');
    alarm('I think this needs L2 now');
    alarm('');
    alarm('Who owns this? This needs L2.');
    expect(heard).toEqual(['this needs L2', 'Who owns this']);
  });
});

describe('newInternalNotes', () => {
  it('gives the internal notes that are new, not public replies or the app’s own escalation note', () => {
    const before = sample([customer('It fails'), note('Tried a reset')]);
    const after = sample([
      customer('It fails'),
      note('Tried a reset'),
      reply('We are on it'),
      note('Engineering issue, hand this off'),
      note('## ESCALATION NOTE\nEscalate to Engineering\nEscalation key: eg-777001-abc'),
    ]);
    expect(newInternalNotes(before, after)).toEqual(['Engineering issue, hand this off']);
  });
});

describe('comeForward', () => {
  it('opens the apps tray and notifies', async () => {
    const client = setup();
    await comeForward(client, 'Escalation Guide: "this needs L2"');
    expect(client.calls.invokes).toEqual([
      { name: 'appsTray.show', args: [] },
      { name: 'notify', args: ['Escalation Guide: "this needs L2"', 'notice'] },
    ]);
  });

  it('still notifies when the host refuses appsTray.show', async () => {
    const client = setup();
    const names: string[] = [];
    const picky: ZafClient = {
      ...client,
      invoke: (name, ...args) => {
        names.push(name);
        return name === 'notify' ? client.invoke(name, ...args) : Promise.reject(new Error('unknown action'));
      },
    };
    await expect(comeForward(picky, 'hello')).resolves.toBeUndefined();
    expect(names).toEqual(['appsTray.show', 'notify']);
    expect(client.calls.invokes.map((call) => call.name)).toEqual(['notify']);
  });
});
