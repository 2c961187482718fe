// The STIX export checked against the STIX 2.1 rules that apply to the objects it writes (OASIS Standard, 2021):
// common properties (3.2), id format (2.9), timestamps (2.14: RFC 3339, UTC, "Z"), the required properties of
// identity (4.5), threat-actor (4.17), intrusion-set (4.9), report (4.14), opinion (4.12), relationship (5.1),
// and bundle (8); references must point at objects in the bundle.
import { describe, expect, it } from 'vitest';
import type { ExportScope } from '../../src/model/export-scope.ts';
import {
  ADMIRALTY_CONFIDENCE,
  DEFAULT_STIX_KIND_MAPPING,
  type StixObject,
  stixRelationshipType,
  toStixBundle,
} from '../../src/model/export-stix.ts';
import type { Graph } from '../../src/model/graph.ts';
import { loadShippedGraph } from './shipped.ts';

const graph = loadShippedGraph();
const everything: ExportScope = { kept: null, description: 'everything', exportedAt: '2026-11-29T10:15:00Z' };

const ID = /^[a-z][a-z0-9-]+--[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const REQUIRED: Record<string, string[]> = {
  identity: ['name'],
  'threat-actor': ['name'],
  'intrusion-set': ['name'],
  report: ['name', 'published', 'object_refs'],
  opinion: ['opinion', 'object_refs'],
  relationship: ['relationship_type', 'source_ref', 'target_ref'],
};
const OPINIONS = ['strongly-disagree', 'disagree', 'neutral', 'agree', 'strongly-agree'];

interface Bundle {
  type: string;
  id: string;
  objects: StixObject[];
  spec_version?: unknown;
}

/** Every rule broken, as "id: what is wrong"; empty for a valid bundle. */
function stixProblems(bundle: Bundle): string[] {
  const problems: string[] = [];
  if (bundle.type !== 'bundle') problems.push('bundle: type is not "bundle"');
  if (!ID.test(bundle.id) || !bundle.id.startsWith('bundle--')) problems.push(`bundle: bad id ${bundle.id}`);
  if ('spec_version' in bundle) problems.push('bundle: a 2.1 bundle has no spec_version');
  const ids = new Set(bundle.objects.map((object) => object.id));
  if (ids.size !== bundle.objects.length) problems.push('bundle: ids repeat');
  const isRef = (value: unknown) => typeof value === 'string' && ids.has(value);
  for (const object of bundle.objects) {
    const where = `${object.id}:`;
    if (!ID.test(object.id) || !object.id.startsWith(`${object.type}--`)) problems.push(`${where} bad id`);
    if (object.spec_version !== '2.1') problems.push(`${where} spec_version is not "2.1"`);
    for (const key of ['created', 'modified']) {
      if (typeof object[key] !== 'string' || !TIMESTAMP.test(object[key] as string)) problems.push(`${where} ${key}`);
    }
    if ((object.modified as string) < (object.created as string)) problems.push(`${where} modified before created`);
    for (const key of REQUIRED[object.type] ?? ['(an object type this export does not write)']) {
      if (object[key] === undefined || object[key] === '') problems.push(`${where} no ${key}`);
    }
    for (const key of Object.keys(object)) {
      if (!/^[a-z0-9_]{3,250}$/.test(key) && key !== 'id') problems.push(`${where} property name ${key}`);
    }
    if (object.confidence !== undefined) {
      const { confidence } = object;
      if (!Number.isInteger(confidence) || (confidence as number) < 0 || (confidence as number) > 100) {
        problems.push(`${where} confidence ${confidence}`);
      }
    }
    if (object.type === 'relationship') {
      if (!/^[a-z0-9-]+$/.test(object.relationship_type as string)) problems.push(`${where} relationship_type`);
      if (!isRef(object.source_ref) || !isRef(object.target_ref)) problems.push(`${where} dangling source or target`);
      if (object.start_time !== undefined && !((object.stop_time as string) > (object.start_time as string))) {
        problems.push(`${where} stop_time not after start_time`);
      }
    }
    if (object.type === 'report' && !TIMESTAMP.test(object.published as string)) problems.push(`${where} published`);
    if (object.type === 'opinion' && !OPINIONS.includes(object.opinion as string)) problems.push(`${where} opinion`);
    if (object.object_refs !== undefined) {
      const refs = object.object_refs as unknown[];
      if (!Array.isArray(refs) || refs.length === 0 || !refs.every(isRef)) problems.push(`${where} object_refs`);
    }
    for (const reference of (object.external_references ?? []) as Record<string, unknown>[]) {
      if (typeof reference.source_name !== 'string' || reference.source_name === '') {
        problems.push(`${where} external reference without source_name`);
      }
      if (reference.url !== undefined && !/^https?:\/\//.test(reference.url as string)) problems.push(`${where} url`);
    }
  }
  return problems;
}

const bundleOf = (text: string) => JSON.parse(text) as Bundle;
const byName = (bundle: Bundle, name: string) => bundle.objects.find((object) => object.name === name);

describe('the shipped graph as a STIX 2.1 bundle', () => {
  const bundle = bundleOf(toStixBundle(graph, everything));

  it('breaks none of the STIX 2.1 rules that apply to its objects', () => {
    expect(stixProblems(bundle)).toEqual([]);
  });

  it('has every actor as an object of the type its kind maps to, with its evidence as external references', () => {
    for (const actor of graph.actors) {
      const object = byName(bundle, actor.label);
      expect(object?.type).toBe(DEFAULT_STIX_KIND_MAPPING[actor.kind]?.type);
      expect((object?.external_references as unknown[] | undefined)?.length ?? 0).toBe(actor.evidence.length);
    }
    expect(byName(bundle, 'Mustafa al-Kadhimi')).toMatchObject({ type: 'identity', identity_class: 'individual' });
  });

  it('has every relation as a relationship between the objects of its ends, with every evidence item', () => {
    const relationships = bundle.objects.filter((object) => object.type === 'relationship');
    expect(relationships).toHaveLength(graph.relations.length);
    const objectIdOf = new Map(graph.actors.map((actor) => [actor.id, byName(bundle, actor.label)?.id]));
    for (const [position, relation] of graph.relations.entries()) {
      const relationship = relationships[position];
      expect(relationship?.source_ref).toBe(objectIdOf.get(relation.from));
      expect(relationship?.target_ref).toBe(objectIdOf.get(relation.to));
      const quotes = ((relationship?.external_references ?? []) as { description: string }[]).map(
        (ref) => ref.description,
      );
      expect(quotes).toHaveLength(relation.evidence.length);
      relation.evidence.forEach((item, index) => {
        expect(quotes[index]).toContain(`“${item.quote}”`);
        expect(quotes[index]).toContain(item.attributedTo);
      });
    }
  });

  it('writes "targeted" as the standard "targets" and custom types as their ids', () => {
    const types = new Set(
      bundle.objects.filter((object) => object.type === 'relationship').map((object) => object.relationship_type),
    );
    expect(types).toContain('targets');
    expect(types).toContain('accused');
    expect(types).not.toContain('targeted');
  });

  it("takes a relation's confidence from its best grade's credibility, by the Admiralty scale", () => {
    const accused = bundle.objects.find((object) => object.relationship_type === 'accused');
    expect(accused?.confidence).toBe(70);
    expect(ADMIRALTY_CONFIDENCE).toEqual({ 1: 90, 2: 70, 3: 50, 4: 30, 5: 10, 6: null });
  });

  it('gives each denial an opinion that strongly disagrees with the accusation it answers', () => {
    const opinions = bundle.objects.filter((object) => object.type === 'opinion');
    const denials = graph.relations.filter((relation) => (relation.answers ?? []).length > 0);
    expect(opinions).toHaveLength(denials.length);
    const suspected = bundle.objects.find(
      (object) =>
        object.relationship_type === 'suspected-of' && object.source_ref === byName(bundle, 'Kataib Hezbollah')?.id,
    );
    const denial = opinions.find((opinion) => (opinion.authors as string[]).includes('Kataib Hezbollah'));
    expect(denial).toMatchObject({ opinion: 'strongly-disagree', object_refs: [suspected?.id] });
  });

  it('opens with a report that says it holds everything and refers to every other object', () => {
    const [report, ...others] = bundle.objects;
    expect(report?.type).toBe('report');
    expect(report?.description).toContain('Exported: everything.');
    expect(report?.object_refs).toEqual(others.map((object) => object.id));
  });

  it('gives every item the same id on a re-export, a day later', () => {
    const again = bundleOf(toStixBundle(graph, { ...everything, exportedAt: '2026-11-30T08:00:00Z' }));
    expect(again.objects.map((object) => object.id)).toEqual(bundle.objects.map((object) => object.id));
    expect(again.objects[1]?.modified).toBe('2026-11-30T08:00:00.000Z');
    expect(again.objects[1]?.created).toBe(bundle.objects[1]?.created);
  });
});

describe('the STIX rule check itself', () => {
  it('finds a dangling reference, a bad id, a missing name, a local time and a spec_version on the bundle', () => {
    const bundle = bundleOf(toStixBundle(graph, everything));
    const [report, first, ...others] = bundle.objects;
    const broken = {
      ...bundle,
      spec_version: '2.1',
      objects: [
        { ...report, object_refs: ['identity--00000000-0000-5000-8000-000000000000'] },
        { ...first, id: 'identity--not-a-uuid', name: undefined, created: '2026-11-29T10:15:00+01:00' },
        ...others,
      ],
    } as Bundle;
    const problems = stixProblems(broken).join('\n');
    for (const expected of ['no spec_version', 'object_refs', 'bad id', 'no name', 'created']) {
      expect(problems).toContain(expected);
    }
  });
});

describe('STIX of what is shown, and options', () => {
  it('holds only the kept actors and relations, and its report says what is shown', () => {
    const kept = {
      actorIds: new Set(['kadhimi', 'kataib-hezbollah']),
      relationIds: new Set(['kataib-hezbollah-accused-kadhimi']),
    };
    const bundle = bundleOf(toStixBundle(graph, { ...everything, kept, description: 'what is shown: accusations' }));
    expect(stixProblems(bundle)).toEqual([]);
    expect(bundle.objects.map((object) => object.type).sort()).toEqual([
      'identity',
      'relationship',
      'report',
      'threat-actor',
    ]);
    expect(bundle.objects[0]?.description).toContain('what is shown: accusations');
  });

  it('maps kinds and relation types as the options say', () => {
    const bundle = bundleOf(
      toStixBundle(graph, everything, {
        kindMapping: { 'armed-group': { type: 'intrusion-set' } },
        relationshipTypes: { backs: 'related-to' },
      }),
    );
    expect(stixProblems(bundle)).toEqual([]);
    expect(byName(bundle, 'Kataib Hezbollah')?.type).toBe('intrusion-set');
    expect(bundle.objects.some((object) => object.relationship_type === 'backs')).toBe(false);
  });

  it('makes custom relationship types lowercase and hyphenated', () => {
    expect(stixRelationshipType('Fired_On  Twice', {})).toBe('fired-on-twice');
    expect(stixRelationshipType('***', {})).toBe('related-to');
  });
});

describe('STIX evidence details', () => {
  const small: Graph = {
    title: 'Small',
    updated: '2024-01-02',
    actorKinds: [{ id: 'person', label: 'Person' }],
    relationTypes: [{ id: 'met', label: 'met', definition: 'Met.', directed: false }],
    sources: [
      {
        id: 'web',
        title: 'T',
        publisher: 'Web Press',
        author: null,
        published: null,
        reliability: 'B',
        url: 'https://x.test/a',
      },
      {
        id: 'file',
        title: 'T',
        publisher: 'Archive',
        author: null,
        published: null,
        reliability: 'C',
        url: 'file:///c:/x',
      },
    ],
    actors: [
      { id: 'ali', label: 'Ali', kind: 'person', evidence: [] },
      { id: 'bea', label: 'Bea', kind: 'person', evidence: [] },
    ],
    relations: [
      {
        id: 'ali-met-bea',
        type: 'met',
        from: 'ali',
        to: 'bea',
        date: '2021-11',
        evidence: [
          { source: 'web', quote: 'They met.', attributedTo: 'Ali', claimant: 'ali', credibility: 6 },
          { source: 'file', quote: 'No they did not.', attributedTo: 'Bea', stance: 'contradicts', credibility: 3 },
        ],
      },
    ],
  };
  const bundle = bundleOf(toStixBundle(small, everything));
  const relationship = bundle.objects.find((object) => object.type === 'relationship');
  const refs = relationship?.external_references as Record<string, string>[];

  it('names the publisher, links http(s) sources only, and says who claims what and whether it contradicts', () => {
    expect(refs[0]).toMatchObject({ source_name: 'Web Press', url: 'https://x.test/a' });
    expect(refs[0]?.description).toContain('Claimant: Ali.');
    expect(refs[1]?.source_name).toBe('Archive');
    expect(refs[1]?.url).toBeUndefined();
    expect(refs[1]?.description).toContain('Stance: contradicts.');
  });

  it('gives no confidence to a claim whose truth cannot be judged (credibility 6)', () => {
    expect(relationship?.confidence).toBeUndefined();
  });

  it("spans a month-precision date's whole month, actors without evidence get no references", () => {
    expect(relationship).toMatchObject({
      start_time: '2021-11-01T00:00:00.000Z',
      stop_time: '2021-12-01T00:00:00.000Z',
    });
    expect(byName(bundle, 'Ali')?.external_references).toBeUndefined();
    expect(stixProblems(bundle)).toEqual([]);
  });
});
