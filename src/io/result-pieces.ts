// A checked graph goes back from the parse worker to the page in pieces. The
// page deserialises a message in one task: in one message, a 20,000-actor graph
// (51 MB file) blocked it for 0.5 to 1.3 s, and 25,000 actors with 100,000
// relations for 1.1 to 1.5 s (Chromium, a busy 2-core machine, three runs each).
// In pieces of 1,000 the longest task took 71 ms and 161 ms (a garbage collection
// among them); between them the page answers the analyst. The last message is
// the result itself, its two long lists empty.

import type { Actor, Relation } from '../model/graph.ts';
import type { ParseResult } from '../model/validate.ts';

/** Actors or relations per message: about 40 ms each to receive, under the 50 ms of a "long task". */
export const ITEMS_PER_PIECE = 1_000;

export type ResultPiece =
  | { type: 'items'; list: 'actors'; items: Actor[] }
  | { type: 'items'; list: 'relations'; items: Relation[] };

/** The graph's actors and relations in pieces, in order, and the result without them. */
export function splitResult(result: ParseResult): { pieces: ResultPiece[]; rest: ParseResult } {
  if (!result.ok) return { pieces: [], rest: result };
  const { actors, relations } = result.graph;
  const pieces: ResultPiece[] = [];
  for (let start = 0; start < actors.length; start += ITEMS_PER_PIECE)
    pieces.push({ type: 'items', list: 'actors', items: actors.slice(start, start + ITEMS_PER_PIECE) });
  for (let start = 0; start < relations.length; start += ITEMS_PER_PIECE)
    pieces.push({ type: 'items', list: 'relations', items: relations.slice(start, start + ITEMS_PER_PIECE) });
  return { pieces, rest: { ...result, graph: { ...result.graph, actors: [], relations: [] } } };
}

/** Puts the pieces back, as they arrive, into the result that follows them. */
export class ResultAssembler {
  private readonly actors: Actor[] = [];
  private readonly relations: Relation[] = [];

  add(piece: ResultPiece): void {
    // One by one: a spread of the items would be a call with a thousand arguments.
    if (piece.list === 'actors') for (const actor of piece.items) this.actors.push(actor);
    else for (const relation of piece.items) this.relations.push(relation);
  }

  finish(rest: ParseResult): ParseResult {
    if (!rest.ok) return rest;
    return { ...rest, graph: { ...rest.graph, actors: this.actors, relations: this.relations } };
  }
}
