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
