import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { countBy } from '../model/filter.ts';
import type { ActorKind, Graph, RelationType } from '../model/graph.ts';
import { KIND_SHAPES } from '../model/palette.ts';
import { slugFromLabel, uniqueId } from '../model/slug.ts';
import { emit } from './events.ts';
import { formStyles } from './shared-styles.ts';

const plural = (count: number, noun: string) => `${count.toLocaleString('en')} ${noun}${count === 1 ? '' : 's'}`;

/**
 * The graph's vocabulary: its actor kinds and relation types, with how many
 * actors and relations use each. A kind can be added; a label renamed (the id,
 * which the file's references use, stays); a kind or type nothing uses removed.
 *
 * @fires ag-edit - apply this edit (detail: the operation)
 * @fires ag-edit-task - close the form (detail: task null)
 */
@customElement('ag-vocabulary-form')
export class AgVocabularyForm extends LitElement {
  static override styles = [
    formStyles,
    css`
      :host {
        display: grid;
        gap: 12px;
      }
      table {
        border-collapse: collapse;
        width: 100%;
        font-size: 13px;
      }
      th {
        text-align: left;
        font-weight: 600;
        color: var(--ag-muted);
        padding: 2px 4px;
      }
      td {
        padding: 3px 4px;
        vertical-align: middle;
      }
      td input[type="text"] {
        width: 100%;
        box-sizing: border-box;
      }
      .count {
        color: var(--ag-muted);
        white-space: nowrap;
        font-variant-numeric: tabular-nums;
      }
    `,
  ];

  @property({ attribute: false }) graph: Graph | null = null;

  /** Labels being typed, by kind or type id, before Rename. */
  @state() private renamed: Record<string, string> = {};
  @state() private newKindLabel = '';
  @state() private newKindShape = 'ellipse';

  private rename(key: string, value: string): void {
    this.renamed = { ...this.renamed, [key]: value };
  }

  private renameKind(kind: ActorKind): void {
    const label = (this.renamed[`kind:${kind.id}`] ?? kind.label).trim();
    if (label === '' || label === kind.label) return;
    emit(this, 'ag-edit', { operation: { op: 'update-actor-kind', kind: { ...kind, label } } });
  }

  private renameType(type: RelationType): void {
    const label = (this.renamed[`type:${type.id}`] ?? type.label).trim();
    if (label === '' || label === type.label) return;
    emit(this, 'ag-edit', { operation: { op: 'update-relation-type', type: { ...type, label } } });
  }

  private addKind(event: Event): void {
    event.preventDefault();
    const graph = this.graph;
    const label = this.newKindLabel.trim();
    if (!graph || label === '') return;
    const id = uniqueId(slugFromLabel(label, 'kind'), new Set(graph.actorKinds.map((kind) => kind.id)));
    emit(this, 'ag-edit', { operation: { op: 'add-actor-kind', kind: { id, label, shape: this.newKindShape } } });
    this.newKindLabel = '';
  }

  override render() {
    const graph = this.graph;
    if (!graph) return nothing;
    const actorsOfKind = countBy(graph.actors, (actor) => actor.kind);
    const relationsOfType = countBy(graph.relations, (relation) => relation.type);
    const value = (event: Event) => (event.target as HTMLInputElement).value;
    return html`
      <h3>Actor kinds and relation types</h3>
      <table aria-label="Actor kinds">
        <thead><tr><th>Kind</th><th>Used by</th><th></th><th></th></tr></thead>
        <tbody>
          ${graph.actorKinds.map((kind) => {
            const used = actorsOfKind.get(kind.id) ?? 0;
            return html`<tr>
              <td><input type="text" aria-label="Label of the kind ${kind.id}"
                .value=${this.renamed[`kind:${kind.id}`] ?? kind.label}
                @input=${(event: Event) => this.rename(`kind:${kind.id}`, value(event))} /></td>
              <td class="count">${plural(used, 'actor')}</td>
              <td><button @click=${() => this.renameKind(kind)}>Rename</button></td>
              <td><button class="danger" ?disabled=${used > 0 || graph.actorKinds.length === 1}
                title=${used > 0 ? 'Actors still have this kind' : 'Remove this kind'}
                @click=${() => emit(this, 'ag-edit', { operation: { op: 'remove-actor-kind', id: kind.id } })}>
                Remove</button></td>
            </tr>`;
          })}
        </tbody>
      </table>
      <form class="row" @submit=${this.addKind} aria-label="New kind">
        <div class="field">
          <label for="new-kind">New kind</label>
          <input id="new-kind" type="text" placeholder="Militia commander" .value=${this.newKindLabel}
            @input=${(event: Event) => {
              this.newKindLabel = value(event);
            }} />
        </div>
        <div class="field">
          <label for="new-kind-shape">Shape</label>
          <select id="new-kind-shape" @change=${(event: Event) => {
            this.newKindShape = value(event);
          }}>
            ${KIND_SHAPES.map(
              (shape) => html`<option value=${shape} ?selected=${shape === this.newKindShape}>${shape}</option>`,
            )}
          </select>
        </div>
        <button type="submit" ?disabled=${this.newKindLabel.trim() === ''}>Add kind</button>
      </form>
      <table aria-label="Relation types">
        <thead><tr><th>Type (from the subject)</th><th>Used by</th><th></th><th></th></tr></thead>
        <tbody>
          ${graph.relationTypes.map((type) => {
            const used = relationsOfType.get(type.id) ?? 0;
            return html`<tr>
              <td><input type="text" aria-label="Label of the type ${type.id}"
                .value=${this.renamed[`type:${type.id}`] ?? type.label}
                @input=${(event: Event) => this.rename(`type:${type.id}`, value(event))} /></td>
              <td class="count">${plural(used, 'relation')}</td>
              <td><button @click=${() => this.renameType(type)}>Rename</button></td>
              <td><button class="danger" ?disabled=${used > 0 || graph.relationTypes.length === 1}
                title=${used > 0 ? 'Relations still have this type' : 'Remove this type'}
                @click=${() => emit(this, 'ag-edit', { operation: { op: 'remove-relation-type', id: type.id } })}>
                Remove</button></td>
            </tr>`;
          })}
        </tbody>
      </table>
      <p class="hint">New relation types are declared in a relation's form ("Declare a new type…").</p>
      <div class="actions">
        <button type="button" @click=${() => emit(this, 'ag-edit-task', { task: null })}>Done</button>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ag-vocabulary-form': AgVocabularyForm;
  }
}
