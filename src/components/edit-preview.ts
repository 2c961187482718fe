// A form's edit, checked as the analyst types: a moment after the last
// change, the form asks the app to try the edit it would make (ag-edit-preview),
// and the validator's messages come back onto its fields before it is sent.

import type { EditOperation } from '../model/edit.ts';
import { emit } from './events.ts';

/** Long enough for a burst of keystrokes to be checked once; short enough to feel live. */
const PREVIEW_DELAY_MS = 350;

export class EditPreview {
  private timer = 0;

  constructor(private readonly form: HTMLElement) {}

  /** Asks for the edit to be checked soon; null (required fields missing) cancels the last request. */
  schedule(operation: EditOperation | null): void {
    window.clearTimeout(this.timer);
    if (operation === null) return;
    this.timer = window.setTimeout(() => emit(this.form, 'ag-edit-preview', { operation }), PREVIEW_DELAY_MS);
  }

  cancel(): void {
    window.clearTimeout(this.timer);
  }
}
