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
