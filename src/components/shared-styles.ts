// Rules more than one element's shadow root needs (styles do not cross shadow boundaries).
import { css } from 'lit';

/** Text for screen readers only: in the accessibility tree, not on screen. */
export const visuallyHidden = css`
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;

/** A button that reads as a link in running text (a name to select, a relation to open). */
export const linkButton = css`
  button.link {
    all: unset;
    color: var(--ag-accent);
    cursor: pointer;
    text-decoration: underline;
    text-underline-offset: 2px;
  }
  button.link:focus-visible {
    outline: 2px solid var(--ag-accent);
    outline-offset: 2px;
  }
`;

/** The editor's forms: labelled native controls, one field per row, messages under the field they concern. */
export const formStyles = css`
  form {
    display: grid;
    gap: 10px;
  }
  .field {
    display: grid;
    gap: 3px;
  }
  .field > label,
  .field > .label,
  fieldset > legend {
    font-size: 12.5px;
    font-weight: 600;
    color: var(--ag-text);
  }
  .hint {
    font-size: 12px;
    color: var(--ag-muted);
  }
  input[type="text"],
  input[type="url"],
  input[type="date"],
  select,
  textarea {
    font: inherit;
    font-size: 13.5px;
    padding: 5px 7px;
    border: 1px solid var(--ag-border);
    border-radius: 4px;
    background: #fff;
    color: inherit;
    min-width: 0;
  }
  textarea {
    resize: vertical;
    min-height: 3.2em;
  }
  [aria-invalid="true"] {
    border-color: var(--ag-danger);
    box-shadow: 0 0 0 1px var(--ag-danger);
  }
  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible,
  button:focus-visible {
    outline: 2px solid var(--ag-accent);
    outline-offset: 1px;
  }
  .message {
    font-size: 12.5px;
    color: var(--ag-danger);
    margin: 0;
  }
  .message.warning,
  .message .warning {
    color: var(--ag-warning);
  }
  fieldset {
    border: 1px solid var(--ag-border);
    border-radius: var(--ag-radius);
    padding: 8px 10px 10px;
    margin: 0;
    display: grid;
    gap: 8px;
    min-width: 0;
  }
  .row {
    display: flex;
    gap: 8px;
    flex-wrap: wrap;
    align-items: center;
  }
  .row > .field {
    flex: 1 1 120px;
  }
  .actions {
    display: flex;
    gap: 8px;
    flex-wrap: wrap;
  }
  button {
    font: inherit;
    font-size: 13px;
    padding: 5px 10px;
    border: 1px solid var(--ag-border);
    border-radius: 4px;
    background: #fff;
    cursor: pointer;
    color: inherit;
  }
  button:hover {
    background: var(--ag-surface-alt);
  }
  button.primary {
    background: var(--ag-accent);
    color: #fff;
    border-color: var(--ag-accent);
  }
  button:disabled,
  button.primary:disabled {
    color: var(--ag-muted);
    background: var(--ag-surface-alt);
    border-color: var(--ag-border);
    cursor: default;
  }
  button.danger {
    color: var(--ag-danger);
    border-color: var(--ag-danger);
  }
  h3 {
    font-size: 14px;
    margin: 0 0 2px;
  }
`;

/** A native modal dialog (New graph, Export data, Import sheets): its width is the element's --dialog-width. */
export const dialogStyles = css`
  dialog {
    width: min(var(--dialog-width, 560px), 94vw);
    max-height: 88vh;
    border: 1px solid var(--ag-border);
    border-radius: 8px;
    padding: 16px 18px;
    font-size: 13.5px;
    color: var(--ag-text);
  }
  dialog::backdrop {
    background: rgb(20 26 40 / 0.35);
  }
  dialog h2 {
    font-size: 16px;
    margin: 0 0 6px;
  }
`;
