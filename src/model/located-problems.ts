// Puts problems found by JSON path at their place in the file.
import type { JsonLocator } from './json-text.ts';
import type { JsonPath, MessageText, ProblemCollector, Severity } from './problems.ts';

export class LocatedProblems {
  constructor(
    readonly collector: ProblemCollector,
    private readonly locator: JsonLocator,
  ) {}

  /** At the value found at `path` (or the nearest enclosing value that exists). */
  at(severity: Severity, path: JsonPath, kind: string, message: MessageText): void {
    this.collector.add(severity, this.locator.valueOffset(path), path, kind, message);
  }

  /** At the field name `key` of the object at `path` (for fields that should not be there). */
  atKey(severity: Severity, path: JsonPath, key: string, kind: string, message: MessageText): void {
    this.collector.add(severity, this.locator.keyOffset(path, key), [...path, key], kind, message);
  }

  atOffset(severity: Severity, offset: number, path: JsonPath, kind: string, message: MessageText): void {
    this.collector.add(severity, offset, path, kind, message);
  }

  offsetOf(path: JsonPath): number {
    return this.locator.valueOffset(path);
  }

  /** The value at `path` as written in the file, e.g. "1e400" where JSON.parse gives Infinity. */
  writtenValue(path: JsonPath): string {
    return this.locator.writtenValue(path);
  }

  get shouldStop(): boolean {
    return this.collector.shouldStop;
  }
}
