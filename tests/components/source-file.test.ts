// Opening a source's text from a file: which files open, and what text an HTML page gives.
import { describe, expect, it } from 'vitest';
import { htmlToText, MAX_SOURCE_FILE_BYTES, readSourceFile } from '../../src/io/source-file.ts';

describe('htmlToText', () => {
  it('keeps the words of a page, one blank line between paragraphs, and drops scripts and styles', () => {
    const page = `<!doctype html><html><head><title>Not shown</title><style>p { color: red }</style></head>
      <body><nav>Home</nav><h1>Who   Tried to
        Kill Iraqi Prime Minister Al-Kadhimi?</h1>
      <p>By <a href="https://example.org/a">Steven Sahiounie</a></p>
      <script>document.title = 'ran'</script><noscript>Enable scripts</noscript>
      <p>Two Iraqi security officials said it.<br>One militia source said that
        <em>Kataib Hezbollah</em> was involved.</p>
      <ul><li>one</li><li>two</li></ul><pre>  kept   as
  written</pre><p>Q &amp; A&nbsp;here</p></body></html>`;
    expect(htmlToText(page)).toBe(
      [
        'Home',
        'Who Tried to Kill Iraqi Prime Minister Al-Kadhimi?',
        'By Steven Sahiounie',
        'Two Iraqi security officials said it.\nOne militia source said that Kataib Hezbollah was involved.',
        'one\ntwo',
        'kept   as\n  written', // a <pre> keeps its spaces, but for those that start it
        'Q & A\u00a0here',
      ].join('\n\n'),
    );
    expect(document.title).not.toBe('ran');
  });

  it('runs nothing and loads nothing from the page', async () => {
    const page = '<img src="/no-such-image.png" onerror="window.htmlAttack = 1"><p>Text</p>';
    expect(htmlToText(page)).toBe('Text');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((window as { htmlAttack?: number }).htmlAttack).toBeUndefined();
  });
});

describe('readSourceFile', () => {
  const file = (content: string, name: string, type = '') => new File([content], name, { type });

  it('opens .txt and .md files as they are, under their own names', async () => {
    expect(await readSourceFile(file('Plain [link](#) text.\n', 'article.md'))).toEqual({
      text: 'Plain [link](#) text.\n',
      fileName: 'article.md',
    });
    expect((await readSourceFile(file('Plain.', 'notes', 'text/plain'))).fileName).toBe('notes');
  });

  it('opens an HTML page as its text, kept under the same name ending in .txt', async () => {
    expect(await readSourceFile(file('<p>One</p><p>Two</p>', 'page.HTM'))).toEqual({
      text: 'One\n\nTwo',
      fileName: 'page.txt',
    });
  });

  it('refuses a file of another kind, saying which files open', async () => {
    await expect(readSourceFile(file('%PDF', 'report.pdf', 'application/pdf'))).rejects.toThrow(
      '“report.pdf” is not a text, Markdown or HTML file: open a .txt, .md or .html file.',
    );
  });

  it('refuses a file over 5 MB, saying how big it is', async () => {
    const big = file('a'.repeat(MAX_SOURCE_FILE_BYTES + 300_000), 'book.txt');
    await expect(readSourceFile(big)).rejects.toThrow('“book.txt” is 5.3 MB: the reader opens files up to 5.0 MB.');
  });

  it('refuses a file without text', async () => {
    await expect(readSourceFile(file(' \n\t', 'empty.txt'))).rejects.toThrow('“empty.txt” holds no text.');
    await expect(readSourceFile(file('<script>x()</script>', 'script-only.html'))).rejects.toThrow('holds no text');
  });
});
