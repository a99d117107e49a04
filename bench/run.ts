/** `npm run bench`: every speed and size budget with its measured figure, PASS or FAIL. */
import { benchEngine, printRows, type BenchRow } from './engine';
import { benchReview } from './review';
import { benchSidebar } from './sidebar';

const cases = process.argv[2] ?? '../shared/cases';
const rows: BenchRow[] = [...benchEngine(cases), ...(await benchSidebar(cases)), ...(await benchReview())];
printRows(rows);
process.exitCode = rows.every((r) => r.pass) ? 0 : 1;
