/**
 * `npm run bench`: every speed and size budget with its measured figure, PASS or FAIL, and how cost grows
 * with ticket length and with the review's size. `npm run bench -- --readme` also writes the table into
 * the README's Speed section, so the figures there are always those of a run.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchEngine, printRows, type BenchRow } from './engine';
import { benchReview } from './review';
import { benchSidebar } from './sidebar';

const NOTE = [
  '(2 cores, Node 20, a shared machine: the engine figures move by about 15% from run to run with its load.',
  "Engine: steady state after warm-up, throughput the median of five rounds; the long tickets are the shared cases' real comments, cycled.",
  "Sidebar and review: the built package in the local host in Chromium with the real SDK, 100 ms added to every REST call; the time from the iframe's start to the suggestion (or the review's tables) on screen, median of repeated loads.",
  'Round trips are the longest chain of calls that each waited for the one before.)',
].join(' ');

const args = process.argv.slice(2);
const writeReadme = args.includes('--readme');
const cases = args.find((arg) => !arg.startsWith('--')) ?? '../shared/cases';

const rows: BenchRow[] = [...benchEngine(cases), ...(await benchSidebar(cases)), ...(await benchReview())];
printRows(rows);
process.exitCode = rows.every((r) => r.pass) ? 0 : 1;
if (writeReadme) writeBenchTable(join(import.meta.dirname, '..', 'README.md'), rows);

/** Replaces the README's table between its bench markers with this run's figures. */
function writeBenchTable(file: string, measured: readonly BenchRow[]): void {
  const start = '<!-- bench:start -->';
  const end = '<!-- bench:end -->';
  const text = readFileSync(file, 'utf8');
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from === -1 || to < from) throw new Error(`README.md has no ${start} … ${end} section.`);
  const table = [
    '| figure | measured | budget | |',
    '| --- | --- | --- | --- |',
    ...measured.map(
      (r) =>
        `| ${r.name} | ${r.value} ${r.unit} | ${r.budget === '—' ? '—' : r.budget} | ${r.pass ? 'PASS' : 'FAIL'} |`,
    ),
  ].join('\n');
  writeFileSync(file, `${text.slice(0, from + start.length)}\n${table}\n\n${NOTE}\n${text.slice(to)}`);
}
