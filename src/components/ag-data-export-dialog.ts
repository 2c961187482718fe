import { css, html, LitElement } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { DATA_FORMATS, type DataFormat } from '../model/data-formats.ts';
import { emit } from './events.ts';
import { dialogStyles, formStyles } from './shared-styles.ts';

/**
 * "Export data…": the graph's data in a format another tool reads (or the
 * graph file itself), of what is shown or of everything. A native modal dialog.
 *
 * @fires ag-data-export - export in this format (detail: format, whole)
 */
@customElement('ag-data-export-dialog')
export class AgDataExportDialog extends LitElement {
  static override styles = [
    formStyles,
    dialogStyles,
    css`
      :host {
        --dialog-width: 560px;
      }
      label.choice {
        display: grid;
        grid-template-columns: 20px 1fr;
        gap: 2px 6px;
        align-items: baseline;
        padding: 3px 0;
      }
      label.choice .hint {
        grid-column: 2;
      }
    `,
  ];

  /** What the filters and focus show now, in words ("Showing 12 of 41 actors…"), for the scope's choice. */
  @property() shownLine = '';
  @state() private format: DataFormat = 'xlsx';
  @state() private whole = false;
  @query('dialog') private dialog!: HTMLDialogElement;

  async open(): Promise<void> {
    await this.updateComplete;
    this.dialog.showModal();
  }

  private handleSubmit(event: Event): void {
    event.preventDefault();
    emit(this, 'ag-data-export', { format: this.format, whole: this.whole });
    this.dialog.close();
  }

  override render() {
    return html`<dialog aria-labelledby="data-export-heading">
      <form @submit=${this.handleSubmit}>
        <h2 id="data-export-heading">Export data</h2>
        <fieldset>
          <legend>What</legend>
          <label class="choice"><input type="radio" name="scope" .checked=${!this.whole}
            @change=${() => {
              this.whole = false;
            }} /><span>What is shown (filters and focus applied)</span>
            <span class="hint">${this.shownLine}</span></label>
          <label class="choice"><input type="radio" name="scope" .checked=${this.whole}
            @change=${() => {
              this.whole = true;
            }} /><span>Everything</span></label>
        </fieldset>
        <fieldset>
          <legend>Format</legend>
          ${DATA_FORMATS.map(
            (entry) => html`<label class="choice"><input type="radio" name="format" value=${entry.format}
              .checked=${this.format === entry.format} @change=${() => {
                this.format = entry.format;
              }} /><span>${entry.label}</span><span class="hint">Opens in ${entry.opensIn}</span></label>`,
          )}
        </fieldset>
        <p class="hint">Every file says which it holds: what is shown, with the filters in words, or everything.</p>
        <div class="actions">
          <button class="primary" type="submit">Export</button>
          <button type="button" @click=${() => this.dialog.close()}>Cancel</button>
        </div>
      </form>
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ag-data-export-dialog': AgDataExportDialog;
  }
}
