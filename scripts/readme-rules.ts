/** `npm run readme:rules`: writes the rule table printed by `npm run rules` into README.md between its markers. */
import { readFileSync, writeFileSync } from 'node:fs';
import { rulesMarkdown } from '../src/engine/table';

const readme = readFileSync('README.md', 'utf8');
const next = readme.replace(
  /<!-- rules:start -->\n[\s\S]*?<!-- rules:end -->/,
  `<!-- rules:start -->\n${rulesMarkdown()}\n<!-- rules:end -->`,
);
writeFileSync('README.md', next);
