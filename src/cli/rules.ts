/** `npm run -s rules`: the rule table, printed from the rule data (the README shows this output). */
import { rulesMarkdown } from '../engine/table';

process.stdout.write(`${rulesMarkdown()}\n`);
