// The quote rule of shared/sources/README.md: collapse runs of whitespace and
// turn Markdown links "[text](target)" into "text"; then a quote must be a
// substring of its archived source. Curly quotes are kept as they are.

/**
 * A Markdown link "[text](target)" found in a text: where it starts and ends,
 * and where its visible text starts and ends (ends exclusive).
 */
export type MarkdownLinkVisitor = (start: number, textStart: number, textEnd: number, end: number) => void;

/**
 * Visits, in order, the links that /\[([^\]]*)\]\([^)]*\)/g would match, but
 * in linear time: that expression backtracks quadratically on a text of many
 * "[" without a "]", and archives and quotes come from outside. A visitor
 * rather than a list: an archive of a million links costs no memory.
 */
export function forEachMarkdownLink(text: string, visit: MarkdownLinkVisitor): void {
  let searchFrom = 0;
  for (;;) {
    const open = text.indexOf('[', searchFrom);
    if (open === -1) break;
    // Every "[" before this "]" would end at the same "]", so they all match or fail together.
    const close = text.indexOf(']', open + 1);
    if (close === -1) break;
    if (text.charCodeAt(close + 1) !== 40 /* ( */) {
      searchFrom = close + 1;
      continue;
    }
    const end = text.indexOf(')', close + 2);
    if (end === -1) break; // no ")" anywhere further: no later link can close either
    visit(open, open + 1, close, end + 1);
    searchFrom = end + 1;
  }
}

/** "[text](target)" -> "text", as the regular expression would do. */
function unlinkMarkdown(text: string): string {
  let result = '';
  let copiedUpTo = 0;
  forEachMarkdownLink(text, (start, textStart, textEnd, end) => {
    result += text.slice(copiedUpTo, start) + text.slice(textStart, textEnd);
    copiedUpTo = end;
  });
  return result + text.slice(copiedUpTo);
}

export function normaliseForQuoteMatch(text: string): string {
  return unlinkMarkdown(text).replace(/\s+/g, ' ').trim();
}

/** Normalised attached texts, kept for the few texts in use: a form checks its quote at every keystroke. */
const normalisedTexts = new Map<string, string>();
const KEPT_TEXTS = 8;

function normalisedText(text: string): string {
  let normalised = normalisedTexts.get(text);
  if (normalised === undefined) {
    normalised = normaliseForQuoteMatch(text);
    if (normalisedTexts.size >= KEPT_TEXTS) normalisedTexts.delete(normalisedTexts.keys().next().value ?? '');
    normalisedTexts.set(text, normalised);
  }
  return normalised;
}

/** Whether the quote rule finds the quote in the raw text (as `npm run check --sources` does). */
export function quoteMatches(quote: string, rawText: string): boolean {
  return normalisedText(rawText).includes(normaliseForQuoteMatch(quote));
}

/**
 * Whether a quote is verbatim in the attached text of its source, by the rule
 * above; null when that source has no text attached (nothing to check against).
 */
export function quoteInAttachedText(
  sources: readonly { id: string; archive?: string }[],
  archiveTexts: ReadonlyMap<string, string>,
  sourceId: string,
  quote: string,
): boolean | null {
  const archive = sources.find((source) => source.id === sourceId)?.archive;
  const text = archive === undefined ? undefined : archiveTexts.get(archive);
  if (text === undefined) return null;
  return quote.trim() !== '' && quoteMatches(quote, text);
}
