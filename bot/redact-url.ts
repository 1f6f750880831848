/**
 * URLs for logs and stored error messages, without what may be a secret: the query string (a
 * feed URL may carry `?key=…` or `?token=…`), the fragment, and a user name or password.
 * Scheme, host, port and path stay, so the operator still sees which feed it was.
 */

/** `url` without user info, query or fragment; "?…" marks that a query was dropped. */
export function urlForLog(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    // Not a URL: cut at the first "?" or "#" all the same, so nothing after them leaks.
    return url.replace(/[?#][\s\S]*$/, (rest) => (rest.startsWith('?') ? '?…' : ''));
  }
  const hadQuery = u.search !== '';
  u.username = '';
  u.password = '';
  u.search = '';
  u.hash = '';
  return u.href + (hadQuery ? '?…' : '');
}

/** Every http(s) URL inside free text (an error message, say): a run of non-space after the scheme. */
const URL_IN_TEXT = /\bhttps?:\/\/[^\s"'<>]+/gi;

/**
 * `text` with every http(s) URL in it passed through `urlForLog`. Punctuation that ends a
 * match (the ")" of "(http://…)", a sentence's "." or ",") is taken as the text's, not the URL's.
 */
export function redactUrlsInText(text: string): string {
  return text.replace(URL_IN_TEXT, (match) => {
    const trailing = /[).,;:!?\]]+$/.exec(match)?.[0] ?? '';
    return urlForLog(match.slice(0, match.length - trailing.length)) + trailing;
  });
}
