// A new, empty graph: the first state of a file the analyst starts in the editor.
//
// Its vocabulary is the shipped graph's (graph/kadhimi-2021.json), copied, so that a
// new graph draws its kinds and types the same way; the analyst removes what the
// new graph does not need and adds its own. tests/model/new-graph.test.ts keeps
// these lists equal to the shipped graph's.

import type { ActorKind, Graph, RelationType } from './graph.ts';

/** The shipped graph's actor kinds. */
export const DEFAULT_ACTOR_KINDS: readonly ActorKind[] = [
  { id: 'person', label: 'Person', color: '#1f77b4', shape: 'ellipse' },
  { id: 'armed-group', label: 'Armed group', color: '#d62728', shape: 'octagon' },
  { id: 'state', label: 'State', color: '#2ca02c', shape: 'round-rectangle' },
  { id: 'political-bloc', label: 'Political bloc', color: '#9467bd', shape: 'hexagon' },
  { id: 'government-body', label: 'Government body', color: '#8c564b', shape: 'barrel' },
  { id: 'event', label: 'Event', color: '#ff7f0e', shape: 'star' },
  { id: 'crowd', label: 'Crowd or group of people', color: '#e377c2', shape: 'round-triangle' },
];

/** The shipped graph's relation types. */
export const DEFAULT_RELATION_TYPES: readonly RelationType[] = [
  {
    id: 'accused',
    label: 'accused',
    inverseLabel: 'accused by',
    definition: 'The subject publicly blamed the object for an act or for taking part in one.',
    directed: true,
    contested: true,
    family: 'claim',
    color: '#d62728',
  },
  {
    id: 'suspected-of',
    label: 'suspected of carrying out',
    inverseLabel: 'suspected perpetrator',
    definition:
      'Third parties named in the evidence attributed responsibility for the object event to the subject, which has ' +
      'not admitted it.',
    directed: true,
    contested: true,
    family: 'claim',
    color: '#ba02b4',
  },
  {
    id: 'denied',
    label: 'denied involvement in',
    inverseLabel: 'involvement denied by',
    definition: 'The subject publicly denied responsibility for or involvement in the object.',
    directed: true,
    contested: true,
    family: 'claim',
    color: '#6b6b6b',
  },
  {
    id: 'threatened',
    label: 'threatened',
    inverseLabel: 'threatened by',
    definition: 'The subject is reported to have threatened the object with harm or violence.',
    directed: true,
    contested: true,
    family: 'claim',
    color: '#511903',
  },
  {
    id: 'said-to-oppose',
    label: 'said to oppose',
    inverseLabel: 'said to be opposed by',
    definition:
      'A source asserts that the subject opposes the object but reports no act or statement of the subject that ' +
      'shows it (a heading, a label). A claim by that source, not an established position.',
    directed: true,
    contested: true,
    family: 'claim',
  },
  {
    id: 'alleged-to-have-harmed',
    label: 'accused of harming',
    inverseLabel: 'allegedly harmed by',
    definition:
      'The evidence reports an accusation, by accusers it names or leaves unnamed, that the subject harmed the ' +
      'object or its property. The act is alleged, not established.',
    directed: true,
    contested: true,
    family: 'claim',
  },
  {
    id: 'met',
    label: 'met',
    inverseLabel: 'met',
    definition: 'The two actors met in person.',
    directed: false,
    contested: false,
    family: 'contact',
    color: '#0e8c99',
  },
  {
    id: 'backs',
    label: 'backs',
    inverseLabel: 'backed by',
    definition: 'The subject supports the object politically, materially or militarily.',
    directed: true,
    contested: false,
    family: 'affiliation',
    color: '#2ca02c',
  },
  {
    id: 'leads',
    label: 'leads',
    inverseLabel: 'led by',
    definition: 'The subject heads or commands the object.',
    directed: true,
    contested: false,
    family: 'affiliation',
    color: '#04390c',
  },
  {
    id: 'arm-of',
    label: 'is an arm of',
    inverseLabel: 'has as an arm',
    definition: 'The subject acts as an arm, wing or branch of the object.',
    directed: true,
    contested: false,
    family: 'affiliation',
    color: '#3f6c6e',
  },
  {
    id: 'of',
    label: 'of',
    inverseLabel: 'named with',
    definition:
      "The source ties the subject to the object only with 'of' or a possessive ('Qais Al-Khazali of the Asa’ib Ahl " +
      "Al-Haq militia'; 'Taqaddum (progress) bloc of Parliament Speaker Mohamed al-Halbousi') and does not say what " +
      'the tie is: membership, leadership or ownership is not stated.',
    directed: true,
    contested: false,
    family: 'affiliation',
  },
  {
    id: 'has-ties-with',
    label: 'has close ties with',
    inverseLabel: 'has close ties with',
    definition:
      'The source says the two actors have close ties, without saying that either one backs, commands or supports ' +
      'the other.',
    directed: false,
    contested: false,
    family: 'affiliation',
  },
  {
    id: 'aligned-with',
    label: 'is aligned with',
    inverseLabel: 'has as an aligned actor',
    definition:
      "The source describes the subject as siding with the object ('pro-Iranian', 'Iran-aligned'). It says nothing " +
      "about the object supporting the subject: for that, see 'backs'.",
    directed: true,
    contested: false,
    family: 'affiliation',
    color: '#7a4419',
  },
  {
    id: 'condemned',
    label: 'condemned',
    inverseLabel: 'condemned by',
    definition: 'The subject publicly denounced the object.',
    directed: true,
    contested: false,
    family: 'opposition',
    color: '#824103',
  },
  {
    id: 'won-seats-in',
    label: 'won seats in',
    inverseLabel: 'seats won by',
    definition: 'The subject won parliamentary seats in the object election.',
    directed: true,
    contested: false,
    family: 'procedure',
    color: '#67abb3',
  },
  {
    id: 'opposes',
    label: 'opposes',
    inverseLabel: 'opposed by',
    definition: 'The subject is politically opposed to the object.',
    directed: true,
    contested: false,
    family: 'opposition',
    color: '#e6550d',
  },
  {
    id: 'protested',
    label: 'protested',
    inverseLabel: 'protested by',
    definition: 'The subject demonstrated publicly against the object or its outcome.',
    directed: true,
    contested: false,
    family: 'opposition',
    color: '#b09e5b',
  },
  {
    id: 'disputed-result-of',
    label: 'disputed the result of',
    inverseLabel: 'result disputed by',
    definition: 'The subject publicly rejected or challenged the outcome of the object election.',
    directed: true,
    contested: false,
    family: 'opposition',
    color: '#716b49',
  },
  {
    id: 'targeted',
    label: 'targeted',
    inverseLabel: 'targeted by',
    definition: 'The subject (an attack or an actor) was aimed at or attacked the object.',
    directed: true,
    contested: false,
    family: 'violence',
    color: '#222222',
  },
  {
    id: 'investigates',
    label: 'investigates',
    inverseLabel: 'investigated by',
    definition: 'The subject opened or leads an official inquiry into, or hunt for those responsible for, the object.',
    directed: true,
    contested: false,
    family: 'procedure',
    color: '#2e057d',
  },
  {
    id: 'appointed',
    label: 'appointed',
    inverseLabel: 'appointed by',
    definition: 'The subject named, designated or confirmed the object to an office.',
    directed: true,
    contested: false,
    family: 'procedure',
    color: '#1f4e9c',
  },
  {
    id: 'clashed-with',
    label: 'clashed with',
    inverseLabel: 'clashed with',
    definition: 'The two actors confronted each other physically.',
    directed: false,
    contested: false,
    family: 'violence',
    color: '#774c69',
  },
  {
    id: 'took-part-in',
    label: 'took part in',
    inverseLabel: 'involved',
    definition: 'The subject was a party to the object event.',
    directed: true,
    contested: false,
    family: 'procedure',
    color: '#2d86c8',
  },
  {
    id: 'killed',
    label: 'killed',
    inverseLabel: 'killed by',
    definition: 'The subject killed the object.',
    directed: true,
    contested: false,
    family: 'violence',
    color: '#a443f4',
  },
  {
    id: 'fired-on',
    label: 'opened fire on',
    inverseLabel: 'fired on by',
    definition:
      "The subject fired at the object (the source says 'fired at' or 'opened fire'; the weapons are not always " +
      'named).',
    directed: true,
    contested: false,
    family: 'violence',
  },
  {
    id: 'speaks-for',
    label: 'speaks for',
    inverseLabel: 'spokesperson',
    definition: 'The subject is an official spokesperson of the object.',
    directed: true,
    contested: false,
    family: 'affiliation',
    color: '#b1a02e',
  },
  {
    id: 'administered',
    label: 'administered',
    inverseLabel: 'administered by',
    definition: 'The subject ran, counted or certified the object election.',
    directed: true,
    contested: false,
    family: 'procedure',
    color: '#9e8cf4',
  },
  {
    id: 'invaded',
    label: 'invaded',
    inverseLabel: 'invaded by',
    definition: 'The subject militarily invaded the object.',
    directed: true,
    contested: false,
    family: 'violence',
    color: '#1f1080',
  },
  {
    id: 'pledged',
    label: 'made a pledge about',
    inverseLabel: 'subject of a pledge by',
    definition: 'The subject publicly promised or vowed something concerning the object; the summary says what.',
    directed: true,
    contested: false,
    family: 'other',
  },
];

/**
 * An empty graph titled `title`, dated `today` (YYYY-MM-DD), with the default
 * vocabulary and no sources, actors, relations or layout. `description` null: none.
 * No `$schema`: the shipped files' "./schema.json" holds only beside graph/schema.json.
 */
export function newGraph(title: string, description: string | null, today: string): Graph {
  return {
    title,
    ...(description === null ? {} : { description }),
    updated: today,
    actorKinds: DEFAULT_ACTOR_KINDS.map((kind) => ({ ...kind })),
    relationTypes: DEFAULT_RELATION_TYPES.map((type) => ({ ...type })),
    sources: [],
    actors: [],
    relations: [],
  };
}
