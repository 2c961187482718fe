import { describe, expect, it } from 'vitest';
import { neighbourhood } from '../../src/model/neighbourhood.ts';
import { defaultKindStyle } from '../../src/model/palette.ts';
import { indexGraph } from '../../src/model/queries.ts';
import { loadShippedGraph } from './shipped.ts';

const graph = loadShippedGraph();
const index = indexGraph(graph);

describe('fallback styles for kinds and types declared without one', () => {
  it('the first eight kinds get eight different colours and eight different shapes, then they repeat', () => {
    const styles = [0, 1, 2, 3, 4, 5, 6, 7].map(defaultKindStyle);
    expect(new Set(styles.map((s) => s.color)).size).toBe(8);
    expect(new Set(styles.map((s) => s.shape)).size).toBe(8);
    expect(defaultKindStyle(9)).toEqual(styles[1]);
    expect(defaultKindStyle(15)).toEqual(styles[7]);
  });
});

describe('a neighbourhood follows relations both ways', () => {
  it('one step from Kadhimi reaches those who acted on him as well as those he acted on', () => {
    expect([...neighbourhood(index, 'kadhimi', 1).actorIds].sort()).toEqual([
      'barham-salih',
      'drone-attack-2021-11-07',
      'election-2021-10-10',
      'green-zone-clashes-2021-11-05',
      'iran',
      'iran-backed-militias',
      'iraq',
      'iraqi-parliament',
      'iraqi-security-forces',
      'kadhimi',
      'kataib-hezbollah',
      'khazali',
      'qaani',
      'saddam-hussein',
      'unnamed-militia-leader',
    ]);
  });

  it('two steps from Soleimani reach, through his killer and the force he led, those linked to them', () => {
    const two = neighbourhood(index, 'soleimani', 2);
    expect([...two.actorIds].sort()).toEqual([
      'iran',
      'iran-backed-militias',
      'iraq',
      'kataib-hezbollah',
      'qaani',
      'quds-force',
      'soleimani',
      'united-states',
    ]);
  });

  it('with no step limit, it is everything connected to the actor through visible relations', () => {
    // Tahsin al-Khafaji speaks for the Joint Operations Command, and neither is linked to anyone else.
    const apart = ['joint-operations-command', 'tahsin-al-khafaji'];
    const whole = neighbourhood(index, 'qaani', Number.POSITIVE_INFINITY);
    expect([...whole.actorIds].sort()).toEqual(
      graph.actors
        .map((a) => a.id)
        .filter((id) => !apart.includes(id))
        .sort(),
    );
    expect(whole.relationIds.size).toBe(graph.relations.length - 1);
    expect([...neighbourhood(index, 'tahsin-al-khafaji', Number.POSITIVE_INFINITY).actorIds].sort()).toEqual(apart);
    const meetings = new Set(graph.relations.filter((r) => r.type === 'met').map((r) => r.id));
    const met = neighbourhood(index, 'kadhimi', Number.POSITIVE_INFINITY, meetings);
    expect([...met.actorIds].sort()).toEqual(['barham-salih', 'kadhimi', 'qaani']);
  });
});
