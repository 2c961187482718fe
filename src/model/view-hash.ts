// The shareable part of the view (selection, focus, filters, mode) as a URL
// hash, so a view can be bookmarked, sent, and undone with Back. Pure.

import { dayOrNull, minSourcesOrZero, RELIABILITY_ORDER } from './filter.ts';
import type { Credibility, Reliability } from './graph.ts';
import { cleanPathQuery, type PathQuery } from './path-query.ts';
import { DEFAULT_VIEW, type Focus, type Selection, VIEW_MODES, type ViewMode, type ViewState } from './view.ts';

const list = (value: string | null) => (value ? value.split(',').filter(Boolean) : []);

export function viewToHash(view: ViewState): string {
  const params = new URLSearchParams();
  const f = view.filters;
  if (view.selection) params.set(view.selection.kind, view.selection.id);
  if (view.focus) params.set('focus', `${view.focus.actorId}:${view.focus.hops}`);
  if (f.hiddenRelationTypes.length) params.set('hideTypes', f.hiddenRelationTypes.join(','));
  if (f.hiddenActorKinds.length) params.set('hideKinds', f.hiddenActorKinds.join(','));
  if (f.onlySources.length) params.set('sources', f.onlySources.join(','));
  if (f.minReliability) params.set('reliability', f.minReliability);
  if (f.minCredibility) params.set('credibility', String(f.minCredibility));
  if (f.dateFrom) params.set('from', f.dateFrom);
  if (f.dateTo) params.set('to', f.dateTo);
  if (!f.includeUndated) params.set('undated', 'no');
  if (f.dateMatch === 'within') params.set('dates', 'within');
  if (f.hideIsolatedActors) params.set('isolated', 'hide');
  if (f.minIndependentSources > 1) params.set('minSources', String(f.minIndependentSources));
  if (f.hideContradictedOnly) params.set('contradicted', 'hide');
  if (f.claimsBy !== null) params.set('claimsBy', f.claimsBy);
  if (view.mode !== DEFAULT_VIEW.mode) params.set('view', view.mode);
  if (view.claimsAbout !== null) params.set('about', view.claimsAbout);
  if (!view.autoFit) params.set('fit', 'manual');
  if (view.paths) setPathParams(params, view.paths);
  const text = params.toString();
  return text === '' ? '' : `#${text}`;
}

/** A path search in the link: both ends, then only what differs from the defaults. */
function setPathParams(params: URLSearchParams, query: PathQuery): void {
  params.set('pathFrom', query.from);
  params.set('pathTo', query.to);
  if (query.k !== 5) params.set('pathK', String(query.k));
  if (query.maxSteps !== 6) params.set('pathSteps', String(query.maxSteps));
  if (query.directed) params.set('pathDirected', 'yes');
  if (query.types.length) params.set('pathTypes', query.types.join(','));
  if (query.minReliability) params.set('pathReliability', query.minReliability);
  if (query.minCredibility) params.set('pathCredibility', String(query.minCredibility));
  if (query.dateFrom) params.set('pathFromDay', query.dateFrom);
  if (query.dateTo) params.set('pathToDay', query.dateTo);
  if (!query.includeUndated) params.set('pathUndated', 'no');
  if (query.exclude.length) params.set('pathExclude', query.exclude.join(','));
  if (query.shown !== null) params.set('path', String(query.shown + 1));
}

function pathParams(params: URLSearchParams): PathQuery | null {
  const from = params.get('pathFrom');
  const to = params.get('pathTo');
  if (from === null && to === null) return null;
  const number = (name: string, fallback: number) => {
    const text = params.get(name);
    return text === null ? fallback : Number(text);
  };
  const shown = params.get('path');
  return cleanPathQuery({
    from: from ?? '',
    to: to ?? '',
    k: number('pathK', 5),
    maxSteps: number('pathSteps', 6),
    directed: params.get('pathDirected') === 'yes',
    types: list(params.get('pathTypes')),
    minReliability: params.get('pathReliability') as Reliability | null,
    minCredibility: (params.get('pathCredibility') === null
      ? null
      : number('pathCredibility', 0)) as Credibility | null,
    dateFrom: params.get('pathFromDay'),
    dateTo: params.get('pathToDay'),
    includeUndated: params.get('pathUndated') !== 'no',
    exclude: list(params.get('pathExclude')),
    shown: shown === null ? null : Number(shown) - 1,
  });
}

/** Reads a hash; anything malformed falls back to the default for that part. */
export function hashToView(hash: string): ViewState {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const actor = params.get('actor');
  const relation = params.get('relation');
  const selection: Selection = actor
    ? { kind: 'actor', id: actor }
    : relation
      ? { kind: 'relation', id: relation }
      : null;
  const focusMatch = params.get('focus')?.match(/^(.+):([12])$/);
  const focus: Focus | null = focusMatch?.[1] ? { actorId: focusMatch[1], hops: focusMatch[2] === '2' ? 2 : 1 } : null;
  const reliability = params.get('reliability');
  const credibility = Number(params.get('credibility'));
  const mode = params.get('view');
  const claimsBy = params.get('claimsBy');
  return {
    selection,
    focus,
    claimsAbout: params.get('about') || null,
    mode: VIEW_MODES.includes(mode as ViewMode) ? (mode as ViewMode) : DEFAULT_VIEW.mode,
    autoFit: params.get('fit') !== 'manual',
    paths: pathParams(params),
    camera: null,
    filters: {
      hiddenRelationTypes: list(params.get('hideTypes')),
      hiddenActorKinds: list(params.get('hideKinds')),
      onlySources: list(params.get('sources')),
      minReliability: RELIABILITY_ORDER.includes(reliability as Reliability) ? (reliability as Reliability) : null,
      minCredibility:
        Number.isInteger(credibility) && credibility >= 1 && credibility <= 6 ? (credibility as Credibility) : null,
      dateFrom: dayOrNull(params.get('from')),
      dateTo: dayOrNull(params.get('to')),
      includeUndated: params.get('undated') !== 'no',
      dateMatch: params.get('dates') === 'within' ? 'within' : 'overlaps',
      hideIsolatedActors: params.get('isolated') === 'hide',
      minIndependentSources: minSourcesOrZero(Number(params.get('minSources'))),
      hideContradictedOnly: params.get('contradicted') === 'hide',
      claimsBy: claimsBy?.match(/^(actor|said):./) ? claimsBy : null,
    },
  };
}
