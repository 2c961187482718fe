// Reading the text of a source from a file the analyst opens: plain text and
// Markdown as they are, an HTML page reduced to its text. Nothing is fetched
// and nothing in the page runs: DOMParser's document has no scripts and loads
// no images.

import { archiveFileName } from '../model/source-text.ts';

/** Larger files are refused: a source's text is an article or a report, not a book collection. */
export const MAX_SOURCE_FILE_BYTES = 5 * 1024 * 1024;

/** Elements whose content is not text a reader reads. */
const DROPPED = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'HEAD',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'SVG',
  'CANVAS',
  'SELECT',
  'BUTTON',
]);
/** Elements that stand as a paragraph of their own: a blank line before and after. */
const PARAGRAPHS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'DETAILS',
  'DIV',
  'DL',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'UL',
]);
/** Elements that start a line of their own. */
const LINES = new Set(['LI', 'DT', 'DD', 'TR', 'CAPTION', 'BR']);
/** Marks for breaks while the text is built; the HTML parser turns U+0000 in a page into U+FFFD. */
const PARAGRAPH_BREAK = '\u0000P';
const LINE_BREAK = '\u0000L';

/**
 * The text of an HTML page, as a reader sees it: script, style and the like
 * dropped, whitespace collapsed as the browser would (but kept inside <pre>,
 * except at the start of a block),
 * each paragraph, heading or block separated by a blank line, list items and
 * table rows on lines of their own, cells separated by a tab.
 */
export function htmlToText(html: string): string {
  const document = new DOMParser().parseFromString(html, 'text/html');
  const parts: string[] = [];
  const walk = (node: Node, preformatted: boolean) => {
    if (node.nodeType === Node.TEXT_NODE) {
      const text = (node as Text).data;
      parts.push(preformatted ? text : text.replace(/[ \t\n\r\f]+/g, ' '));
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    const name = (node as Element).tagName.toUpperCase();
    if (DROPPED.has(name)) return;
    const breakMark = PARAGRAPHS.has(name) ? PARAGRAPH_BREAK : LINES.has(name) ? LINE_BREAK : '';
    if (name === 'TD' || name === 'TH') parts.push('\t');
    parts.push(breakMark);
    const inPre = preformatted || name === 'PRE' || name === 'TEXTAREA' || name === 'LISTING';
    for (const child of node.childNodes) walk(child, inPre);
    parts.push(breakMark);
  };
  walk(document.body ?? document.documentElement, false);
  return (
    parts
      .join('')
      // Spaces and tabs next to a break go; a run of breaks is one blank line if any is a paragraph's.
      // biome-ignore lint/suspicious/noControlCharactersInRegex: U+0000 marks a break (never in a page's text)
      .replace(/[ \t]*(?:\u0000[PL][ \t]*)+/g, (breaks) => (breaks.includes(PARAGRAPH_BREAK) ? '\n\n' : '\n'))
      .replace(/^\s+|\s+$/g, '')
  );
}

type SourceFileKind = 'text' | 'html';

/** Whether a file is plain text (or Markdown) or HTML: by its name's extension, else by its type. */
function kindOf(file: File): SourceFileKind | null {
  const extension = /\.([^.]+)$/.exec(file.name)?.[1]?.toLowerCase();
  if (extension === 'txt' || extension === 'md' || extension === 'markdown') return 'text';
  if (extension === 'html' || extension === 'htm') return 'html';
  const type = file.type.split(';')[0]?.trim().toLowerCase();
  if (type === 'text/plain' || type === 'text/markdown' || type === 'text/x-markdown') return 'text';
  if (type === 'text/html' || type === 'application/xhtml+xml') return 'html';
  return null;
}

/** "4.2 MB", "812 kB" */
function sizeInWords(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} kB`;
}

/**
 * The text of a source file (.txt, .md or .html), and the file name to keep it
 * under as the source's `archive`. An HTML page is kept as its text, under the
 * same name ending in .txt: what the quotes are checked against is that text,
 * and a copy of it is what belongs in the --sources folder. Rejects, with a
 * message to show, a file of another kind, over MAX_SOURCE_FILE_BYTES, or
 * without text.
 */
export async function readSourceFile(file: File): Promise<{ text: string; fileName: string }> {
  const kind = kindOf(file);
  if (kind === null) {
    throw new Error(`“${file.name}” is not a text, Markdown or HTML file: open a .txt, .md or .html file.`);
  }
  if (file.size > MAX_SOURCE_FILE_BYTES) {
    throw new Error(
      `“${file.name}” is ${sizeInWords(file.size)}: the reader opens files up to ` +
        `${sizeInWords(MAX_SOURCE_FILE_BYTES)}.`,
    );
  }
  let content: string;
  try {
    content = await file.text();
  } catch (error) {
    throw new Error(`“${file.name}” could not be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  const text = kind === 'html' ? htmlToText(content) : content;
  if (text.trim() === '') throw new Error(`“${file.name}” holds no text.`);
  const fileName = kind === 'html' ? file.name.replace(/(\.[^.]*)?$/, '.txt') : file.name;
  return { text, fileName: archiveFileName(fileName) };
}
