import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { type EvidenceDraft, type FieldProblems, messagesFor, NO_CLAIMANT_ACTOR } from '../model/edit-forms.ts';
import { CREDIBILITY_WORDS, type Credibility, type Graph, RELIABILITY_WORDS } from '../model/graph.ts';
import { quoteInAttachedText } from '../model/quotes.ts';
import { emit } from './events.ts';
import { fieldMessages } from './field-messages.ts';
import { formStyles } from './shared-styles.ts';

const CREDIBILITIES: readonly Credibility[] = [1, 2, 3, 4, 5, 6];

/**
 * The fields of one evidence item: the source, the verbatim quote (checked
 * live against the source's attached text), who makes the claim, its stance
 * and grade. Controlled: it shows `draft` and reports every change.
 *
 * @fires ag-evidence-draft - the analyst changed a field (detail: the whole draft)
 */
@customElement('ag-evidence-fields')
export class AgEvidenceFields extends LitElement {
  static override styles = [
    formStyles,
    css`
      :host {
        display: block;
      }
      .check {
        font-size: 12.5px;
        margin: 0;
      }
      .check.found {
        color: #1d6b35;
      }
      .check.missing {
        color: var(--ag-danger);
      }
    `,
  ];

  @property({ attribute: false }) graph: Graph | null = null;
  @property({ attribute: false }) draft: EvidenceDraft | null = null;
  /** Problems of this item by field ("quote", "attributedTo"). */
  @property({ attribute: false }) problems: FieldProblems = {};
  /** Attached source texts by archive file name. */
  @property({ attribute: false }) archiveTexts: ReadonlyMap<string, string> = new Map();
  @property() legend = 'Evidence';

  private change(changes: Partial<EvidenceDraft>): void {
    if (!this.draft) return;
    emit(this, 'ag-evidence-draft', { draft: { ...this.draft, ...changes } });
  }

  private messages(field: string) {
    return fieldMessages(this.problems, field);
  }

  private invalid(field: string): 'true' | 'false' {
    return messagesFor(this.problems, field).length > 0 ? 'true' : 'false';
  }

  override render() {
    const draft = this.draft;
    const graph = this.graph;
    if (!draft || !graph) return nothing;
    const value = (event: Event) => (event.target as HTMLInputElement).value;
    const archive = graph.sources.find((source) => source.id === draft.source)?.archive;
    const attached = archive !== undefined && this.archiveTexts.has(archive);
    const inText =
      draft.quote.trim() === ''
        ? null
        : quoteInAttachedText(graph.sources, this.archiveTexts, draft.source, draft.quote);
    return html`<fieldset>
      <legend>${this.legend}</legend>
      <div class="field">
        <label for="source">Source</label>
        <select id="source" aria-invalid=${this.invalid('source')} aria-describedby="source-message"
          @change=${(event: Event) => this.change({ source: value(event) })}>
          <option value="" ?selected=${draft.source === ''}>Choose a source…</option>
          ${graph.sources.map(
            (source) => html`<option value=${source.id} ?selected=${source.id === draft.source}>
              ${source.publisher}: ${source.title} (${source.reliability}, ${RELIABILITY_WORDS[source.reliability]})
            </option>`,
          )}
        </select>
        ${this.messages('source')}
      </div>
      <div class="field">
        <label for="quote">Quote, verbatim</label>
        <textarea id="quote" rows="3" aria-invalid=${this.invalid('quote') === 'true' || inText === false}
          aria-describedby="quote-check quote-message" .value=${draft.quote}
          @input=${(event: Event) => this.change({ quote: value(event) })}></textarea>
        ${
          inText === null
            ? html`<p class="hint" id="quote-check">${
                attached
                  ? 'Select a passage in the source’s text and press “Cite as evidence”, or type it.'
                  : 'Attach the source’s text (Sources, on the left) to cite from it and check quotes.'
              }</p>`
            : inText
              ? html`<p class="check found" id="quote-check">✓ Verbatim in the attached text.</p>`
              : html`<p class="check missing" id="quote-check" role="alert">
                  ✗ Not found verbatim in the attached text of this source.</p>`
        }
        ${this.messages('quote')}
      </div>
      <div class="field">
        <label for="attributed">Who makes the claim, in the source's words</label>
        <input id="attributed" type="text" placeholder="two Iraqi security officials, via Reuters"
          aria-invalid=${this.invalid('attributedTo')} aria-describedby="attributedTo-message"
          .value=${draft.attributedTo} @input=${(event: Event) => this.change({ attributedTo: value(event) })} />
        ${this.messages('attributedTo')}
      </div>
      <div class="field">
        <label for="claimant">Claimant in the graph</label>
        <select id="claimant" aria-invalid=${this.invalid('claimant')} aria-describedby="claimant-message"
          @change=${(event: Event) => this.change({ claimant: value(event) })}>
          <option value="" ?selected=${draft.claimant === ''}>Not said</option>
          <option value=${NO_CLAIMANT_ACTOR} ?selected=${draft.claimant === NO_CLAIMANT_ACTOR}>
            No actor of the graph makes it</option>
          ${[...graph.actors]
            .sort((a, b) => a.label.localeCompare(b.label))
            .map(
              (actor) =>
                html`<option value=${actor.id} ?selected=${actor.id === draft.claimant}>${actor.label}</option>`,
            )}
        </select>
        ${this.messages('claimant')}
      </div>
      <div class="row">
        <div class="field">
          <label for="stance">Stance</label>
          <select id="stance"
            @change=${(event: Event) => this.change({ stance: value(event) as EvidenceDraft['stance'] })}>
            <option value="supports" ?selected=${draft.stance === 'supports'}>Supports</option>
            <option value="contradicts" ?selected=${draft.stance === 'contradicts'}>Contradicts</option>
          </select>
        </div>
        <div class="field">
          <label for="credibility">Credibility of the report</label>
          <select id="credibility" aria-invalid=${this.invalid('credibility')}
            @change=${(event: Event) => this.change({ credibility: value(event) })}>
            ${CREDIBILITIES.map(
              (grade) => html`<option value=${grade} ?selected=${String(grade) === draft.credibility}>
                ${grade}: ${CREDIBILITY_WORDS[grade]}</option>`,
            )}
          </select>
        </div>
      </div>
      <div class="field">
        <label for="note">Note</label>
        <textarea id="note" rows="2" .value=${draft.note}
          @input=${(event: Event) => this.change({ note: value(event) })}></textarea>
        ${this.messages('note')}
      </div>
    </fieldset>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ag-evidence-fields': AgEvidenceFields;
  }
}
