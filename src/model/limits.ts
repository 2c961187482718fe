// How big a graph file may be. A file over a limit is refused with one clear
// problem instead of costing the explorer minutes and gigabytes. The counts and
// lengths are also in graph/schema.json (maxItems, maxLength) so that editors
// show them; tests/model/validate-generated.test.ts keeps the two in step.
//
// The counts come first: they say what the explorer is for (25,000 actors), and
// the file size follows from what such a graph takes. Measured in Debian's
// Chromium on a busy 2-core machine, with graphs from scripts/generate-graph.ts
// written with JSON.stringify(graph, null, 2) (about 0.9 KB per actor and per
// relation with its evidence, as in the shipped graph):
//
//   actors / relations   file     check in the worker   worker heap   page heap with the graph
//   20,000 /  40,000      51 MB   2.4-7.5 s              70 MB         50 MB
//   30,000 /  60,000      76 MB   6.4-9.2 s              117 MB        72 MB
//   50,000 / 100,000     127 MB   13-16 s                178 MB        119 MB
//   25,000 / 100,000     109 MB   5.4-5.9 s              155 MB        104 MB
//  100,000 / 200,000     251 MB   12 s                   320 MB        234 MB
//
// (Node, which can tell the peak, needs 2.7 times the file while checking.) Memory
// is not what runs out first: past 512 MB Chromium's TextDecoder returns an empty
// string (V8's longest string), and well before that the check takes tens of
// seconds and the drawing of the graph many more.

/**
 * Larger files are refused at once: 128 MB holds 25,000 actors and
 * 100,000 relations with their evidence, written with indentation (109 MB), with
 * room to spare, and is a quarter of the 512 MB a browser can decode at all.
 */
export const MAX_GRAPH_FILE_BYTES = 128 * 1024 * 1024;

/**
 * Spreadsheets to import (CSV, XLSX) stay at 20 MB: a CSV is read on the main
 * thread, and a workbook unpacks to several times its size.
 */
export const MAX_SHEET_FILE_BYTES = 20 * 1024 * 1024;

export const GRAPH_LIMITS = {
  fileBytes: MAX_GRAPH_FILE_BYTES,
  /** Lists and objects inside each other; a graph file needs 5 (top, actors, actor, evidence, item). */
  depth: 32,
  /** What issue 12 asks for, 20,000 actors, and a quarter more. */
  actors: 25_000,
  /**
   * Four per actor: generated graphs have two, the shipped graph almost two, and a
   * dense real graph more; 100,000 with evidence is most of the 128 MB.
   */
  relations: 100_000,
  sources: 2_000,
  actorKinds: 200,
  relationTypes: 200,
  evidencePerItem: 500,
  /** Saved positions in the layout block: one per actor at most. */
  positions: 25_000,
  /** A saved position's x and y lie within ± this; a drawing is a few thousand units wide. */
  coordinate: 10_000_000,
  /** Not in the original brief: without it one actor could carry a million aliases, each an error. */
  aliasesPerActor: 100,
  /** The widest object in the format has 10 fields; more than 50 is not a graph file. */
  fieldsPerObject: 50,
  /**
   * 250, not 100: a relation's id is customarily FROM-TYPE-TO (as in the shipped
   * graph and the generator), so it must hold two long actor ids and a type.
   */
  idLength: 250,
  /** Labels, aliases, publishers, authors. */
  labelLength: 200,
  /** Titles and who a claim is attributed to. */
  titleLength: 300,
  /** Quotes, summaries, descriptions, disputes, notes, definitions. */
  textLength: 10_000,
  urlLength: 2_000,
  /** An archive's file name; most file systems stop at 255. */
  archiveNameLength: 255,
  /** Problems listed; further ones are counted. */
  problems: 200,
  /** Checking stops once this many problems are found: such a file is not fixed by reading a list. */
  problemsBeforeStopping: 10_000,
} as const;

export const MAX_REPORTED_PROBLEMS = GRAPH_LIMITS.problems;
