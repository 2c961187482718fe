// Lit's styleMap writes a `style` attribute on its first render, which the
// Content-Security-Policy (style-src 'self', no 'unsafe-inline') blocks: the
// tooltip would sit at 0,0 and a relation's colour would be lost. This
// directive always goes through the CSSOM (style.setProperty), which the
// policy allows.
import { type AttributePart, noChange } from 'lit';
import { Directive, directive, type PartInfo, PartType } from 'lit/directive.js';

class CssomStyleDirective extends Directive {
  private previous = new Set<string>();

  constructor(partInfo: PartInfo) {
    super(partInfo);
    if (partInfo.type !== PartType.ATTRIBUTE || partInfo.name !== 'style') {
      throw new Error('cssomStyle() belongs in a style attribute');
    }
  }

  render(_properties: Readonly<Record<string, string>>): typeof noChange {
    return noChange;
  }

  override update(part: AttributePart, [properties]: [Readonly<Record<string, string>>]): typeof noChange {
    const style = (part.element as HTMLElement).style;
    for (const name of this.previous) {
      if (!(name in properties)) style.removeProperty(name);
    }
    for (const [name, value] of Object.entries(properties)) style.setProperty(name, value);
    this.previous = new Set(Object.keys(properties));
    return noChange;
  }
}

/** Sets CSS properties (kebab-case names, custom properties too) through the CSSOM. */
export const cssomStyle = directive(CssomStyleDirective);
