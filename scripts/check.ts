// Command line check of graph files: npm run check -- graph/FILE.json [--sources DIR]
// Prints every problem as FILE:LINE:COLUMN PATH: MESSAGE; exits 1 on any error.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { formatProblem, MAX_GRAPH_FILE_BYTES, type Problem, parseGraph } from '../src/model/validate.ts';

function usage(): never {
  console.error('usage: npm run check -- GRAPH.json [GRAPH.json...] [--sources DIR]');
  process.exit(2);
}

const args = process.argv.slice(2);
const files: string[] = [];
let sourcesDir: string | undefined;
for (let i = 0; i < args.length; i++) {
  const arg = args[i] ?? '';
  if (arg === '--sources') sourcesDir = args[++i] ?? usage();
  else if (arg.startsWith('--sources=')) sourcesDir = arg.slice('--sources='.length);
  else if (arg.startsWith('-')) usage();
  else files.push(arg);
}
if (files.length === 0) usage();
if (sourcesDir !== undefined && !existsSync(sourcesDir)) {
  console.error(`--sources: no folder "${sourcesDir}"`);
  process.exit(2);
}

const archiveText =
  sourcesDir === undefined
    ? undefined
    : (fileName: string): string | null => {
        const path = join(sourcesDir, fileName);
        return existsSync(path) ? readFileSync(path, 'utf8') : null;
      };

let errorCount = 0;
for (const file of files) {
  let problems: Problem[];
  if (!existsSync(file)) {
    problems = [{ severity: 'error', line: 1, column: 1, path: '', message: 'no such file' }];
  } else if (statSync(file).size > MAX_GRAPH_FILE_BYTES) {
    // Refuse before reading, so a huge file cannot exhaust memory.
    const megabytes = (n: number) => (n / 1024 / 1024).toFixed(1);
    problems = [
      {
        severity: 'error',
        line: 1,
        column: 1,
        path: '',
        message: `the file is ${megabytes(statSync(file).size)} MB; the limit is ${megabytes(MAX_GRAPH_FILE_BYTES)} MB`,
      },
    ];
  } else {
    problems = parseGraph(readFileSync(file, 'utf8'), { archiveText }).problems;
  }
  for (const problem of problems) console.log(formatProblem(file, problem));
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  errorCount += errors;
  const checkedQuotes = sourcesDir === undefined ? '' : `, quotes checked against ${sourcesDir}`;
  console.log(`${file}: ${errors} error(s), ${warnings} warning(s)${checkedQuotes}`);
}
process.exit(errorCount > 0 ? 1 : 0);
