// The quote rule of shared/sources/README.md: collapse runs of whitespace and
// turn Markdown links "[text](target)" into "text"; then a quote must be a
// substring of its archived source. Curly quotes are kept as they are.

export function normaliseForQuoteMatch(text: string): string {
  return text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}
