// A graph as the text of its file, as the editor saves it: fields in the order
// graph/schema.json lists them (fields it does not know after them, in their own
// order), two-space indentation and a final newline, so that saving a file an
// analyst did not change gives back the same bytes, and a change shows in a diff
// as just that change.

import type { Graph } from './graph.ts';

/** How one kind of object is written: its fields' order, and how some fields' values are written. */
interface Shape {
  /** Field order: graph/schema.json's `properties` (tests/model/graph-json.test.ts keeps the two in step). */
  fields?: readonly string[];
  /** The shape of a field's value; of each item for a list. */
  of?: Readonly<Record<string, Shape>>;
  /** A list's items. */
  items?: Shape;
  /** A map (the layout's positions): the order of its keys, and the shape of each value. */
  keys?: (map: Record<string, unknown>) => string[];
  values?: Shape;
}

/** Field orders, by the schema's name of each object. */
export const FIELD_ORDER = {
  graph: [
    '$schema',
    'title',
    'description',
    'updated',
    'actorKinds',
    'relationTypes',
    'sources',
    'actors',
    'relations',
    'layout',
  ],
  actorKind: ['id', 'label', 'color', 'shape'],
  relationType: ['id', 'label', 'inverseLabel', 'definition', 'directed', 'contested', 'family', 'color'],
  source: ['id', 'title', 'publisher', 'author', 'published', 'url', 'reliability', 'archive', 'note'],
  actor: ['id', 'label', 'kind', 'aliases', 'summary', 'disputed', 'evidence'],
  relation: ['id', 'type', 'from', 'to', 'date', 'summary', 'disputed', 'answers', 'evidence'],
  evidenceItem: ['source', 'quote', 'attributedTo', 'claimant', 'stance', 'credibility', 'note'],
  layout: ['positions'],
  position: ['x', 'y'],
} as const satisfies Record<string, readonly string[]>;

const EVIDENCE_ITEM: Shape = { fields: FIELD_ORDER.evidenceItem };

/** The text of the graph's file. */
export function graphToJson(graph: Graph): string {
  // Positions in the order of the actors, so that the file reads like the actors list
  // and does not change with the order in which actors were moved.
  const positionKeys = (positions: Record<string, unknown>): string[] => {
    const actorIds = graph.actors.map((actor) => actor.id).filter((id) => Object.hasOwn(positions, id));
    const listed = new Set(actorIds);
    return [...actorIds, ...Object.keys(positions).filter((id) => !listed.has(id))];
  };
  const shape: Shape = {
    fields: FIELD_ORDER.graph,
    of: {
      actorKinds: { items: { fields: FIELD_ORDER.actorKind } },
      relationTypes: { items: { fields: FIELD_ORDER.relationType } },
      sources: { items: { fields: FIELD_ORDER.source } },
      actors: { items: { fields: FIELD_ORDER.actor, of: { evidence: { items: EVIDENCE_ITEM } } } },
      relations: { items: { fields: FIELD_ORDER.relation, of: { evidence: { items: EVIDENCE_ITEM } } } },
      layout: {
        fields: FIELD_ORDER.layout,
        of: { positions: { keys: positionKeys, values: { fields: FIELD_ORDER.position } } },
      },
    },
  };
  return `${write(graph, shape, '')}\n`;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Written as JSON.stringify(value, null, 2) writes it, but with the fields in the shape's order. */
function write(value: unknown, shape: Shape | undefined, indent: string): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const inner = `${indent}  `;
    // JSON.stringify writes null for what JSON cannot hold in a list.
    const items = value.map((item) => `${inner}${written(item) ? write(item, shape?.items, inner) : 'null'}`);
    return `[\n${items.join(',\n')}\n${indent}]`;
  }
  if (isObject(value)) {
    const keys = shape?.keys ? shape.keys(value) : orderedKeys(value, shape?.fields ?? []);
    const inner = `${indent}  `;
    const fields = keys
      .filter((key) => written(value[key]))
      .map((key) => {
        const fieldShape = shape?.values ?? shape?.of?.[key];
        return `${inner}${JSON.stringify(key)}: ${write(value[key], fieldShape, inner)}`;
      });
    return fields.length === 0 ? '{}' : `{\n${fields.join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Whether JSON.stringify writes a field with this value (it leaves out undefined and functions). */
function written(value: unknown): boolean {
  return value !== undefined && typeof value !== 'function' && typeof value !== 'symbol';
}

/** The known fields in their order, then the others in the object's own order. */
function orderedKeys(value: Record<string, unknown>, fields: readonly string[]): string[] {
  const known = fields.filter((field) => Object.hasOwn(value, field));
  const others = Object.keys(value).filter((key) => !fields.includes(key));
  return [...known, ...others];
}
