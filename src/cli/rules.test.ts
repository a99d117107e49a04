import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../engine/rules';
import { rulesMarkdown } from '../engine/table';

describe('the rule table', () => {
  it('lists every rule once', () => {
    const table = rulesMarkdown();
    for (const r of RULES) expect(table.split(`\`${r.id}\``).length - 1, r.id).toBe(1);
  });

  it('is the one the README shows, so the docs never drift from the code', () => {
    const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');
    const shown = /<!-- rules:start -->\n([\s\S]*?)\n<!-- rules:end -->/.exec(readme)?.[1];
    expect(shown).toBe(rulesMarkdown());
  });
});
