import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { formatProblem, type Problem, STOPPED_EARLY } from '../model/validate.ts';
import { emit } from './events.ts';

/**
 * Every problem found in a graph file, with line:column: the errors that
 * kept it from opening (the graph on screen stays as it was), or the
 * warnings of a file that opened.
 *
 * @fires ag-problems-dismiss - the analyst closed the list
 */
@customElement('ag-problem-list')
export class AgProblemList extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    section {
      background: var(--ag-danger-soft);
      border: 1px solid #e8b4b0;
      border-left: 5px solid var(--ag-danger);
      border-radius: var(--ag-radius);
      padding: 10px 14px;
      max-height: 40vh;
      overflow: auto;
      box-shadow: 0 4px 14px rgb(0 0 0 / 0.12);
    }
    h2 {
      font-size: 15px;
      margin: 0 0 6px;
      color: var(--ag-danger);
    }
    section.warnings {
      background: #fff8e6;
      border-color: #ecd49a;
      border-left-color: var(--ag-warning);
    }
    section.warnings h2 {
      color: var(--ag-warning);
    }
    p {
      margin: 0 0 6px;
      font-size: 13px;
    }
    ol {
      margin: 0;
      padding-left: 22px;
      font:
        12.5px / 1.5 ui-monospace,
        "DejaVu Sans Mono",
        monospace;
    }
    li.warning {
      color: var(--ag-warning);
    }
    button {
      float: right;
      font: inherit;
      font-size: 13px;
      border: 1px solid var(--ag-border);
      border-radius: 4px;
      background: #fff;
      cursor: pointer;
      padding: 2px 10px;
    }
  `;

  @property() fileName = '';
  /** The graph on screen in place of the file that failed (the shipped one, after a failed ?graph=), or ''. */
  @property() shownInstead = '';
  @property({ attribute: false }) problems: Problem[] = [];
  /** What was found and not listed ("and 999,800 more problems of the same kinds"), or null. */
  @property({ attribute: false }) more: string | null = null;
  /**
   * Problems of spreadsheets being imported, already placed at their cells
   * ("actors.csv:12:C kind: …"): listed instead of `problems`.
   */
  @property({ attribute: false }) sheetProblems: readonly { severity: Problem['severity']; text: string }[] = [];

  override render() {
    if (this.sheetProblems.length > 0) return this.renderSheetProblems();
    if (this.problems.length === 0) return nothing;
    const errors = this.problems.filter((p) => p.severity === 'error').length;
    const warnings = this.problems.length - errors;
    const plural = (n: number, word: string) => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;
    // "1 error and more" only when more were found: a check that stopped early says so below the list.
    const andMore = this.more && this.more !== STOPPED_EARLY ? ' and more' : '';
    const onScreen = this.shownInstead ? `${this.shownInstead} is shown instead.` : 'The graph on screen is unchanged.';
    return html`<section role="alert" aria-labelledby="problems-title" class=${errors ? 'errors' : 'warnings'}>
      <button @click=${() => emit(this, 'ag-problems-dismiss', {})}>Close</button>
      ${
        errors
          ? html`<h2 id="problems-title">${this.fileName} could not be opened: ${plural(errors, 'error')}${andMore}</h2>
            <p>${onScreen} Fix these in the file and open it again.</p>`
          : html`<h2 id="problems-title">${this.fileName} opened with ${plural(warnings, 'warning')}${andMore}</h2>
            <p>The graph is shown; these are worth a look.</p>`
      }
      <ol>${this.problems.map((p) => html`<li class=${p.severity}>${formatProblem(this.fileName, p)}</li>`)}</ol>
      ${this.more ? html`<p class="more">${this.more}</p>` : nothing}
    </section>`;
  }

  private renderSheetProblems() {
    const errors = this.sheetProblems.filter((p) => p.severity === 'error').length;
    return html`<section role="alert" aria-labelledby="problems-title" class=${errors ? 'errors' : 'warnings'}>
      <button @click=${() => emit(this, 'ag-problems-dismiss', {})}>Close</button>
      <h2 id="problems-title">${this.fileName} could not be imported: ${errors.toLocaleString('en')}
        error${errors === 1 ? '' : 's'}${this.more ? ' and more' : ''}</h2>
      <p>The graph on screen is unchanged. Fix these cells in the sheets and import them again.</p>
      <ol>${this.sheetProblems.map((p) => html`<li class=${p.severity}>${p.text}</li>`)}</ol>
      ${this.more ? html`<p class="more">${this.more}</p>` : nothing}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ag-problem-list': AgProblemList;
  }
}
