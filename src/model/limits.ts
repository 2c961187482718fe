// How big a graph file may be. A file over a limit is refused with one clear
// problem instead of costing the explorer minutes and gigabytes. The counts and
// lengths are also in graph/schema.json (maxItems, maxLength) so that editors
// show them; tests/model/validate-limits.test.ts keeps the two in step.

/** Larger files are refused before parsing; 20 MB holds well over 10,000 actors with evidence. */
export const MAX_GRAPH_FILE_BYTES = 20 * 1024 * 1024;

export const GRAPH_LIMITS = {
  fileBytes: MAX_GRAPH_FILE_BYTES,
  /** Lists and objects inside each other; a graph file needs 5 (top, actors, actor, evidence, item). */
  depth: 32,
  actors: 10_000,
  relations: 50_000,
  sources: 2_000,
  actorKinds: 200,
  relationTypes: 200,
  evidencePerItem: 500,
  /** Saved positions in the layout block: one per actor at most. */
  positions: 10_000,
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
