// Text from a graph file going into an XML document (the SVG export). The
// serializer escapes markup (& < > " '), but characters XML 1.0 does not
// allow at all (most control characters, lone surrogates, U+FFFE and U+FFFF)
// would make the file unreadable: they become U+FFFD. Pure.

const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function xmlSafeText(text: string): string {
  return text.replace(NOT_XML, '\uFFFD');
}
