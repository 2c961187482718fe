// The messages under a form field: the validator's errors (red) and warnings
// (amber), with the id the field's aria-describedby names.
import { html, nothing } from 'lit';
import { type FieldProblems, messagesFor } from '../model/edit-forms.ts';

export const WARNING_PREFIX = 'Warning: ';

export function fieldMessages(problems: FieldProblems, field: string) {
  const messages = messagesFor(problems, field);
  if (messages.length === 0) return nothing;
  return html`<p class="message" id="${field}-message">${messages.map((message) =>
    message.startsWith(WARNING_PREFIX)
      ? html`<span class="warning">${message}</span> `
      : html`<span>${message}</span> `,
  )}</p>`;
}
