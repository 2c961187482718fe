import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem, MAX_GRAPH_FILE_BYTES, type ParseOptions, parseGraph } from '../../src/model/validate.ts';
import { itWithLargeInput } from './timeouts.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const fixtureArchives: ParseOptions = {
  archiveText: (name) => (existsSync(join(FIXTURES, name)) ? readFileSync(join(FIXTURES, name), 'utf8') : null),
};

/** The problems an analyst would read for a fixture, as the command line prints them. */
function reportFor(fixture: string, options: ParseOptions = {}): string[] {
  const text = readFileSync(join(FIXTURES, fixture), 'utf8');
  return parseGraph(text, options).problems.map((problem) => formatProblem(fixture, problem));
}

describe('parseGraph on valid files', () => {
  it('accepts the minimal fixture, quotes included, and returns the typed graph', () => {
    const result = parseGraph(readFileSync(join(FIXTURES, 'minimal.json'), 'utf8'), fixtureArchives);
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.graph.actors.map((actor) => actor.id)).toEqual(['khazali', 'attack']);
      expect(result.graph.relations[0]?.evidence[0]?.credibility).toBe(3);
    }
  });

  it('accepts a file with only warnings, and lists the warnings', () => {
    const text = readFileSync(join(FIXTURES, 'broken/warnings-only.json'), 'utf8');
    expect(parseGraph(text).ok).toBe(true);
    expect(reportFor('broken/warnings-only.json')).toEqual([
      'broken/warnings-only.json:19:5 actors[2]: warning: "Esmail Qaani" takes part in no relation',
      'broken/warnings-only.json:23:5 relations[1]: warning: a second "denied" relation from "khazali" to "attack" ' +
        '(the first is relations[0] "khazali-denied-attack"): consider merging their evidence into one relation',
      // "met" is undirected, so attack-met-khazali repeats khazali-met-attack
      'broken/warnings-only.json:25:5 relations[3]: warning: a second "met" relation from "attack" to "khazali" ' +
        '(the first is relations[2] "khazali-met-attack"): consider merging their evidence into one relation',
    ]);
  });
});

describe('parseGraph reports every problem with line:column and path', () => {
  it('invalid JSON, with the position of each mistake', () => {
    expect(reportFor('broken/invalid-json.json')).toEqual([
      'broken/invalid-json.json:4:3 invalid JSON: expected "," between items',
      'broken/invalid-json.json:5:28 invalid JSON: a comma before "}" is not allowed in JSON: remove the last ","',
    ]);
  });

  it('an empty file', () => {
    expect(parseGraph('').problems.map((p) => formatProblem('x.json', p))).toEqual([
      'x.json:1:1 invalid JSON: expected a value',
    ]);
  });

  it('a field given twice in one object', () => {
    expect(reportFor('broken/duplicate-key.json')).toContain(
      'broken/duplicate-key.json:3:3 title: the field "title" appears twice in this object',
    );
  });

  it('schema violations: missing and unknown fields, wrong types, bad ids, enums, non-http links', () => {
    expect(reportFor('broken/schema-violations.json')).toEqual([
      'broken/schema-violations.json:1:1 missing the required field "title"',
      'broken/schema-violations.json:13:113 sources[0].reliability: "G" is not allowed here: use one of "A", "B", ' +
        '"C", "D", "E", "F" (Admiralty code: A completely reliable ... E unreliable, F cannot be judged)',
      'broken/schema-violations.json:13:149 sources[0].url: "javascript:alert(1)" is not an http(s) link: only ' +
        'http:// and https:// URLs are allowed',
      'broken/schema-violations.json:16:5 actors[0]: missing the required field "label"',
      'broken/schema-violations.json:16:166 actors[0].lable: unknown field "lable" (did you mean "label"?)',
      'broken/schema-violations.json:17:5 actors[1]: warning: "Drone attack" takes part in no relation',
      'broken/schema-violations.json:17:12 actors[1].id: "Drone_Attack" is not a valid id: use lowercase letters, ' +
        'digits and "-" (like "kataib-hezbollah")',
      'broken/schema-violations.json:20:80 relations[0].to: no actor "attack"',
      'broken/schema-violations.json:20:247 relations[0].evidence[0].credibility: should be a whole number, not text',
    ]);
  });

  it('duplicate ids in every list', () => {
    expect(reportFor('broken/duplicate-ids.json')).toEqual([
      'broken/duplicate-ids.json:8:12 actorKinds[2].id: duplicate actor kind id "person" (already used by ' +
        'actorKinds[0] on line 6)',
      'broken/duplicate-ids.json:13:12 relationTypes[2].id: duplicate relation type id "met" (already used by ' +
        'relationTypes[1] on line 12)',
      'broken/duplicate-ids.json:17:12 sources[1].id: duplicate source id "paper" (already used by sources[0] on ' +
        'line 16)',
      'broken/duplicate-ids.json:22:12 actors[2].id: duplicate actor id "khazali" (already used by actors[0] on ' +
        'line 20)',
      'broken/duplicate-ids.json:26:12 relations[1].id: duplicate relation id "khazali-denied-attack" (already used ' +
        'by relations[0] on line 25)',
    ]);
  });

  it('unknown actors, kinds, types and sources, with a suggestion when one is close', () => {
    expect(reportFor('broken/unknown-references.json')).toEqual([
      'broken/unknown-references.json:17:93 actors[0].evidence[0].source: no source "newspaper"',
      'broken/unknown-references.json:18:55 actors[1].kind: no actor kind "events" (did you mean "event"?)',
      'broken/unknown-references.json:21:45 relations[0].type: no relation type "denies" (did you mean "denied"?)',
      'broken/unknown-references.json:21:80 relations[0].to: no actor "khazaly" (did you mean "khazali"?)',
      'broken/unknown-references.json:22:46 relations[1].from: no actor "qaani"',
    ]);
  });

  it('impossible dates and ranges that end before they start', () => {
    expect(reportFor('broken/impossible-dates.json')).toEqual([
      'broken/impossible-dates.json:4:14 updated: "2026-13-01" has no month 13 (months run 01 to 12)',
      'broken/impossible-dates.json:21:98 relations[0].date: "2021-02-30" is not a real day (2021-02 has 28 days)',
      'broken/impossible-dates.json:22:80 relations[1].date: the range "2021-11-07/2021-10" ends before it starts',
    ]);
  });

  it('empty and blank quotes', () => {
    expect(reportFor('broken/empty-quotes.json')).toEqual([
      'broken/empty-quotes.json:17:111 actors[0].evidence[0].quote: the quote is empty: copy the exact words from ' +
        'the source',
      'broken/empty-quotes.json:21:151 relations[0].evidence[0].quote: the quote is empty: copy the exact words ' +
        'from the source',
    ]);
  });

  it('relations without evidence: an empty list or none at all', () => {
    expect(reportFor('broken/relation-without-evidence.json')).toEqual([
      'broken/relation-without-evidence.json:21:121 relations[0].evidence: has no evidence: every actor and ' +
        'relation needs at least one evidence item',
      'broken/relation-without-evidence.json:22:5 relations[1]: has no "evidence": every actor and relation needs ' +
        'at least one evidence item',
    ]);
  });

  itWithLargeInput('a file over the size limit is refused before parsing', () => {
    const text = `{"title": "${'x'.repeat(MAX_GRAPH_FILE_BYTES)}"}`;
    const result = parseGraph(text);
    expect(result.problems.map((p) => formatProblem('big.json', p))).toEqual([
      'big.json:1:1 the file is 128.1 MB; the explorer opens files of at most 128 MB: ' +
        'split the graph, or filter it before export',
    ]);
    expect(result.problems[0]?.severity).toBe('error');
    expect(result.ok).toBe(false);
    expect(result.stoppedEarly).toBe(true);
  });

  it('a quote that is not verbatim in its archived source, with the closest passage', () => {
    expect(reportFor('broken/quote-not-verbatim.json', fixtureArchives)).toEqual([
      'broken/quote-not-verbatim.json:21:151 relations[0].evidence[0].quote: the quote is not verbatim in ' +
        '"paper.txt"; the closest passage is "He denied any role."',
    ]);
  });

  it('a source whose archived copy is missing', () => {
    const text = readFileSync(join(FIXTURES, 'minimal.json'), 'utf8');
    const problems = parseGraph(text, { archiveText: () => null }).problems.map((p) => formatProblem('m.json', p));
    expect(problems).toEqual(['m.json:14:130 sources[0].archive: the archived copy "paper.txt" was not found']);
  });
});

describe('the shipped graph', () => {
  const shipped = join(import.meta.dirname, '..', '..', 'graph', 'kadhimi-2021.json');
  const sourcesDir = join(import.meta.dirname, '..', '..', '..', 'shared', 'sources');

  it('is valid, with no errors and no warnings', () => {
    const result = parseGraph(readFileSync(shipped, 'utf8'));
    expect(result.problems.map((p) => formatProblem('kadhimi-2021.json', p))).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it.runIf(existsSync(sourcesDir))('quotes every source verbatim (checked against ../shared/sources)', () => {
    const archiveText = (name: string) =>
      existsSync(join(sourcesDir, name)) ? readFileSync(join(sourcesDir, name), 'utf8') : null;
    const result = parseGraph(readFileSync(shipped, 'utf8'), { archiveText });
    expect(result.problems.map((p) => formatProblem('kadhimi-2021.json', p))).toEqual([]);
  });
});
