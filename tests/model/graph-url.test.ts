import { describe, expect, it } from 'vitest';
import { checkGraphUrl, fetchedGraphProblem, fileNameOfUrl } from '../../src/model/graph-url.ts';

const page = 'http://127.0.0.1:5173/explorer/?graph=x';

describe('which addresses ?graph= may open', () => {
  it('opens paths and full URLs of the page’s own origin, naming the file', () => {
    const relative = checkGraphUrl('/graph/kadhimi-2021.json', page);
    expect(relative).toMatchObject({ ok: true, fileName: 'kadhimi-2021.json' });
    expect(relative.ok && relative.url.href).toBe('http://127.0.0.1:5173/graph/kadhimi-2021.json');
    expect(checkGraphUrl('data/my%20graph.json', page)).toMatchObject({ ok: true, fileName: 'my graph.json' });
    expect(checkGraphUrl('http://127.0.0.1:5173/a.json', page)).toMatchObject({ ok: true });
  });

  it('refuses other origins, other schemes and what is not a URL, saying why', () => {
    const elsewhere = checkGraphUrl('https://example.org/graph.json', page);
    expect(elsewhere).toEqual({
      ok: false,
      message:
        'only graphs from this site (http://127.0.0.1:5173) can be opened by URL; ' +
        'download the file and open it instead',
    });
    expect(checkGraphUrl('http://127.0.0.1:5174/a.json', page).ok).toBe(false);
    expect(checkGraphUrl('javascript:alert(1)', page)).toEqual({
      ok: false,
      message: 'only http(s) addresses can be opened, not javascript:',
    });
    expect(checkGraphUrl('data:application/json,{}', page).ok).toBe(false);
    expect(checkGraphUrl('http://[bad', page)).toEqual({ ok: false, message: '"http://[bad" is not a URL' });
  });

  it('names a file even when its path cannot be decoded or is empty', () => {
    expect(fileNameOfUrl(new URL('http://h/a/%E0%A4%A.json'), 'fallback')).toBe('%E0%A4%A.json');
    expect(fileNameOfUrl(new URL('http://h/'), 'fallback')).toBe('fallback');
  });
});

describe('whether what came back is a graph file', () => {
  it('a JSON answer is fine', () => {
    expect(fetchedGraphProblem(200, 'OK', 'application/json', '{"title": "x"}')).toBeNull();
    expect(fetchedGraphProblem(200, 'OK', '', '{}')).toBeNull();
  });

  it('a missing file is "not found", also when the server answers with its index page', () => {
    expect(fetchedGraphProblem(404, 'Not Found', 'text/html', '<!doctype html>')).toBe(
      'not found: the server has no file at this address (404)',
    );
    const page = 'not found or not a graph file: the server answered with a web page, not a JSON graph file';
    expect(fetchedGraphProblem(200, 'OK', 'text/html; charset=utf-8', '{}')).toBe(page);
    expect(fetchedGraphProblem(200, 'OK', '', '  <!DOCTYPE html><html>')).toBe(page);
    expect(fetchedGraphProblem(200, 'OK', 'application/octet-stream', '<html lang="en">')).toBe(page);
  });

  it('a page that a template begins with many blank lines is still a page', () => {
    const templated = `${'\n    '.repeat(60)}<!DOCTYPE html><html><body>Not found</body></html>`;
    expect(fetchedGraphProblem(200, 'OK', 'application/octet-stream', templated)).toBe(
      'not found or not a graph file: the server answered with a web page, not a JSON graph file',
    );
  });

  it('a graph file that quotes HTML in its text is still a graph file', () => {
    const quoting = '{"title": "Leaked page", "description": "opens with <html> and <body>"}';
    expect(fetchedGraphProblem(200, 'OK', 'application/json', quoting)).toBeNull();
  });

  it('other failures give the server’s answer', () => {
    expect(fetchedGraphProblem(500, 'Internal Server Error', '', '')).toBe(
      'the server answered 500 Internal Server Error',
    );
    expect(fetchedGraphProblem(403, '', '', '')).toBe('the server answered 403');
    expect(fetchedGraphProblem(199, '', '', '{}')).toBe('the server answered 199');
    expect(fetchedGraphProblem(300, 'Multiple Choices', '', '{}')).toBe('the server answered 300 Multiple Choices');
    expect(fetchedGraphProblem(299, 'OK', '', '{}')).toBeNull();
  });
});
