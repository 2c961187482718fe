import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { EditOperation } from '../model/edit.ts';
import {
  EMPTY_TYPE,
  evidenceFromDraft,
  type FieldProblems,
  missingInEvidence,
  missingInRelation,
  missingInType,
  newRelationId,
  newTypeId,
  type RelationDraft,
  relationDraftOf,
  relationFromDraft,
  type TypeDraft,
  typeFromDraft,
} from '../model/edit-forms.ts';
import type { Graph, Relation, RelationFamily } from '../model/graph.ts';
import { RELATION_FAMILIES } from '../model/palette.ts';
import { type GraphIndex, relationSentence } from '../model/queries.ts';
import { DISPUTED_LABEL, ItemForm } from './item-form.ts';

/** The type select's choice that declares a new relation type on the spot. */
const NEW_TYPE = '(new)';

/**
 * Adds a relation between two actors (never without its first evidence item)
 * or edits one; a relation type can be declared on the spot.
 *
 * @fires ag-edit - apply this edit (detail: the operation)
 * @fires ag-edit-preview - check the edit as typed (detail: the operation)
 * @fires ag-edit-task - close the form (detail: task null)
 */
@customElement('ag-relation-form')
export class AgRelationForm extends ItemForm {
  static override styles = [
    ...ItemForm.styles,
    css`
      .answers {
        display: grid;
        gap: 3px;
        max-height: 9em;
        overflow-y: auto;
        font-size: 13px;
      }
      .answers label {
        display: flex;
        gap: 6px;
        align-items: baseline;
      }
    `,
  ];

  @property({ attribute: false }) index: GraphIndex | null = null;
  /** The relation edited; null adds one from `from` to `to`. */
  @property({ attribute: false }) relation: Relation | null = null;
  @property({ attribute: false }) from = '';
  @property({ attribute: false }) to = '';

  @state() private draft: RelationDraft = {
    type: '',
    from: '',
    to: '',
    date: '',
    summary: '',
    disputed: '',
    answers: [],
  };
  @state() private newType: TypeDraft = EMPTY_TYPE;

  protected readonly opens = ['relation', 'from', 'to'];

  protected reset(): void {
    this.draft = this.relation
      ? relationDraftOf(this.relation)
      : { type: '', from: this.from, to: this.to, date: '', summary: '', disputed: '', answers: [] };
    this.newType = EMPTY_TYPE;
  }

  protected missingNow(): FieldProblems {
    const missing: FieldProblems = { ...missingInRelation(this.draft) };
    if (this.draft.type === NEW_TYPE) {
      for (const [field, messages] of Object.entries(missingInType(this.newType))) {
        missing[`newType.${field}`] = messages;
      }
    }
    if (this.relation === null) {
      for (const [field, messages] of Object.entries(missingInEvidence(this.evidence, 'evidence[0].'))) {
        missing[field] = messages;
      }
    }
    return missing;
  }

  /** With a type declared on the spot: one edit that adds both. */
  protected operationNow(graph: Graph): EditOperation {
    const operations: EditOperation[] = [];
    let typeId = this.draft.type;
    if (typeId === NEW_TYPE) {
      typeId = newTypeId(graph, this.newType.label);
      operations.push({ op: 'add-relation-type', type: typeFromDraft(typeId, this.newType) });
    }
    const draft = { ...this.draft, type: typeId };
    if (this.relation) {
      operations.push({
        op: 'update-relation',
        relation: relationFromDraft(this.relation.id, draft, this.relation.evidence),
      });
    } else {
      const id = newRelationId(graph, draft.from, typeId, draft.to);
      operations.push({
        op: 'add-relation',
        relation: relationFromDraft(id, draft, [evidenceFromDraft(this.evidence)]),
      });
    }
    return operations.length === 1 && operations[0]
      ? operations[0]
      : { op: 'batch', label: `Declare “${this.newType.label.trim()}” and add a relation`, operations };
  }

  /** Relations this one may answer: those that share an end with it (a denial answers an accusation). */
  private answerable(): Relation[] {
    const graph = this.graph;
    if (!graph) return [];
    const ends = new Set([this.draft.from, this.draft.to]);
    return graph.relations.filter(
      (relation) => relation.id !== this.relation?.id && (ends.has(relation.from) || ends.has(relation.to)),
    );
  }

  private renderActorSelect(field: 'from' | 'to', label: string) {
    const graph = this.graph;
    if (!graph) return nothing;
    const chosen = this.draft[field];
    const actors = [...graph.actors].sort((a, b) => a.label.localeCompare(b.label));
    return html`<div class="field">
      <label for=${field}>${label}</label>
      <select id=${field} aria-invalid=${this.invalid(field)} aria-describedby="${field}-message"
        @change=${(event: Event) => {
          this.draft = { ...this.draft, [field]: (event.target as HTMLSelectElement).value };
        }}>
        <option value="" ?selected=${chosen === ''}>Choose an actor…</option>
        ${actors.map(
          (actor) => html`<option value=${actor.id} ?selected=${actor.id === chosen}>${actor.label}</option>`,
        )}
      </select>
      ${this.messages(field)}
    </div>`;
  }

  private renderNewType() {
    const draft = this.newType;
    const value = (event: Event) => (event.target as HTMLInputElement).value;
    const set = (changes: Partial<TypeDraft>) => {
      this.newType = { ...this.newType, ...changes };
    };
    return html`<fieldset>
      <legend>New relation type</legend>
      <div class="row">
        <div class="field">
          <label for="type-label">Label, from the subject's side</label>
          <input id="type-label" type="text" placeholder="accused" .value=${draft.label}
            aria-invalid=${this.invalid('newType.label')} aria-describedby="newType.label-message"
            @input=${(event: Event) => set({ label: value(event) })} />
          ${this.messages('newType.label')}
        </div>
        <div class="field">
          <label for="type-inverse">From the object's side</label>
          <input id="type-inverse" type="text" placeholder="accused by" .value=${draft.inverseLabel}
            @input=${(event: Event) => set({ inverseLabel: value(event) })} />
        </div>
      </div>
      <div class="field">
        <label for="type-definition">Definition</label>
        <textarea id="type-definition" rows="2" .value=${draft.definition}
          aria-invalid=${this.invalid('newType.definition')} aria-describedby="newType.definition-message"
          @input=${(event: Event) => set({ definition: value(event) })}></textarea>
        ${this.messages('newType.definition')}
      </div>
      <div class="row">
        <label><input type="checkbox" .checked=${draft.directed}
          @change=${(event: Event) => set({ directed: (event.target as HTMLInputElement).checked })} /> Directed</label>
        <label><input type="checkbox" .checked=${draft.contested}
          @change=${(event: Event) => set({ contested: (event.target as HTMLInputElement).checked })} />
          Records a contested claim</label>
        <div class="field">
          <label for="type-family">Family (how it is drawn)</label>
          <select id="type-family" @change=${(event: Event) => set({ family: value(event) as RelationFamily })}>
            ${RELATION_FAMILIES.map(
              (family) => html`<option value=${family} ?selected=${family === draft.family}>${family}</option>`,
            )}
          </select>
        </div>
      </div>
    </fieldset>`;
  }

  override render() {
    const graph = this.graph;
    const index = this.index;
    if (!graph || !index) return nothing;
    const draft = this.draft;
    const value = (event: Event) => (event.target as HTMLInputElement).value;
    const set = (changes: Partial<RelationDraft>) => {
      this.draft = { ...this.draft, ...changes };
    };
    const adding = this.relation === null;
    const heading = adding ? 'New relation' : `Edit: ${relationSentence(index, this.relation as Relation)}`;
    const answerable = this.answerable();
    return html`<form @submit=${this.handleSubmit} aria-label=${adding ? 'New relation' : 'Edit relation'}>
      <h3>${heading}</h3>
      ${this.messages('')}
      ${this.renderActorSelect('from', 'From (the subject)')}
      <div class="field">
        <label for="type">Relation type</label>
        <select id="type" aria-invalid=${this.invalid('type')} aria-describedby="type-message"
          @change=${(event: Event) => set({ type: value(event) })}>
          <option value="" ?selected=${draft.type === ''}>Choose a type…</option>
          ${graph.relationTypes.map(
            (type) => html`<option value=${type.id} ?selected=${type.id === draft.type}>${type.label}</option>`,
          )}
          <option value=${NEW_TYPE} ?selected=${draft.type === NEW_TYPE}>Declare a new type…</option>
        </select>
        ${this.messages('type')}
      </div>
      ${draft.type === NEW_TYPE ? this.renderNewType() : nothing}
      ${this.renderActorSelect('to', 'To (the object)')}
      <div class="field">
        <label for="date">Date</label>
        <input id="date" type="text" placeholder="2021-11-07, 2021-11 or 2021-11-05/2021-11-07" .value=${draft.date}
          aria-invalid=${this.invalid('date')} aria-describedby="date-message"
          @input=${(event: Event) => set({ date: value(event) })} />
        ${this.messages('date')}
      </div>
      ${this.renderTextArea('summary', 'Summary', draft.summary, (summary) => set({ summary }))}
      ${this.renderTextArea('disputed', DISPUTED_LABEL, draft.disputed, (disputed) => set({ disputed }))}
      ${
        answerable.length > 0
          ? html`<fieldset>
              <legend>Answers (a denial answers an accusation)</legend>
              <div class="answers">
                ${answerable.map(
                  (relation) => html`<label><input type="checkbox" .checked=${draft.answers.includes(relation.id)}
                    @change=${(event: Event) => {
                      const on = (event.target as HTMLInputElement).checked;
                      const others = this.draft.answers.filter((id) => id !== relation.id);
                      set({ answers: on ? [...others, relation.id] : others });
                    }} />${relationSentence(index, relation)}</label>`,
                )}
              </div>
              ${this.messages('answers')}
            </fieldset>`
          : nothing
      }
      ${this.renderEnd(adding, 'Add relation')}
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ag-relation-form': AgRelationForm;
  }
}
