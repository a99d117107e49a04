// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { connect } from './connect';

describe('connect', () => {
  afterEach(() => {
    window.history.replaceState(null, '', '/');
  });

  it('returns null when the page is opened outside Zendesk (no origin or app_guid in the URL)', () => {
    window.history.replaceState(null, '', '/?origin=https%3A%2F%2Fx.zendesk.com');
    expect(connect()).toBeNull();
  });

  it('returns a client when Zendesk opened the page with origin and app_guid', () => {
    window.history.replaceState(null, '', '/?origin=https%3A%2F%2Fx.zendesk.com&app_guid=abc-123');
    const client = connect();
    expect(client).not.toBeNull();
    expect(typeof client?.request).toBe('function');
    expect(typeof client?.get).toBe('function');
  });
});
