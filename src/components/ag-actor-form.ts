import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { EditOperation } from '../model/edit.ts';
import {
  type ActorDraft,
  actorDraftOf,
  actorFromDraft,
  type Citation,
  EMPTY_ACTOR,
  EMPTY_EVIDENCE,
  type EvidenceDraft,
  evidenceFromDraft,
  type FieldProblems,
  hasProblems,
  messagesFor,
  missingInActor,
  missingInEvidence,
  newActorId,
} from '../model/edit-forms.ts';
import type { Actor, Graph } from '../model/graph.ts';
import './ag-evidence-fields.ts';
import { EditPreview } from './edit-preview.ts';
import { type AgEvent, emit } from './events.ts';
import { fieldMessages } from './field-messages.ts';
import { formStyles } from './shared-styles.ts';

/** Problems under "evidence[0]", with that prefix taken off, for the first evidence item's fields. */
export function firstEvidenceProblems(problems: FieldProblems): FieldProblems {
  const inner: FieldProblems = {};
  for (const [field, messages] of Object.entries(problems)) {
    if (field.startsWith('evidence[0].')) inner[field.slice('evidence[0].'.length)] = messages;
  }
  return inner;
}

/**
 * Adds an actor (with its first evidence item: nothing enters the graph
 * unsourced) or edits one. Submitting asks the app to apply the edit; the
 * form stays open with the validator's messages when the edit is refused.
 *
 * @fires ag-edit - apply this edit (detail: the operation)
 * @fires ag-edit-task - close the form (detail: task null)
 */
@customElement('ag-actor-form')
export class AgActorForm extends LitElement {
  static override styles = [
    formStyles,
    css`
      :host {
        display: block;
      }
    `,
  ];

  @property({ attribute: false }) graph: Graph | null = null;
  /** The actor edited; null adds a new one. */
  @property({ attribute: false }) actor: Actor | null = null;
  /** The validator's problems for this actor by field, when the last try was refused. */
  @property({ attribute: false }) problems: FieldProblems = {};
  @property({ attribute: false }) archiveTexts: ReadonlyMap<string, string> = new Map();
  /** A passage cited from the source reader: it fills the first evidence item. */
  @property({ attribute: false }) citation: Citation | null = null;

  @state() private draft: ActorDraft = EMPTY_ACTOR;
  @state() private evidence: EvidenceDraft = EMPTY_EVIDENCE;
  /** Fields found missing on the last submit (before the validator is asked). */
  @state() private missing: FieldProblems = {};
  private readonly preview = new EditPreview(this);

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('actor')) {
      this.draft = this.actor
        ? actorDraftOf(this.actor)
        : { ...EMPTY_ACTOR, kind: this.graph?.actorKinds[0]?.id ?? '' };
      this.evidence = { ...EMPTY_EVIDENCE, source: this.graph?.sources[0]?.id ?? '' };
      this.missing = {};
    }
    if (changed.has('citation') && this.citation) {
      this.evidence = { ...this.evidence, source: this.citation.sourceId, quote: this.citation.quote };
    }
  }

  private get allProblems(): FieldProblems {
    return { ...this.problems, ...this.missing };
  }

  private messages(field: string) {
    return fieldMessages(this.allProblems, field);
  }

  private invalid(field: string): 'true' | 'false' {
    return messagesFor(this.allProblems, field).length > 0 ? 'true' : 'false';
  }

  /** Required fields not filled in yet, in words. */
  private missingNow(): FieldProblems {
    const missing = { ...missingInActor(this.draft) };
    if (this.actor === null) {
      for (const [field, messages] of Object.entries(missingInEvidence(this.evidence, 'evidence[0].'))) {
        missing[field] = messages;
      }
    }
    return missing;
  }

  /** The edit the form would make now; null while a required field is missing. */
  private operation(): EditOperation | null {
    const graph = this.graph;
    if (!graph || hasProblems(this.missingNow())) return null;
    if (this.actor) {
      return { op: 'update-actor', actor: actorFromDraft(this.actor.id, this.draft, this.actor.evidence, this.actor) };
    }
    const id = newActorId(graph, this.draft.label);
    return { op: 'add-actor', actor: actorFromDraft(id, this.draft, [evidenceFromDraft(this.evidence)]) };
  }

  override updated(changed: PropertyValues): void {
    // Checked as typed; a form just opened has nothing to say yet.
    if ((changed.has('draft') || changed.has('evidence')) && !changed.has('actor')) {
      this.preview.schedule(this.operation());
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.preview.cancel();
  }

  private handleSubmit(event: Event): void {
    event.preventDefault();
    this.missing = this.missingNow();
    const operation = this.operation();
    if (!operation) return;
    this.preview.cancel();
    emit(this, 'ag-edit', { operation });
  }

  private handleEvidenceDraft(event: AgEvent<'ag-evidence-draft'>): void {
    event.stopPropagation();
    this.evidence = event.detail.draft;
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
      <div class="field">
        <label for="summary">Summary</label>
        <textarea id="summary" rows="2" .value=${draft.summary} aria-invalid=${this.invalid('summary')}
          aria-describedby="summary-message" @input=${(event: Event) => set({ summary: value(event) })}></textarea>
        ${this.messages('summary')}
      </div>
      <div class="field">
        <label for="disputed">What the sources disagree on</label>
        <textarea id="disputed" rows="2" .value=${draft.disputed} aria-invalid=${this.invalid('disputed')}
          aria-describedby="disputed-message" @input=${(event: Event) => set({ disputed: value(event) })}></textarea>
        ${this.messages('disputed')}
      </div>
      ${
        adding
          ? html`<ag-evidence-fields legend="First evidence (required)" .graph=${graph} .draft=${this.evidence}
              .problems=${firstEvidenceProblems(this.allProblems)} .archiveTexts=${this.archiveTexts}
              @ag-evidence-draft=${this.handleEvidenceDraft}></ag-evidence-fields>`
          : nothing
      }
      <div class="actions">
        <button class="primary" type="submit">${adding ? 'Add actor' : 'Save changes'}</button>
        <button type="button" @click=${() => emit(this, 'ag-edit-task', { task: null })}>Cancel</button>
      </div>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ag-actor-form': AgActorForm;
  }
}
