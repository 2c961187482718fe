import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { EditOperation } from '../model/edit.ts';
import {
  type ActorDraft,
  actorDraftOf,
  actorFromDraft,
  EMPTY_ACTOR,
  evidenceFromDraft,
  type FieldProblems,
  missingInActor,
  missingInEvidence,
  newActorId,
} from '../model/edit-forms.ts';
import type { Actor, Graph } from '../model/graph.ts';
import { DISPUTED_LABEL, ItemForm } from './item-form.ts';

/**
 * Adds an actor (with its first evidence item: nothing enters the graph
 * unsourced) or edits one. Submitting asks the app to apply the edit; the
 * form stays open with the validator's messages when the edit is refused.
 *
 * @fires ag-edit - apply this edit (detail: the operation)
 * @fires ag-edit-preview - check the edit as typed (detail: the operation)
 * @fires ag-edit-task - close the form (detail: task null)
 */
@customElement('ag-actor-form')
export class AgActorForm extends ItemForm {
  /** The actor edited; null adds a new one. */
  @property({ attribute: false }) actor: Actor | null = null;

  @state() private draft: ActorDraft = EMPTY_ACTOR;

  protected readonly opens = ['actor'];

  protected reset(): void {
    this.draft = this.actor ? actorDraftOf(this.actor) : { ...EMPTY_ACTOR, kind: this.graph?.actorKinds[0]?.id ?? '' };
  }

  protected missingNow(): FieldProblems {
    const missing = { ...missingInActor(this.draft) };
    if (this.actor === null) {
      for (const [field, messages] of Object.entries(missingInEvidence(this.evidence, 'evidence[0].'))) {
        missing[field] = messages;
      }
    }
    return missing;
  }

  protected operationNow(graph: Graph): EditOperation {
    if (this.actor) {
      return { op: 'update-actor', actor: actorFromDraft(this.actor.id, this.draft, this.actor.evidence, this.actor) };
    }
    const id = newActorId(graph, this.draft.label);
    return { op: 'add-actor', actor: actorFromDraft(id, this.draft, [evidenceFromDraft(this.evidence)]) };
  }

  override render() {
    const graph = this.graph;
    if (!graph) return nothing;
    const draft = this.draft;
    const value = (event: Event) => (event.target as HTMLInputElement).value;
    const set = (changes: Partial<ActorDraft>) => {
      this.draft = { ...this.draft, ...changes };
    };
    const adding = this.actor === null;
    return html`<form @submit=${this.handleSubmit} aria-label=${adding ? 'New actor' : `Edit ${this.actor?.label}`}>
      <h3>${adding ? 'New actor' : `Edit ${this.actor?.label}`}</h3>
      ${this.messages('')}
      <div class="field">
        <label for="label">Name</label>
        <input id="label" type="text" .value=${draft.label} aria-invalid=${this.invalid('label')}
          aria-describedby="label-message" @input=${(event: Event) => set({ label: value(event) })} />
        ${this.messages('label')}
        ${adding ? nothing : html`<span class="hint">Its id stays ${this.actor?.id}.</span>`}
      </div>
      <div class="field">
        <label for="kind">Kind</label>
        <select id="kind" aria-invalid=${this.invalid('kind')} aria-describedby="kind-message"
          @change=${(event: Event) => set({ kind: value(event) })}>
          ${graph.actorKinds.map(
            (kind) => html`<option value=${kind.id} ?selected=${kind.id === draft.kind}>${kind.label}</option>`,
          )}
        </select>
        ${this.messages('kind')}
      </div>
      <div class="field">
        <label for="aliases">Other names</label>
        <input id="aliases" type="text" .value=${draft.aliases} aria-describedby="aliases-hint aliases-message"
          aria-invalid=${this.invalid('aliases')} @input=${(event: Event) => set({ aliases: value(event) })} />
        <span class="hint" id="aliases-hint">Every spelling the sources use, separated by |</span>
        ${this.messages('aliases')}
      </div>
      ${this.renderTextArea('summary', 'Summary', draft.summary, (summary) => set({ summary }))}
      ${this.renderTextArea('disputed', DISPUTED_LABEL, draft.disputed, (disputed) => set({ disputed }))}
      ${this.renderEnd(adding, 'Add actor')}
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ag-actor-form': AgActorForm;
  }
}
