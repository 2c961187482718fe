// Opening a graph by URL (?graph=): which addresses are allowed, what the
// file is called, and whether what came back is a graph file at all. Pure.

const DOWNLOAD_INSTEAD = 'download the file and open it instead';

export type GraphUrlCheck = { ok: true; url: URL; fileName: string } | { ok: false; message: string };

/** The file name shown for a URL: its last path segment, decoded when that is possible. */
export function fileNameOfUrl(url: URL, fallback: string): string {
  const last = url.pathname.slice(url.pathname.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(last) || fallback;
  } catch {
    return last || fallback;
  }
}

/**
 * Only graphs from the page's own origin can be opened by URL: a graph file
 * from elsewhere would be fetched with the analyst's cookies from a link
 * someone else crafted, and the page's Content-Security-Policy allows no
 * other origin anyway.
 */
export function checkGraphUrl(address: string, pageHref: string): GraphUrlCheck {
  let url: URL;
  try {
    url = new URL(address, pageHref);
  } catch {
    return { ok: false, message: `"${address}" is not a URL` };
  }
  const page = new URL(pageHref);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, message: `only http(s) addresses can be opened, not ${url.protocol}` };
  }
  if (url.origin !== page.origin) {
    return {
      ok: false,
      message: `only graphs from this site (${page.origin}) can be opened by URL; ${DOWNLOAD_INSTEAD}`,
    };
  }
  return { ok: true, url, fileName: fileNameOfUrl(url, address) };
}

/**
 * Whether a fetched response can be a graph file. A static server (and Vite's
 * dev server) answers a missing path with the app's own index.html and status
 * 200: that is "not found", not a JSON file with nine syntax errors.
 */
export function fetchedGraphProblem(
  status: number,
  statusText: string,
  contentType: string,
  text: string,
): string | null {
  if (status === 404) return 'not found: the server has no file at this address (404)';
  if (status < 200 || status > 299) return `the server answered ${status} ${statusText}`.trim();
  const html = /\btext\/html\b/i.test(contentType) || /^\s*<(!doctype|html|head|body)\b/i.test(text);
  if (html) return 'not found or not a graph file: the server answered with a web page, not a JSON graph file';
  return null;
}
