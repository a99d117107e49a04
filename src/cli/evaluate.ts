/**
 * `npm run -s evaluate -- FILE|FOLDER|-`: prints the decision for a case file or bare bundle as JSON.
 * A folder prints one JSON line per `*.json` file. Invalid input: one line on stderr naming the file
 * and the problem, exit 2. With `--summary` it prints the backtest of everything read instead
 * (src/cli/backtest.ts; `--summary --json` as JSON), invalid files still named on stderr with exit 2.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { decide, parseBundle, type Decision } from '../engine';
import { formatSummary, summarize, type FileOutcome } from './backtest';

type Outcome = { ok: true; decision: Decision } | { ok: false; error: string };

export function evaluateText(text: string): Outcome {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `not valid JSON (${e instanceof Error ? e.message : String(e)})` };
  }
  const parsed = parseBundle(json);
  return parsed.ok ? { ok: true, decision: decide(parsed.bundle) } : { ok: false, error: parsed.error };
}

function read(path: string): string {
  return path === '-' ? readFileSync(0, 'utf8') : readFileSync(path, 'utf8');
}

function filesOf(path: string): string[] {
  if (path !== '-' && statSync(path).isDirectory()) {
    return readdirSync(path)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => join(path, f));
  }
  return [path];
}

function main(args: string[]): number {
  const paths = args.filter((a) => !a.startsWith('--'));
  const flags = new Set(args.filter((a) => a.startsWith('--')));
  const unknown = [...flags].filter((f) => f !== '--summary' && f !== '--json');
  if (!paths.length || unknown.length || (flags.has('--json') && !flags.has('--summary'))) {
    if (unknown.length) process.stderr.write(`unknown option ${unknown.join(', ')}\n`);
    process.stderr.write('usage: npm run -s evaluate -- FILE|FOLDER|- [more...] [--summary [--json]]\n');
    return 2;
  }
  const summary = flags.has('--summary');
  const outcomes: FileOutcome[] = [];
  let status = 0;
  const many =
    paths.length > 1 || paths.some((p) => p !== '-' && statSync(p, { throwIfNoEntry: false })?.isDirectory());
  for (const path of paths) {
    let files: string[];
    try {
      files = filesOf(path);
    } catch (e) {
      const error = `cannot read (${e instanceof Error ? e.message : String(e)})`;
      process.stderr.write(`${path}: ${error}\n`);
      outcomes.push({ file: path, ok: false, error });
      status = 2;
      continue;
    }
    for (const file of files) {
      let outcome: Outcome;
      try {
        outcome = evaluateText(read(file));
      } catch (e) {
        outcome = { ok: false, error: `cannot read (${e instanceof Error ? e.message : String(e)})` };
      }
      outcomes.push({ file, ...outcome });
      if (outcome.ok && summary) continue;
      if (outcome.ok) {
        const out = many
          ? JSON.stringify({ file, ...outcome.decision })
          : JSON.stringify(outcome.decision, null, 2);
        process.stdout.write(`${out}\n`);
      } else {
        process.stderr.write(`${file === '-' ? 'stdin' : file}: ${outcome.error}\n`);
        status = 2;
      }
    }
  }
  if (summary) {
    const figures = summarize(outcomes);
    process.stdout.write(
      `${flags.has('--json') ? JSON.stringify(figures, null, 2) : formatSummary(figures)}\n`,
    );
  }
  return status;
}

process.exitCode = main(process.argv.slice(2));
