import { describe, expect, it } from 'vitest';
import { gradeInWords } from '../../src/model/graph.ts';
import {
  citedSources,
  indexGraph,
  inverseLabel,
  relationGroupsOf,
  relationSentence,
  relationsOf,
  safeHttpUrl,
  sourceCitation,
} from '../../src/model/queries.ts';
import { loadShippedGraph } from './shipped.ts';

const graph = loadShippedGraph();
const index = indexGraph(graph);
const source = (id: string) => {
  const found = graph.sources.find((s) => s.id === id);
  if (!found) throw new Error(`no source ${id}`);
  return found;
};

describe('the evidence panel lists an actor’s relations', () => {
  it('in groups by type in the file’s order, what the actor did before what was done to it', () => {
    const groups = relationGroupsOf(graph, index, 'kadhimi').map((group) => [
      group.heading,
      group.direction,
      group.entries.map((entry) => entry.other.id),
    ]);
    expect(groups).toEqual([
      ['accused by', 'incoming', ['kataib-hezbollah']],
      ['threatened by', 'incoming', ['kataib-hezbollah', 'khazali', 'unnamed-militia-leader']],
      ['said to be opposed by', 'incoming', ['iran']],
      ['met', 'undirected', ['qaani']],
      ['leads', 'outgoing', ['iraqi-security-forces', 'iraq']],
      ['condemned', 'outgoing', ['drone-attack-2021-11-07']],
      ['opposes', 'outgoing', ['iran-backed-militias', 'saddam-hussein']],
      ['opposed by', 'incoming', ['kataib-hezbollah']],
      ['targeted by', 'incoming', ['drone-attack-2021-11-07']],
      ['investigates', 'outgoing', ['green-zone-clashes-2021-11-05', 'drone-attack-2021-11-07']],
      ['appointed by', 'incoming', ['barham-salih', 'iraqi-parliament']],
      ['made a pledge about', 'outgoing', ['iraq', 'election-2021-10-10']],
    ]);
  });

  it('an undirected relation is listed the same way from either end', () => {
    const metBy = (id: string) => relationGroupsOf(graph, index, id).find((group) => group.type.id === 'met');
    expect(metBy('qaani')?.heading).toBe('met');
    expect(metBy('qaani')?.direction).toBe('undirected');
    expect(metBy('qaani')?.entries.map((entry) => entry.other.id)).toEqual(['kadhimi', 'barham-salih']);
    expect(metBy('kadhimi')?.entries.map((entry) => entry.relation.id)).toEqual(['qaani-met-kadhimi']);
  });

  it('a type declared without an inverse label reads "(by)" after its label', () => {
    const funded = { id: 'funded', label: 'funded', definition: 'gave money to', directed: true };
    expect(inverseLabel(funded)).toBe('funded (by)');
    expect(inverseLabel({ ...funded, inverseLabel: 'funded by' })).toBe('funded by');
  });
});

describe('the evidence panel describes a relation and its sources', () => {
  it('says a relation as a sentence with the actors’ and type’s labels', () => {
    const accused = index.relationById.get('kataib-hezbollah-accused-kadhimi');
    expect(accused && relationSentence(index, accused)).toBe('Kataib Hezbollah accused Mustafa al-Kadhimi');
    const leads = index.relationById.get('kadhimi-leads-iraq');
    expect(leads && relationSentence(index, leads)).toBe('Mustafa al-Kadhimi leads Iraq');
  });

  it('cites a source with its author and date, or says it has none', () => {
    expect(sourceCitation(source('global-research'))).toBe(
      'Global Research, “Who Tried to Kill Iraqi Prime Minister Al-Kadhimi?”, Steven Sahiounie, 2021-11-11 ' +
        '(reliability D)',
    );
    expect(sourceCitation(source('isc'))).toBe(
      'International South Connect, “What Led To Assassination Attempt On Iraqi PM’s Life?”, no author named, ' +
        'undated (reliability D)',
    );
  });

  it('puts a grade in words', () => {
    expect(gradeInWords('B', 2)).toBe('B2: usually reliable, probably true');
    expect(gradeInWords('F', 6)).toBe('F6: reliability cannot be judged, truth cannot be judged');
  });

  it('the sources cited by actors’ own evidence count too, and only the claims kept', () => {
    expect(citedSources(graph, new Set(['qaani']), new Set()).map((s) => s.id)).toEqual(['global-research']);
    expect(citedSources(graph, new Set(['barham-salih']), new Set()).map((s) => s.id)).toEqual(['isc']);
    expect(citedSources(graph, new Set(['kadhimi']), new Set()).map((s) => s.id)).toEqual(['isc', 'global-research']);
    expect(citedSources(graph, new Set(['election-2021-10-10']), new Set()).map((s) => s.id)).toEqual([
      'isc',
      'global-research',
    ]);
    const doubtful = citedSources(graph, new Set(['election-2021-10-10']), new Set(), (item) => item.credibility === 4);
    expect(doubtful.map((s) => s.id)).toEqual(['global-research']);
    expect(citedSources(graph, new Set(), new Set())).toEqual([]);
  });

  it('links plain http as well as https, and nothing that is not a URL', () => {
    expect(safeHttpUrl('http://example.org/a')).toBe('http://example.org/a');
    expect(safeHttpUrl('HTTPS://Example.org')).toBe('https://example.org/');
    expect(safeHttpUrl('example.org/a')).toBeNull();
    expect(safeHttpUrl('')).toBeNull();
  });
});

describe('the index finds each part of the graph by id', () => {
  it('actors, relations, types, sources and kind labels', () => {
    // Built here, not once for the file: Stryker re-runs only the tests, not what runs as the file loads.
    const index = indexGraph(graph);
    for (const actor of graph.actors) expect(index.actorById.get(actor.id)).toBe(actor);
    for (const relation of graph.relations) expect(index.relationById.get(relation.id)).toBe(relation);
    for (const type of graph.relationTypes) expect(index.typeById.get(type.id)).toBe(type);
    for (const s of graph.sources) expect(index.sourceById.get(s.id)).toBe(s);
    expect(index.kindLabelById.get('armed-group')).toBe('Armed group');
    expect(index.kindLabelById.size).toBe(graph.actorKinds.length);
  });

  it('each actor’s relations, whichever end the actor is at', () => {
    const index = indexGraph(graph);
    expect(relationsOf(index, 'qaani').map((r) => r.id)).toEqual([
      'qaani-leads-quds-force',
      'qaani-met-kadhimi',
      'qaani-met-barham-salih',
    ]);
    expect(relationsOf(index, 'soleimani').map((r) => r.id)).toEqual([
      'soleimani-leads-quds-force',
      'united-states-killed-soleimani',
    ]);
  });
});
