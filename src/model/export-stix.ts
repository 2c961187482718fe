// The graph as a STIX 2.1 bundle, for threat-intelligence tools (OpenCTI,
// MISP): actors as STIX objects chosen by kind, relations as `relationship`
// objects, evidence as `external_references` with the quote and who makes
// the claim, claim credibility as `confidence`, denials also as `opinion`
// objects on what they deny, and a `report` that says what the bundle holds
// (everything, or what is shown) and refers to every other object. Pure.
//
// Ids are version-5 UUIDs of the item's id ("actor:kadhimi"), so a re-export
// gives every actor and relation the same id and a tool that imported the
// earlier one updates its objects instead of adding new ones. `created` is the
// day the graph was last updated, `modified` the moment of the export.

import { type Corroboration, corroborationOf } from './corroboration.ts';
import { type ExportScope, relationDays, scopedGraph } from './export-scope.ts';
import {
  type Actor,
  CREDIBILITY_WORDS,
  type Credibility,
  type EvidenceItem,
  type Graph,
  RELIABILITY_WORDS,
  stanceOf,
} from './graph.ts';
import { familyOf } from './palette.ts';
import type { GraphIndex } from './queries.ts';
import { uuidV5 } from './uuid5.ts';

/** What STIX object an actor of a kind becomes. */
export type StixActorMapping =
  | { type: 'identity'; identityClass: 'individual' | 'group' | 'organization' | 'class' | 'unknown' }
  | { type: 'threat-actor' }
  | { type: 'intrusion-set' }
  | { type: 'report' };

/**
 * The kinds of the shipped graphs, by id. People, states, government bodies,
 * political blocs and crowds are identities (STIX's object for individuals,
 * organisations and groups, whether or not they are threats); armed groups
 * are threat actors; events are reports, since STIX 2.1 has no object for an
 * event: the report refers to the relations that involve the event and to the
 * actors at their other ends. A kind not listed here becomes an identity of
 * class "unknown". Tools that hold an armed group as an intrusion set can say
 * so with the `kindMapping` option.
 */
export const DEFAULT_STIX_KIND_MAPPING: Readonly<Record<string, StixActorMapping>> = {
  person: { type: 'identity', identityClass: 'individual' },
  'armed-group': { type: 'threat-actor' },
  state: { type: 'identity', identityClass: 'organization' },
  'government-body': { type: 'identity', identityClass: 'organization' },
  'political-bloc': { type: 'identity', identityClass: 'organization' },
  crowd: { type: 'identity', identityClass: 'group' },
  event: { type: 'report' },
};

const UNKNOWN_KIND: StixActorMapping = { type: 'identity', identityClass: 'unknown' };

/**
 * Relation types written as one of STIX 2.1's relationship types, where the
 * meaning matches: "targeted" is `targets`; "is an arm of" is
 * `attributed-to` (STIX: the threat actor acts on behalf of the object);
 * "of" and "has close ties with", which do not say what the tie is, are
 * `related-to`. Every other type keeps its id, lowercase and hyphenated, as
 * STIX allows custom relationship types.
 */
export const DEFAULT_STIX_RELATIONSHIP_TYPES: Readonly<Record<string, string>> = {
  targeted: 'targets',
  'arm-of': 'attributed-to',
  of: 'related-to',
  'has-ties-with': 'related-to',
};

/**
 * Admiralty credibility as STIX confidence, from the STIX 2.1 specification
 * (OASIS Standard, 10 June 2021), Appendix A "Confidence Scales", A.4
 * "Admiralty Credibility": 1 confirmed by other sources = 90, 2 probably true
 * = 70, 3 possibly true = 50, 4 doubtful = 30, 5 improbable = 10; 6 "truth
 * cannot be judged" has no confidence value (the property is left out).
 */
export const ADMIRALTY_CONFIDENCE: Readonly<Record<Credibility, number | null>> = {
  1: 90,
  2: 70,
  3: 50,
  4: 30,
  5: 10,
  6: null,
};

export interface StixOptions {
  /** Kind ids to STIX objects, over DEFAULT_STIX_KIND_MAPPING. */
  kindMapping?: Readonly<Record<string, StixActorMapping>>;
  /** Relation type ids to STIX relationship types, over DEFAULT_STIX_RELATIONSHIP_TYPES. */
  relationshipTypes?: Readonly<Record<string, string>>;
  /**
   * Added to every name ids are made from, for two graphs that use one id for
   * different actors. Without one, an actor id gives the same STIX id in every
   * graph, so that tools merge the same actor from two exports.
   */
  idNamespace?: string;
}

/** The namespace UUID of this explorer's STIX ids (a random UUID, fixed once). */
export const STIX_ID_NAMESPACE = '2f0f5d2e-8a41-4b8e-9a43-3c1d8e7b6a90';

export type StixObject = { type: string; id: string } & Record<string, unknown>;

export interface StixBundle {
  type: 'bundle';
  id: string;
  objects: StixObject[];
}

interface ExternalReference {
  source_name: string;
  description: string;
  url?: string;
}

/** A custom relationship type from a type id: lowercase a-z, 0-9 and hyphens, as STIX requires. */
export function stixRelationshipType(typeId: string, mapping: Readonly<Record<string, string>>): string {
  const mapped = mapping[typeId];
  if (mapped !== undefined) return mapped;
  const slug = typeId
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? 'related-to' : slug;
}

/** An RFC 3339 UTC timestamp with milliseconds, as STIX wants for `created` and `modified`. */
function stixTimestamp(text: string): string | null {
  const time = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : text);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString();

function confidenceOf(corroboration: Corroboration): { confidence?: number } {
  const credibility = corroboration.bestGrade?.credibility;
  const confidence = credibility === undefined ? null : ADMIRALTY_CONFIDENCE[credibility];
  return confidence === null ? {} : { confidence };
}

function externalReference(item: EvidenceItem, index: GraphIndex): ExternalReference {
  const source = index.sourceById.get(item.source);
  const claimant = typeof item.claimant === 'string' ? index.actorById.get(item.claimant)?.label : undefined;
  const grade = source ? `source ${source.reliability} (${RELIABILITY_WORDS[source.reliability]}), ` : '';
  const parts = [
    `“${item.quote}”`,
    `Attributed to: ${item.attributedTo}.`,
    ...(claimant ? [`Claimant: ${claimant}.`] : []),
    `Stance: ${stanceOf(item)}.`,
    `Graded ${grade}report ${item.credibility} (${CREDIBILITY_WORDS[item.credibility]}).`,
    ...(item.note ? [`Note: ${item.note}`] : []),
  ];
  const url = source?.url;
  return {
    source_name: source ? source.publisher : item.source,
    description: parts.join(' '),
    ...(url !== undefined && /^https?:\/\//i.test(url) ? { url } : {}),
  };
}

const references = (evidence: readonly EvidenceItem[], index: GraphIndex) =>
  evidence.length === 0 ? {} : { external_references: evidence.map((item) => externalReference(item, index)) };

function withDescription(...parts: (string | undefined)[]): { description?: string } {
  const text = parts.filter((part) => part !== undefined && part !== '').join('\n\n');
  return text === '' ? {} : { description: text };
}

/** The graph (or the part of it the scope keeps) as a STIX 2.1 bundle. */
export function stixBundle(graph: Graph, scope: ExportScope, options: StixOptions = {}): StixBundle {
  const { actors, relations, index } = scopedGraph(graph, scope);
  const kindMapping = { ...DEFAULT_STIX_KIND_MAPPING, ...options.kindMapping };
  const relationshipTypes = { ...DEFAULT_STIX_RELATIONSHIP_TYPES, ...options.relationshipTypes };
  const idOf = (type: string, name: string) =>
    `${type}--${uuidV5(`${options.idNamespace ?? ''}${name}`, STIX_ID_NAMESPACE)}`;
  const modified = stixTimestamp(scope.exportedAt) ?? stixTimestamp(graph.updated) ?? '1970-01-01T00:00:00.000Z';
  const updated = stixTimestamp(graph.updated);
  const created = updated !== null && updated <= modified ? updated : modified;
  const common = (type: string, name: string) => ({
    type,
    spec_version: '2.1',
    id: idOf(type, name),
    created,
    modified,
  });

  const mappingOf = (actor: Actor) => kindMapping[actor.kind] ?? UNKNOWN_KIND;
  const actorIds = new Map(actors.map((actor) => [actor.id, idOf(mappingOf(actor).type, `actor:${actor.id}`)]));
  const relationIds = new Map(
    relations.map((relation) => [relation.id, idOf('relationship', `relation:${relation.id}`)]),
  );

  const objects: StixObject[] = [];
  for (const actor of actors) {
    const mapping = mappingOf(actor);
    const kindLabel = index.kindLabelById.get(actor.kind) ?? actor.kind;
    const aliases = actor.aliases ?? [];
    const hasAliases = mapping.type === 'threat-actor' || mapping.type === 'intrusion-set';
    const description = withDescription(
      actor.summary,
      `Kind: ${kindLabel}.`,
      !hasAliases && aliases.length > 0 ? `Also called: ${aliases.join(', ')}.` : undefined,
      actor.disputed === undefined ? undefined : `Disputed: ${actor.disputed}`,
    );
    const shared = {
      ...common(mapping.type, `actor:${actor.id}`),
      name: actor.label,
      ...description,
      ...(hasAliases && aliases.length > 0 ? { aliases } : {}),
      ...confidenceOf(corroborationOf(actor.evidence, index.sourceById)),
      ...references(actor.evidence, index),
    };
    if (mapping.type === 'identity') objects.push({ ...shared, identity_class: mapping.identityClass });
    else if (mapping.type === 'report') {
      // What the event report is about: the relations that involve the event, and the actors at their other ends.
      const refs = new Set<string>();
      for (const relation of relations) {
        if (relation.from !== actor.id && relation.to !== actor.id) continue;
        refs.add(relationIds.get(relation.id) ?? '');
        for (const end of [relation.from, relation.to]) if (end !== actor.id) refs.add(actorIds.get(end) ?? '');
      }
      refs.delete('');
      const ownId = actorIds.get(actor.id) ?? '';
      // A report must refer to something: an event with no relation in scope refers to itself.
      const objectRefs = refs.size > 0 ? [...refs] : [ownId];
      objects.push({ ...shared, report_types: ['event'], published: modified, object_refs: objectRefs });
    } else objects.push(shared);
  }

  for (const relation of relations) {
    const type = index.typeById.get(relation.type);
    const corroboration = index.corroborationById.get(relation.id) ?? corroborationOf([], index.sourceById);
    const days = relationDays(relation);
    const label = type?.label ?? relation.type;
    objects.push({
      ...common('relationship', `relation:${relation.id}`),
      relationship_type: stixRelationshipType(relation.type, relationshipTypes),
      source_ref: actorIds.get(relation.from) ?? '',
      target_ref: actorIds.get(relation.to) ?? '',
      ...withDescription(
        `${index.actorById.get(relation.from)?.label} ${label} ${index.actorById.get(relation.to)?.label}` +
          (type?.directed === false ? ' (undirected)' : '') +
          (relation.date === undefined ? '.' : ` (${relation.date}).`),
        relation.summary,
        relation.disputed === undefined ? undefined : `Disputed: ${relation.disputed}`,
        `Corroboration: ${corroboration.strength}.`,
      ),
      ...(days ? { start_time: `${days.start}T00:00:00.000Z`, stop_time: nextDay(days.end) } : {}),
      ...confidenceOf(corroboration),
      ...references(relation.evidence, index),
    });
  }

  // A relation that answers others (a denial answers an accusation) is also an opinion on what it answers.
  for (const relation of relations) {
    const answered = (relation.answers ?? []).flatMap((id) => {
      const stixId = relationIds.get(id);
      return stixId === undefined ? [] : [stixId];
    });
    if (answered.length === 0) continue;
    const type = index.typeById.get(relation.type);
    const denial = type !== undefined && familyOf(type) === 'claim';
    const author = index.actorById.get(relation.from)?.label ?? relation.from;
    objects.push({
      ...common('opinion', `answer:${relation.id}`),
      opinion: denial ? 'strongly-disagree' : 'disagree',
      explanation: `${author} ${type?.label ?? relation.type} ${index.actorById.get(relation.to)?.label}.${
        relation.summary ? ` ${relation.summary}` : ''
      }`,
      authors: [author],
      object_refs: answered,
      ...confidenceOf(index.corroborationById.get(relation.id) ?? corroborationOf([], index.sourceById)),
      ...references(relation.evidence, index),
    });
  }

  const scopeReport: StixObject = {
    ...common('report', `export:${scope.description}`),
    name: `${graph.title} (${scope.description})`,
    ...withDescription(`Exported: ${scope.description}.`, graph.description),
    report_types: ['threat-report'],
    published: modified,
    object_refs: objects.map((object) => object.id),
  };
  return {
    type: 'bundle',
    id: idOf('bundle', `bundle:${scope.exportedAt}:${scope.description}`),
    objects: [scopeReport, ...objects],
  };
}

/** The bundle's text (a .json file). */
export function toStixBundle(graph: Graph, scope: ExportScope, options: StixOptions = {}): string {
  return `${JSON.stringify(stixBundle(graph, scope, options), null, 2)}\n`;
}
