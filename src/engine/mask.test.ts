import { describe, expect, it } from 'vitest';
import { hasUnmaskedNumber, maskSensitive } from './mask';

describe('maskSensitive', () => {
  it.each([
    ['account number is 482019375561', '482019375561', '****5561'],
    ['card 4111 1111 1111 1111 was charged', '4111 1111 1111 1111', '****1111'],
    ['card 4111-1111-1111-1234 was charged', '4111-1111-1111-1234', '****1234'],
    ['acct # 7730019', '7730019', '****0019'],
    ['ICCID 8901260882291234567', '8901260882291234567', '****4567'],
  ])('%s', (text, secret, masked) => {
    const out = maskSensitive(text);
    expect(out).not.toContain(secret);
    expect(out).toContain(masked);
  });

  it.each([
    'call me at 512-555-0148',
    'call me at (312) 555-0199',
    'ticket 384127 and PRQ-7730215',
    'Case No. 34-2025-00187734',
    'the charge was $149.98 on 2/14',
  ])('leaves %s alone', (text) => {
    expect(maskSensitive(text)).toBe(text);
  });

  it('says whether anything is still unmasked', () => {
    expect(hasUnmaskedNumber('account 482019375561')).toBe(true);
    expect(hasUnmaskedNumber('account ****5561')).toBe(false);
  });
});
