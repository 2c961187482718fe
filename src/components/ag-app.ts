import { css, html, LitElement } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import shippedGraphText from '../../graph/kadhimi-2021.json?raw';
import type { Graph } from '../model/graph.ts';
import { formatProblem, parseGraph, type Problem } from '../model/validate.ts';

/** The explorer: owns the graph and hands it down. */
@customElement('ag-app')
export class AgApp extends LitElement {
  static override styles = css`
    :host { display: block; padding: 1rem 1.5rem; overflow: auto; }
    table { border-collapse: collapse; }
    td, th { border-bottom: 1px solid var(--ag-border); padding: 0.25rem 0.5rem; text-align: left; }
  `;

  @state() private graph: Graph | null = null;
  @state() private problems: Problem[] = [];

  override connectedCallback(): void {
    super.connectedCallback();
    const result = parseGraph(shippedGraphText);
    this.problems = result.problems;
    if (result.ok) this.graph = result.graph;
  }

  override render() {
    const graph = this.graph;
    return html`
      ${this.problems.length > 0
        ? html`<ul role="alert">${this.problems.map((p) => html`<li>${formatProblem('kadhimi-2021.json', p)}</li>`)}</ul>`
        : null}
      ${graph
        ? html`
            <h1>${graph.title}</h1>
            <p>${graph.description}</p>
            <h2>Actors (${graph.actors.length})</h2>
            <ul>${graph.actors.map((actor) => html`<li>${actor.label} <small>(${actor.kind})</small></li>`)}</ul>
            <h2>Relations (${graph.relations.length})</h2>
            <table>
              <thead><tr><th>From</th><th>Relation</th><th>To</th><th>Date</th></tr></thead>
              <tbody>${graph.relations.map((r) => html`<tr><td>${r.from}</td><td>${r.type}</td><td>${r.to}</td><td>${r.date ?? ''}</td></tr>`)}</tbody>
            </table>`
        : null}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ag-app': AgApp;
  }
}
