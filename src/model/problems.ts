// Problems found in a graph file: their shape, how they are printed, and the
// collector that keeps at most GRAPH_LIMITS.problems of them. A hostile file can
// hold millions of mistakes; the collector lists the first ones (errors before
// warnings, then by position), counts the rest by kind, and says when checking
// should stop.
import { GRAPH_LIMITS } from './limits.ts';
import { LineIndex } from './line-index.ts';

export type Severity = 'error' | 'warning';
export type JsonPath = (string | number)[];

export interface Problem {
  severity: Severity;
  /** 1-based */
  line: number;
  /** 1-based */
  column: number;
  /** "relations[3].to"; "" for the whole file */
  path: string;
  message: string;
}

export interface ParseReport {
  /** At most MAX_REPORTED_PROBLEMS problems, in the order of the file. */
  problems: Problem[];
  /** Further problems found and not listed. */
  omitted: number;
  /** The kinds of the omitted problems in words ("unknown field"), the most frequent first. */
  omittedKinds: string[];
  /** Checking stopped before every check ran: the file is hopeless until the listed problems are fixed. */
  stoppedEarly: boolean;
}

// ---------------------------------------------------------------------------
// Printing safely: nothing from a file may drive a terminal or reorder text.

/** C0, DEL, C1, lone surrogates, and the characters that reorder or break lines (bidi controls, U+2028/9). */
function mustEscape(code: number): boolean {
  return (
    code < 0x20 ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x061c ||
    code === 0x200e ||
    code === 0x200f ||
    (code >= 0x2028 && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  );
}

function isLoneSurrogate(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code >= 0xd800 && code <= 0xdbff) {
    const next = text.charCodeAt(index + 1);
    return !(next >= 0xdc00 && next <= 0xdfff);
  }
  if (code >= 0xdc00 && code <= 0xdfff) {
    const previous = text.charCodeAt(index - 1);
    return !(previous >= 0xd800 && previous <= 0xdbff);
  }
  return false;
}

/** Replaces control, bidi and line-separator characters with visible escapes such as \u001b. */
export function escapeControlCharacters(text: string): string {
  let escaped = '';
  let copiedUpTo = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (mustEscape(code) || isLoneSurrogate(text, index)) {
      escaped += `${text.slice(copiedUpTo, index)}\\u${code.toString(16).padStart(4, '0')}`;
      copiedUpTo = index + 1;
    }
  }
  return escaped + text.slice(copiedUpTo);
}

/** Values quoted in messages are cut to this many characters: a 10 MB label must not become a 10 MB message. */
const SHOWN_VALUE_CHARACTERS = 80;

/** The start of a text, cut at a character boundary, with "…" when something was cut. */
export function shortened(text: string, maxCharacters: number = SHOWN_VALUE_CHARACTERS): string {
  if (text.length <= maxCharacters) return text;
  let end = maxCharacters;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--; // do not split a surrogate pair
  return `${text.slice(0, end)}…`;
}

/**
 * Characters a reader cannot see in a quoted value: format characters (zero-width
 * space, word joiner, byte-order mark), spaces other than " ", and a combining
 * mark just after the opening quote, with nothing of the value to combine with.
 */
const INVISIBLE_IN_QUOTED_VALUE = /(?<=^")\p{M}|(?! )[\p{Cf}\p{Zs}]/gu;

function escapeCodePoint(character: string): string {
  const code = character.codePointAt(0) ?? 0;
  return code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * A value from the file, quoted for a message: JSON-quoted, shortened, and with
 * control, bidi and invisible characters written as escapes, so that a message
 * shows what is really there and cannot drive a terminal.
 */
export function quoteValue(value: unknown): string {
  if (typeof value === 'string') {
    const quoted = JSON.stringify(shortened(value)).replace(INVISIBLE_IN_QUOTED_VALUE, escapeCodePoint);
    return escapeControlCharacters(quoted);
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return describeType(value);
}

export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return 'text';
  return `a ${typeof value}`; // a number, a boolean
}

export function formatJsonPath(path: JsonPath): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(segment)) text += text === '' ? segment : `.${segment}`;
    else text += `[${JSON.stringify(shortened(segment))}]`;
  }
  return escapeControlCharacters(text);
}

/** "graph/x.json:42:13 relations[3].to: no actor ..." (warnings say so after the path). */
export function formatProblem(fileName: string, problem: Problem): string {
  const where = problem.path === '' ? '' : ` ${escapeControlCharacters(problem.path)}:`;
  const severity = problem.severity === 'warning' ? ' warning:' : '';
  const file = escapeControlCharacters(fileName);
  return `${file}:${problem.line}:${problem.column}${where}${severity} ${escapeControlCharacters(problem.message)}`;
}

/** What describeOmitted says of a check that stopped early. */
export const STOPPED_EARLY = 'checking stopped early: fix these problems, then check again for any others';

/** "and 999,800 more problems of the same kinds (missing field, unknown field)", or null when nothing was left out. */
export function describeOmitted(report: ParseReport): string | null {
  const parts: string[] = [];
  if (report.omitted > 0) {
    const count = report.omitted.toLocaleString('en');
    const noun = report.omitted === 1 ? 'problem' : 'problems';
    const kinds = report.omittedKinds.length === 1 ? 'kind' : 'kinds';
    parts.push(`and ${count} more ${noun} of the same ${kinds} (${report.omittedKinds.join(', ')})`);
  }
  if (report.stoppedEarly) parts.push(STOPPED_EARLY);
  return parts.length === 0 ? null : parts.join('; ');
}

// ---------------------------------------------------------------------------
// Collecting

/**
 * A message, or a function that writes it once the problem is sure to be listed:
 * suggestions and closest passages cost time, so they are only worked out for
 * the problems that are shown. `lineAt` turns an offset into a line number.
 */
export type MessageText = string | ((lineAt: (offset: number) => number) => string);

interface Finding {
  severity: Severity;
  /** Offset in the text; turned into line:column only for listed problems. */
  offset: number;
  path: JsonPath;
  kind: string;
  message: MessageText;
  /** Order of discovery, so that problems at one place keep the order they were found in. */
  sequence: number;
}

/** Errors before warnings, then by position: the problems an analyst should see first. */
function compareFindings(a: Finding, b: Finding): number {
  const severity = (a.severity === 'error' ? 0 : 1) - (b.severity === 'error' ? 0 : 1);
  return severity || a.offset - b.offset || a.sequence - b.sequence;
}

export class ProblemCollector {
  private kept: Finding[] = [];
  /** Once the list is full, the last finding it keeps: anything ranked after it is only counted. */
  private cutoff: Finding | undefined;
  private found = 0;
  private errors = 0;
  private readonly kindCounts = new Map<string, number>();
  private stopped = false;

  constructor(private readonly maxListed: number = GRAPH_LIMITS.problems) {}

  add(severity: Severity, offset: number, path: JsonPath, kind: string, message: MessageText): void {
    const finding: Finding = { severity, offset, path, kind, message, sequence: this.found };
    this.found++;
    if (severity === 'error') this.errors++;
    this.kindCounts.set(kind, (this.kindCounts.get(kind) ?? 0) + 1);
    if (this.cutoff && compareFindings(finding, this.cutoff) > 0) return;
    this.kept.push(finding);
    // Sorting only now and then keeps adding cheap: n log(limit) for n findings.
    if (this.kept.length >= 2 * this.maxListed) this.compact();
  }

  private compact(): void {
    this.kept.sort(compareFindings);
    this.kept.length = Math.min(this.kept.length, this.maxListed);
    this.cutoff = this.kept.length === this.maxListed ? this.kept[this.kept.length - 1] : undefined;
  }

  get hasErrors(): boolean {
    return this.errors > 0;
  }

  /** Checks call this between items: true once the file is hopeless, so the rest is not worth checking. */
  get shouldStop(): boolean {
    return this.stopped || this.found >= GRAPH_LIMITS.problemsBeforeStopping;
  }

  /** Stops checking: what was found makes further checks meaningless or too costly. */
  stop(): void {
    this.stopped = true;
  }

  /** The listed problems with their line and column in `text`, and what was left out. */
  report(text: string): ParseReport {
    this.compact();
    let lines: LineIndex | undefined;
    const position = (offset: number) => {
      lines ??= new LineIndex(text);
      return lines.position(offset);
    };
    const lineAt = (offset: number) => position(offset).line;
    const listed = [...this.kept].sort((a, b) => a.offset - b.offset || a.sequence - b.sequence);
    const problems = listed.map(
      (finding): Problem => ({
        severity: finding.severity,
        ...position(finding.offset),
        path: formatJsonPath(finding.path),
        message: typeof finding.message === 'string' ? finding.message : finding.message(lineAt),
      }),
    );
    const remainingByKind = new Map(this.kindCounts);
    for (const finding of listed) remainingByKind.set(finding.kind, (remainingByKind.get(finding.kind) ?? 0) - 1);
    const omittedKinds = [...remainingByKind.entries()]
      .filter(([, count]) => count > 0)
      .sort(([kindA, countA], [kindB, countB]) => countB - countA || kindA.localeCompare(kindB))
      .map(([kind]) => kind);
    return { problems, omitted: this.found - listed.length, omittedKinds, stoppedEarly: this.shouldStop };
  }
}
