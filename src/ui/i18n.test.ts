/** The text helper: keys from translations/en.json, placeholders filled, gaps left visible. */
import { describe, expect, it } from 'vitest';
import { t } from './i18n';

describe('t', () => {
  it('reads a nested key and fills its placeholders', () => {
    expect(t('suggestion.escalate', { teams: 'Carrier' })).toBe('Escalate to Carrier');
    expect(t('evidence.comment', { id: 42 })).toBe('comment 42');
  });

  it('leaves a placeholder without a value visible', () => {
    expect(t('suggestion.escalate')).toBe('Escalate to {{teams}}');
  });

  it('inserts values as they are, markup included (React renders them as text)', () => {
    expect(t('preview.assignee_user', { id: '<b>7</b>' })).toBe('user <b>7</b>');
  });
});
