// Seeded generator of synthetic graph files, for benchmarks and load tests:
//   npx tsx scripts/generate-graph.ts --actors 1000 --seed 1 > /tmp/g1000.json
//   npm run generate -- --actors 1000 --seed 1 --out /tmp/g1000.json
// The output is valid against graph/schema.json and passes parseGraph with no
// errors and no warnings (every actor is in a relation; no two relations of the
// same type join the same pair). The shape imitates real conflict graphs: a few
// hubs (states, big armed groups) with hundreds of relations, most actors with
// one to three, grown by preferential attachment. Names, places and quotes are
// invented: the graph makes no claim about real people.

import type {
  Actor,
  ActorKind,
  Credibility,
  EvidenceItem,
  Graph,
  Relation,
  RelationType,
  Reliability,
  Source,
} from '../src/model/graph.ts';
import { mulberry32 } from '../src/model/seeded-random.ts';
import { MONTHS } from '../src/model/timeline.ts';

type Random = () => number;

const ACTOR_KINDS: ActorKind[] = [
  { id: 'person', label: 'Person', color: '#1f77b4', shape: 'ellipse' },
  { id: 'armed-group', label: 'Armed group', color: '#d62728', shape: 'octagon' },
  { id: 'state', label: 'State', color: '#2ca02c', shape: 'round-rectangle' },
  { id: 'political-bloc', label: 'Political bloc', color: '#9467bd', shape: 'hexagon' },
  { id: 'government-body', label: 'Government body', color: '#8c564b', shape: 'barrel' },
  { id: 'event', label: 'Event', color: '#ff7f0e', shape: 'star' },
];

type KindId = 'person' | 'armed-group' | 'state' | 'political-bloc' | 'government-body' | 'event';

const RELATION_TYPES: RelationType[] = [
  {
    id: 'accused',
    label: 'accused',
    inverseLabel: 'accused by',
    definition: 'The subject publicly blamed the object for an act or for taking part in one.',
    directed: true,
    contested: true,
    color: '#d62728',
  },
  {
    id: 'denied',
    label: 'denied involvement in',
    inverseLabel: 'involvement denied by',
    definition: 'The subject publicly denied responsibility for or involvement in the object.',
    directed: true,
    contested: true,
    color: '#6b6b6b',
  },
  {
    id: 'suspected-of',
    label: 'suspected of carrying out',
    inverseLabel: 'suspected perpetrator',
    definition:
      'Third parties attributed responsibility for the object event to the subject, which has not admitted it.',
    directed: true,
    contested: true,
    color: '#c51b7d',
  },
  {
    id: 'met',
    label: 'met',
    inverseLabel: 'met',
    definition: 'The two actors met in person.',
    directed: false,
    contested: false,
    color: '#0e8c99',
  },
  {
    id: 'backs',
    label: 'backs',
    inverseLabel: 'backed by',
    definition: 'The subject supports the object politically, materially or militarily.',
    directed: true,
    contested: false,
    color: '#2ca02c',
  },
  {
    id: 'leads',
    label: 'leads',
    inverseLabel: 'led by',
    definition: 'The subject heads or commands the object.',
    directed: true,
    contested: false,
    color: '#1f77b4',
  },
  {
    id: 'opposes',
    label: 'opposes',
    inverseLabel: 'opposed by',
    definition: 'The subject publicly opposes the object or its policy.',
    directed: true,
    contested: false,
    color: '#9467bd',
  },
  {
    id: 'clashed-with',
    label: 'clashed with',
    inverseLabel: 'clashed with',
    definition: 'The two actors fought each other.',
    directed: false,
    contested: false,
    color: '#8b0000',
  },
  {
    id: 'took-part-in',
    label: 'took part in',
    inverseLabel: 'involved',
    definition: 'The subject took part in the object event.',
    directed: true,
    contested: false,
    color: '#ff7f0e',
  },
];

type TypeId =
  | 'accused'
  | 'denied'
  | 'suspected-of'
  | 'met'
  | 'backs'
  | 'leads'
  | 'opposes'
  | 'clashed-with'
  | 'took-part-in';

/** Which relation types read sensibly from a subject of one kind to an object of another. */
function typesFor(from: KindId, to: KindId): TypeId[] {
  if (to === 'event') {
    if (from === 'event') return [];
    const types: TypeId[] = ['took-part-in', 'accused'];
    if (from === 'armed-group' || from === 'person' || from === 'state') types.push('denied', 'suspected-of');
    if (from !== 'person') types.push('opposes');
    return types;
  }
  if (from === 'event') return [];
  const types: TypeId[] = ['accused', 'opposes'];
  if (from === 'person' && to === 'person') types.push('met');
  if (from === 'person' && (to === 'armed-group' || to === 'political-bloc' || to === 'government-body'))
    types.push('leads');
  if (from !== 'person' && to !== 'state' && from !== to) types.push('backs');
  if (from === 'state' && to === 'state') types.push('backs');
  if (
    (from === 'armed-group' || from === 'state' || from === 'government-body') &&
    (to === 'armed-group' || to === 'state' || to === 'government-body')
  )
    types.push('clashed-with');
  return types;
}

const DIRECTED = new Map(RELATION_TYPES.map((type) => [type.id, type.directed]));

// ---------------------------------------------------------------------------
// Words

const SYLLABLES = [
  'al',
  'bar',
  'dan',
  'esh',
  'far',
  'gor',
  'hal',
  'is',
  'jan',
  'kar',
  'lor',
  'mas',
  'nor',
  'ost',
  'pel',
  'qar',
  'ras',
  'sul',
  'tar',
  'ur',
  'val',
  'war',
  'yen',
  'zor',
  'kel',
  'mir',
  'dor',
  'sen',
  'tav',
  'rin',
];
const FIRST_NAMES = [
  'Hassan',
  'Karim',
  'Layla',
  'Omar',
  'Yusuf',
  'Samira',
  'Tariq',
  'Nadia',
  'Faisal',
  'Rana',
  'Idris',
  'Mariam',
  'Jalal',
  'Huda',
  'Salim',
  'Zainab',
  'Kamal',
  'Amira',
  'Bashir',
  'Dalia',
  'Ghassan',
  'Leila',
  'Munir',
  'Noor',
  'Rashid',
  'Safa',
  'Walid',
  'Yasmin',
  'Adnan',
  'Farah',
];
const FAMILY_ROOTS = [
  'Rubai',
  'Khafaji',
  'Zubaidi',
  'Tamimi',
  'Obeidi',
  'Jubouri',
  'Saadi',
  'Hashimi',
  'Amiri',
  'Maliki',
  'Shammari',
  'Dulaimi',
  'Janabi',
  'Hakim',
  'Asadi',
  'Musawi',
  'Husseini',
  'Bayati',
  'Karbalai',
  'Nuaimi',
  'Qurashi',
  'Sudani',
  'Fayyadh',
  'Ghanimi',
  'Lami',
  'Kaabi',
  'Muhandis',
  'Sharifi',
  'Azzawi',
  'Hamdani',
];
const TITLES = ['', '', '', '', 'Sheikh ', 'Colonel ', 'General ', 'Dr. ', 'Deputy Minister ', 'Commander '];
const GROUP_FORMS = [
  (n: number, w: string) => `Brigade ${n} of the ${w} Front`,
  (_n: number, w: string) => `${w} Battalions`,
  (_n: number, w: string) => `Saraya ${w}`,
  (_n: number, w: string, p: string) => `Liwa ${w} of ${p}`,
  (_n: number, w: string) => `${w} Resistance Front`,
  (n: number, _w: string, p: string) => `${p} Defence Units (Sector ${n})`,
  (_n: number, w: string, p: string) => `Companions of ${w} in ${p}`,
];
const GROUP_WORDS = [
  'Northern',
  'Southern',
  'Eastern',
  'Western',
  'Righteous',
  'Victory',
  'Dawn',
  'Martyrs',
  'Lions',
  'Guardians',
  'Steadfast',
  'Banner',
  'Covenant',
  'Crescent',
  'Salvation',
  'Unity',
  'Liberation',
  'Shield',
  'Thunder',
  'Rising',
];
const BLOC_FORMS = [
  (w: string) => `${w} Alliance`,
  (w: string) => `National ${w} Coalition`,
  (w: string) => `${w} Movement (parliamentary bloc)`,
  (w: string) => `List of ${w} and Reform`,
  (w: string) => `${w} Democratic Front`,
];
const BLOC_WORDS = [
  'Progress',
  'Dignity',
  'Sovereignty',
  'Construction',
  'Renewal',
  'Justice',
  'Homeland',
  'Future',
  'Integrity',
  'Accord',
  'Wisdom',
  'Resolve',
];
const MINISTRIES = [
  'Interior',
  'Defence',
  'Foreign Affairs',
  'Finance',
  'Oil',
  'Justice',
  'Displacement and Migration',
  'Electricity',
];
const BODY_FORMS = [
  (s: string, random: Random) => `Ministry of ${pick(MINISTRIES, random)} of ${s}`,
  (s: string) => `${s} National Security Council`,
  (s: string) => `Joint Operations Command (${s})`,
  (s: string) => `Independent Electoral Commission of ${s}`,
  (s: string) => `${s} Counter-Terrorism Service`,
  (s: string) => `Parliament of ${s} (Council of Representatives)`,
];
const STATE_FORMS = ['Republic of ', 'Kingdom of ', 'Federal Republic of ', 'Emirate of ', '', '', ''];
const EVENT_FORMS = [
  (p: string, d: string) => `Drone strike on ${p} (${d})`,
  (p: string, d: string) => `Clashes in ${p} (${d})`,
  (p: string, d: string) => `${p} ceasefire talks (${d})`,
  (p: string, d: string) => `Parliamentary election in ${p} (${d})`,
  (p: string, d: string) => `Rocket attack on the ${p} base (${d})`,
  (p: string, d: string) => `Protests in ${p} (${d})`,
  (p: string, d: string) => `Assassination of a judge in ${p} (${d})`,
];
const ATTRIBUTIONS = [
  '',
  '',
  ', officials said',
  ', according to local residents',
  ', a spokesman said',
  ', the statement added',
  ' last week',
];
/** Words that attribute a claim to someone speaking of an actor, and whether that actor is the one who makes it. */
const SPEAKERS: { words: string; actorSpeaks: boolean }[] = [
  { words: 'a spokesman for', actorSpeaks: true },
  { words: 'two security officials, speaking of', actorSpeaks: false },
  { words: 'a senior member of', actorSpeaks: true },
  { words: 'a statement by', actorSpeaks: true },
  { words: 'unnamed sources close to', actorSpeaks: false },
  { words: 'an official of', actorSpeaks: true },
];

function pick<T>(items: readonly T[], random: Random): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

function integer(min: number, max: number, random: Random): number {
  return min + Math.floor(random() * (max - min + 1));
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function placeName(random: Random): string {
  const count = integer(2, 3, random);
  let name = '';
  for (let i = 0; i < count; i++) name += pick(SYLLABLES, random);
  return capitalise(name);
}

function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

const pad = (n: number) => String(n).padStart(2, '0');

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

interface Day {
  year: number;
  month: number;
  day: number;
}

function randomDay(random: Random): Day {
  const year = integer(2014, 2025, random);
  const month = integer(1, 12, random);
  return { year, month, day: integer(1, daysInMonth(year, month), random) };
}

function dayInWords(day: Day): string {
  return `${day.day} ${MONTHS[day.month - 1] ?? ''} ${day.year}`.replace('  ', ' ');
}

/** A date in one of the file's forms: YYYY, YYYY-MM, YYYY-MM-DD or START/END. */
function randomDate(random: Random): string | undefined {
  const roll = random();
  if (roll < 0.2) return undefined;
  const start = randomDay(random);
  if (roll < 0.55) return `${start.year}-${pad(start.month)}-${pad(start.day)}`;
  if (roll < 0.72) return `${start.year}-${pad(start.month)}`;
  if (roll < 0.82) return `${start.year}`;
  // A range; its end never comes before its start.
  const endYear = start.year + integer(0, 2, random);
  const endMonth = endYear === start.year ? integer(start.month, 12, random) : integer(1, 12, random);
  if (random() < 0.5) return `${start.year}-${pad(start.month)}/${endYear}-${pad(endMonth)}`;
  const firstDay = endYear === start.year && endMonth === start.month ? start.day : 1;
  const endDay = integer(firstDay, daysInMonth(endYear, endMonth), random);
  return `${start.year}-${pad(start.month)}-${pad(start.day)}/${endYear}-${pad(endMonth)}-${pad(endDay)}`;
}

// ---------------------------------------------------------------------------
// Sources

const PUBLISHERS: { publisher: string; reliability: Reliability; note: string }[] = [
  {
    publisher: 'Wire Service of the Gulf',
    reliability: 'B',
    note: 'An international news agency with named correspondents in the region.',
  },
  {
    publisher: 'Regional Monitor (weekly)',
    reliability: 'C',
    note: 'A regional weekly; usually names its sources but relies on officials of one side.',
  },
  {
    publisher: 'The Frontline Blog',
    reliability: 'E',
    note: 'An anonymous blog that has published fabricated statements before.',
  },
  {
    publisher: 'Militia-affiliated Telegram channel',
    reliability: 'D',
    note: 'Speaks for one armed group; its claims are weighed one by one.',
  },
  {
    publisher: 'Independent Research Centre for Conflict Studies',
    reliability: 'A',
    note: 'Peer-reviewed reports with footnoted primary sources.',
  },
  {
    publisher: 'Unknown aggregator site',
    reliability: 'F',
    note: 'No byline, no date, no about page: reliability cannot be judged.',
  },
];

function makeSources(random: Random): Source[] {
  const count = integer(2, 4, random);
  const publishers = [...PUBLISHERS];
  const sources: Source[] = [];
  for (let i = 0; i < count; i++) {
    const index = Math.floor(random() * publishers.length);
    const chosen = publishers.splice(index, 1)[0];
    if (!chosen) break;
    const day = randomDay(random);
    const hasAuthor = chosen.reliability <= 'C';
    const source: Source = {
      id: slugify(chosen.publisher),
      title: `${pick(TITLE_OPENINGS, random)} ${placeName(random)}: ${pick(TITLE_ENDINGS, random)}`,
      publisher: chosen.publisher,
      author: hasAuthor ? `${pick(FIRST_NAMES, random)} ${pick(FAMILY_ROOTS, random)}` : null,
      published: random() < 0.8 ? `${day.year}-${pad(day.month)}-${pad(day.day)}` : null,
      reliability: chosen.reliability,
      note: chosen.note,
    };
    if (random() < 0.7) source.url = `https://example.org/${source.id}/${day.year}/${integer(1000, 9999, random)}`;
    sources.push(source);
  }
  return sources;
}

// ---------------------------------------------------------------------------
// Actors

interface DraftActor {
  id: string;
  label: string;
  kind: KindId;
  aliases: string[];
  /** How strongly the actor attracts relations (preferential attachment). */
  fitness: number;
}

const KIND_SHARES: [KindId, number][] = [
  ['person', 0.42],
  ['armed-group', 0.2],
  ['event', 0.14],
  ['government-body', 0.1],
  ['political-bloc', 0.08],
  ['state', 0.06],
];

function randomKind(random: Random): KindId {
  let roll = random();
  for (const [kind, share] of KIND_SHARES) {
    roll -= share;
    if (roll < 0) return kind;
  }
  return 'person';
}

function initials(label: string): string {
  return label
    .split(/[\s()-]+/)
    .filter((word) => /^[A-Z]/.test(word))
    .map((word) => word[0])
    .join('');
}

function makeActorName(kind: KindId, random: Random, stateNames: string[]): { label: string; aliases: string[] } {
  switch (kind) {
    case 'person': {
      const first = pick(FIRST_NAMES, random);
      const root = pick(FAMILY_ROOTS, random);
      const kunya = random() < 0.25 ? `Abu ${pick(FIRST_NAMES, random)} ` : '';
      const label = `${pick(TITLES, random)}${kunya}${first} al-${root}`;
      const aliases = [`${first} Al-${root}`, `al-${root}`, `${first} al ${root}`];
      if (root.endsWith('i')) aliases.push(`${first} al-${root.slice(0, -1)}y`);
      return { label, aliases: aliases.slice(0, integer(1, aliases.length, random)) };
    }
    case 'armed-group': {
      const label = pick(GROUP_FORMS, random)(integer(1, 999, random), pick(GROUP_WORDS, random), placeName(random));
      return {
        label,
        aliases: [initials(label), label.replace(/^Brigade /, 'the Brigade ')].filter((alias) => alias.length > 1),
      };
    }
    case 'state': {
      const name = placeName(random);
      stateNames.push(name);
      const label = `${pick(STATE_FORMS, random)}${name}`;
      return { label, aliases: label === name ? [`the ${name}i government`] : [name, `the ${name}i government`] };
    }
    case 'political-bloc': {
      const label = pick(BLOC_FORMS, random)(pick(BLOC_WORDS, random));
      return { label, aliases: [initials(label), `the ${label.split(' ')[0] ?? ''} list`] };
    }
    case 'government-body': {
      const state = stateNames.length > 0 && random() < 0.8 ? pick(stateNames, random) : placeName(random);
      const label = pick(BODY_FORMS, random)(state, random);
      return { label, aliases: [initials(label)].filter((alias) => alias.length > 1) };
    }
    case 'event': {
      const day = randomDay(random);
      const when = random() < 0.6 ? dayInWords(day) : `${MONTHS[day.month - 1] ?? ''} ${day.year}`;
      const label = pick(EVENT_FORMS, random)(placeName(random), when);
      return { label, aliases: [] };
    }
  }
}

/** Heavy-tailed attractiveness: a few actors (mostly states and big groups) become hubs. */
function fitnessFor(kind: KindId, random: Random): number {
  const base = { person: 0.6, 'armed-group': 1.2, state: 2.5, 'political-bloc': 1.2, 'government-body': 1, event: 0.8 }[
    kind
  ];
  // Pareto tail, capped so one actor cannot take every relation.
  return base * Math.min(20, (1 - random()) ** -0.9);
}

// ---------------------------------------------------------------------------
// Evidence

function makeQuote(subject: string, object: string | null, type: TypeId | null, random: Random): string {
  const place = placeName(random);
  const phrases: Record<TypeId, string[]> = {
    accused: [
      `${subject} accused ${object} of being behind the attack in ${place}`,
      `${object} was responsible, ${subject} said in a statement`,
    ],
    denied: [
      `${subject} denied any role in the ${object}`,
      `we had nothing to do with what happened in ${place}, a spokesman for ${subject} said`,
    ],
    'suspected-of': [
      `officials believe ${subject} carried out the ${object}`,
      `${subject} was most likely behind it, two security officials said`,
    ],
    met: [
      `${subject} met ${object} in ${place} to discuss the crisis`,
      `${subject} and ${object} held talks behind closed doors`,
    ],
    backs: [`${subject} has armed and funded ${object} for years`, `${subject} reaffirmed its support for ${object}`],
    leads: [`${subject}, who commands ${object}, spoke from ${place}`, `${object} is led by ${subject}`],
    opposes: [`${subject} rejected the position of ${object}`, `${subject} called on ${object} to step aside`],
    'clashed-with': [
      `fighting broke out between ${subject} and ${object} near ${place}`,
      `${subject} exchanged fire with ${object} overnight`,
    ],
    'took-part-in': [`${subject} was present at the ${object}`, `members of ${subject} were seen during the ${object}`],
  };
  if (type === null) {
    return pick(
      [
        `${subject} has been active around ${place} since ${integer(2003, 2020, random)}`,
        `${subject}, which is well known in ${place}, has not commented`,
        `little is known about ${subject} beyond its statements`,
      ],
      random,
    );
  }
  return pick(phrases[type], random);
}

function makeEvidence(
  subjectActor: { id: string; label: string },
  objectActor: { id: string; label: string } | null,
  type: TypeId | null,
  sources: Source[],
  random: Random,
): EvidenceItem[] {
  const subject = subjectActor.label;
  const object = objectActor?.label ?? null;
  const count = random() < 0.6 ? 1 : random() < 0.75 ? 2 : 3;
  const items: EvidenceItem[] = [];
  for (let i = 0; i < count; i++) {
    const source = pick(sources, random);
    let attributedTo = `the article itself (${source.publisher})`;
    // The actor named in the attribution is the claimant when it speaks, and explicitly none when it is spoken of.
    let claimant: string | null | undefined;
    if (random() >= 0.5) {
      const speaker = pick(SPEAKERS, random);
      const named = random() < 0.5 ? subjectActor : (objectActor ?? subjectActor);
      attributedTo = `${speaker.words} ${named.label}, relayed by ${source.publisher}`;
      claimant = speaker.actorSpeaks ? named.id : null;
    }
    const credibility = pick<Credibility>([1, 2, 2, 3, 3, 3, 4, 4, 5, 6], random);
    const item: EvidenceItem = {
      source: source.id,
      quote: `${capitalise(makeQuote(subject, object, type, random))}${pick(ATTRIBUTIONS, random)}.`,
      attributedTo,
      ...(claimant === undefined ? {} : { claimant }),
      credibility,
    };
    if (random() < 0.15) item.note = 'Not confirmed by any other source.';
    items.push(item);
  }
  return items;
}

// ---------------------------------------------------------------------------
// Preferential attachment

/** Weights that change one at a time, sampled in O(log n): a Fenwick tree. */
class WeightedSampler {
  private readonly tree: Float64Array;
  private readonly weights: Float64Array;
  private total = 0;
  constructor(capacity: number) {
    this.tree = new Float64Array(capacity + 1);
    this.weights = new Float64Array(capacity);
  }
  set(index: number, weight: number): void {
    const delta = weight - (this.weights[index] ?? 0);
    this.weights[index] = weight;
    this.total += delta;
    for (let i = index + 1; i < this.tree.length; i += i & -i) this.tree[i] = (this.tree[i] ?? 0) + delta;
  }
  sample(random: Random): number {
    let target = random() * this.total;
    let position = 0;
    let step = 1;
    while (step * 2 < this.tree.length) step *= 2;
    for (; step > 0; step >>= 1) {
      const next = position + step;
      const value = this.tree[next] ?? 0;
      if (next < this.tree.length && value <= target) {
        position = next;
        target -= value;
      }
    }
    return Math.min(position, this.weights.length - 1);
  }
}

/** A graph of `actorCount` actors (at least 2) with about twice as many relations. Same seed, same graph. */
const TITLE_OPENINGS = ['Who is behind', 'Inside', 'The long war over', 'Militias and the state in'];
const TITLE_ENDINGS = ['a reconstruction', 'what we know', 'the evidence so far', 'an investigation'];

export function generateGraph(actorCount: number, seed: number): Graph {
  if (!Number.isInteger(actorCount) || actorCount < 2) throw new Error('generateGraph needs at least 2 actors');
  const random = mulberry32(seed);
  const sources = makeSources(random);

  // Actors, with unique ids from their labels.
  const stateNames: string[] = [];
  const usedIds = new Set<string>();
  const drafts: DraftActor[] = [];
  for (let i = 0; i < actorCount; i++) {
    // The first few actors are the big players the rest attach to.
    const kind: KindId = i < 3 ? ((['state', 'armed-group', 'state'] as const)[i] ?? 'state') : randomKind(random);
    const { label, aliases } = makeActorName(kind, random, stateNames);
    const baseId = slugify(label) || kind;
    let id = baseId;
    for (let n = 2; usedIds.has(id); n++) id = `${baseId}-${n}`;
    usedIds.add(id);
    drafts.push({
      id,
      label,
      kind,
      aliases: [...new Set(aliases)].filter((alias) => alias !== label),
      fitness: i < 3 ? 12 : fitnessFor(kind, random),
    });
  }

  // Relations: each new actor attaches to 1-3 earlier ones chosen in proportion
  // to fitness x (degree + 1); then extra relations bring the total to 2 x actors.
  const degree = new Int32Array(actorCount);
  const sampler = new WeightedSampler(actorCount);
  const usedKeys = new Set<string>();
  const relations: Relation[] = [];
  const relationIds = new Set<string>();
  const uniqueRelationId = (base: string) => {
    let id = base;
    for (let n = 2; relationIds.has(id); n++) id = `${base}-${n}`;
    relationIds.add(id);
    return id;
  };
  const weightOf = (index: number) => (drafts[index]?.fitness ?? 1) * ((degree[index] ?? 0) + 1);

  const tryRelate = (a: number, b: number): boolean => {
    const first = drafts[a];
    const second = drafts[b];
    if (!first || !second || a === b) return false;
    // Every type that fits either reading of the pair, in a seeded order.
    const candidates: [TypeId, DraftActor, DraftActor][] = [
      ...typesFor(first.kind, second.kind).map((type): [TypeId, DraftActor, DraftActor] => [type, first, second]),
      ...typesFor(second.kind, first.kind).map((type): [TypeId, DraftActor, DraftActor] => [type, second, first]),
    ];
    for (let attempt = candidates.length; attempt > 0; attempt--) {
      const index = Math.floor(random() * attempt);
      const chosen = candidates[index];
      if (!chosen) continue;
      candidates.splice(index, 1);
      const [type, from, to] = chosen;
      const ends = DIRECTED.get(type) === false ? [from.id, to.id].sort() : [from.id, to.id];
      const key = JSON.stringify([type, ...ends]);
      if (usedKeys.has(key)) continue;
      usedKeys.add(key);
      const date = randomDate(random);
      const contested = type === 'accused' || type === 'denied' || type === 'suspected-of';
      const disputed =
        contested && random() < 0.3
          ? `${pick(sources, random).publisher} says so; ${to.label} rejects the claim.`
          : undefined;
      const relation: Relation = {
        id: uniqueRelationId(`${from.id}-${type}-${to.id}`),
        type,
        from: from.id,
        to: to.id,
        ...(date === undefined ? {} : { date }),
        summary: `${from.label} ${RELATION_TYPES.find((t) => t.id === type)?.label ?? type} ${to.label}.`,
        ...(disputed === undefined ? {} : { disputed }),
        evidence: makeEvidence(from, to, type, sources, random),
      };
      relations.push(relation);
      degree[a] = (degree[a] ?? 0) + 1;
      degree[b] = (degree[b] ?? 0) + 1;
      sampler.set(a, weightOf(a));
      sampler.set(b, weightOf(b));
      return true;
    }
    return false;
  };

  sampler.set(0, weightOf(0));
  for (let i = 1; i < actorCount; i++) {
    const wanted = Math.min(i, random() < 0.5 ? 1 : random() < 0.6 ? 2 : 3);
    let made = 0;
    // Give up on a pair that fits no free relation type and draw again; the
    // last resort walks the earlier actors in order, so every actor gets one.
    for (let tries = 0; made < wanted && tries < 30; tries++) {
      if (tryRelate(i, sampler.sample(random))) made++;
    }
    for (let j = 0; made === 0 && j < i; j++) if (tryRelate(i, j)) made++;
    if (made === 0) throw new Error(`could not relate actor ${i}`);
    sampler.set(i, weightOf(i));
  }
  const targetRelations = actorCount * 2;
  for (let tries = 0; relations.length < targetRelations && tries < targetRelations * 20; tries++) {
    // One end by attachment, the other uniform: hubs grow, and quiet actors gain a little.
    tryRelate(sampler.sample(random), Math.floor(random() * actorCount));
  }

  const actors: Actor[] = drafts.map((draft) => {
    const kindLabel = ACTOR_KINDS.find((kind) => kind.id === draft.kind)?.label.toLowerCase() ?? draft.kind;
    return {
      id: draft.id,
      label: draft.label,
      kind: draft.kind,
      ...(draft.aliases.length > 0 ? { aliases: draft.aliases } : {}),
      summary: `${draft.label}: ${kindLabel} named in ${integer(1, 4, random)} of the reports.`,
      ...(random() < 0.05 ? { disputed: 'The sources disagree on who controls it.' } : {}),
      evidence: makeEvidence(draft, null, null, sources, random),
    };
  });

  return {
    title: `Synthetic conflict graph: ${actorCount} actors (seed ${seed})`,
    description:
      'Generated by scripts/generate-graph.ts for benchmarks and load tests. Names, places and quotes are invented.',
    updated: '2026-01-15',
    actorKinds: ACTOR_KINDS,
    relationTypes: RELATION_TYPES,
    sources,
    actors,
    relations,
  };
}

// ---------------------------------------------------------------------------
// Command line

function usage(): never {
  console.error(
    'usage: npx tsx scripts/generate-graph.ts --actors N [--seed S] [--out FILE]   (without --out: to stdout)',
  );
  process.exit(2);
}

function main(args: string[]): void {
  let actors: number | undefined;
  let seed = 1;
  let out: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const [name, inlineValue] = arg.split('=', 2);
    const value = inlineValue ?? args[++i] ?? usage();
    if (name === '--actors') actors = Number(value);
    else if (name === '--seed') seed = Number(value);
    else if (name === '--out') out = value;
    else usage();
  }
  if (actors === undefined || !Number.isInteger(actors) || actors < 2 || !Number.isInteger(seed)) usage();
  const text = `${JSON.stringify(generateGraph(actors, seed), null, 2)}\n`;
  if (out !== undefined) {
    // Not a static import: this file also runs in the bench page, in a browser.
    process.getBuiltinModule('node:fs').writeFileSync(out, text);
    return;
  }
  // `... | head` closes the pipe early: that is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => process.exit(error.code === 'EPIPE' ? 0 : 1));
  process.stdout.write(text);
}

// Run as a command, not when imported (by tests, or by the bench page in a browser).
if (typeof process !== 'undefined' && process.argv[1] !== undefined && import.meta.filename === process.argv[1])
  main(process.argv.slice(2));
