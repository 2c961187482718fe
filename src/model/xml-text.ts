// Text from a graph file going into an XML document (the SVG export). The
// serializer escapes markup (& < > " '), but characters XML 1.0 does not
// allow at all (most control characters, lone surrogates, U+FFFE and U+FFFF)
// would make the file unreadable: they become U+FFFD. Pure.

const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function xmlSafeText(text: string): string {
  return text.replace(NOT_XML, '\uFFFD');
}

/**
 * Text for an XML attribute value or element content written by hand (the
 * graph exports): what XML cannot hold becomes U+FFFD, markup characters
 * become entities, and tabs and line breaks become character references so
 * that a parser's attribute-value normalisation keeps them.
 */
export function xmlEscaped(text: string): string {
  return xmlSafeText(text).replace(/[&<>"'\t\n\r]/g, (character) => XML_ENTITIES[character] ?? character);
}

const XML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};
