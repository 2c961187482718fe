// Graph model -> Cytoscape element JSON. Pure: data only, no cy instance.
// Everything the stylesheet reads is element data; state (hidden, dimmed,
// selected) is classes, toggled by the controller, so updating an element's
// data never touches its state.

import type { ElementDefinition } from 'cytoscape';
import { corroborationOf, type Strength } from '../model/corroboration.ts';
import type { Graph } from '../model/graph.ts';
import {
  defaultKindStyle,
  FAMILIES,
  kindStyles,
  type RelationFamily,
  typeStyles,
  UNKNOWN_TYPE_COLOR,
} from '../model/palette.ts';
import { DRAFT_ABOVE_NODES } from './layout.ts';

/**
 * Longest label drawn on the canvas, in characters: a longer one is cut with
 * an ellipsis (the panel and the tooltip show it whole). With long words
 * broken (below), a label can never stretch a node's box across the picture.
 */
export const MAX_DRAWN_LABEL = 60;
/** Words longer than this get a break opportunity every so many characters. */
const MAX_UNBROKEN_WORD = 18;
const ZERO_WIDTH_SPACE = '\u200b';

export interface NodeData {
  id: string;
  label: string;
  kind: string;
  color: string;
  shape: string;
}

export interface EdgeData {
  id: string;
  source: string;
  target: string;
  type: string;
  label: string;
  color: string;
  /** The type's family: the stylesheet draws its line (dashes, arrowhead, weight). */
  family: RelationFamily;
  directed: boolean;
  /** Part of a large graph: drawn straight, sparing Cytoscape the bundling of parallel edges. */
  bulk: boolean;
  /** How well the relation is corroborated (corroboration.ts): drawn by the line's weight and opacity. */
  strength: Strength;
  /** The family's line weight times the strength's factor, px. */
  width: number;
}

/** Line weight by corroboration: two independent sources draw thicker than one, a weak one thinner. */
export const STRENGTH_WIDTH: Record<Strength, number> = { corroborated: 1.75, single: 1, weak: 0.7, contradicted: 0.7 };
/** Line opacity by corroboration: weak relations fade, relations only contradicted fade more. */
export const STRENGTH_OPACITY: Record<Strength, number> = { corroborated: 1, single: 1, weak: 0.55, contradicted: 0.3 };

/**
 * The label as drawn: cut to MAX_DRAWN_LABEL characters, and with invisible
 * break opportunities inside very long words (Cytoscape wraps at whitespace
 * and at zero-width spaces only; wrapping "anywhere" would break every label
 * mid-word).
 */
export function drawnLabel(label: string): string {
  const trimmed = label.trim();
  const cut = trimmed.length <= MAX_DRAWN_LABEL ? trimmed : `${trimmed.slice(0, MAX_DRAWN_LABEL - 1).trimEnd()}…`;
  const longWord = new RegExp(`[^\\s]{${MAX_UNBROKEN_WORD + 1},}`, 'gu');
  const chunk = new RegExp(`.{1,${MAX_UNBROKEN_WORD}}`, 'gu');
  return cut.replace(longWord, (word) => (word.match(chunk) ?? [word]).join(ZERO_WIDTH_SPACE));
}

export function graphToElements(graph: Graph): ElementDefinition[] {
  const kinds = kindStyles(graph);
  const types = typeStyles(graph);
  const typeLabels = new Map(graph.relationTypes.map((type) => [type.id, type.label]));
  const sourceById = new Map(graph.sources.map((source) => [source.id, source]));
  // Large graphs are an overview: straight edges spare Cytoscape the bundling
  // of parallel edges, whose cost grows with the square of a hub's degree.
  const bulk = graph.actors.length > DRAFT_ABOVE_NODES;
  const nodes: ElementDefinition[] = graph.actors.map((actor) => {
    const style = kinds.get(actor.kind) ?? defaultKindStyle(0);
    const data: NodeData = {
      id: actor.id,
      label: drawnLabel(actor.label),
      kind: actor.kind,
      color: style.color,
      shape: style.shape,
    };
    return { group: 'nodes', data };
  });
  const edges: ElementDefinition[] = graph.relations.map((relation) => {
    const style = types.get(relation.type);
    const family = style?.family ?? 'other';
    const { strength } = corroborationOf(relation.evidence, sourceById);
    const data: EdgeData = {
      id: relation.id,
      source: relation.from,
      target: relation.to,
      type: relation.type,
      label: drawnLabel(typeLabels.get(relation.type) ?? relation.type),
      color: style?.color ?? UNKNOWN_TYPE_COLOR,
      family,
      directed: style?.directed ?? true,
      bulk,
      strength,
      width: Number((FAMILIES[family].width * STRENGTH_WIDTH[strength]).toFixed(2)),
    };
    return { group: 'edges', data };
  });
  return [...nodes, ...edges];
}
