/**
 * The one check for "an http(s) URL", used by the bot (feed lists, the API, chat commands,
 * messages), the dashboard and the extension: parsed by the WHATWG URL parser (the same in
 * Node and browsers), scheme http or https, a host present. Everything else ("javascript:",
 * "file:", "data:", a relative path, "http://") is not one: feed text decides what links we
 * show and fetch, so a link is trusted only after this.
 */

export interface HttpUrlOptions {
  /** Resolve a relative reference against this base first. */
  base?: string;
  /** Refuse a URL with a user name or password in it (feed links added from a chat). */
  noCredentials?: boolean;
}

/** `value` as an absolute http(s) URL with a host, or null. */
export function parseHttpUrl(value: string | null | undefined, options: HttpUrlOptions = {}): URL | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  let url: URL;
  try {
    url = new URL(value.trim(), options.base);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.hostname === '') return null;
  if (options.noCredentials && (url.username !== '' || url.password !== '')) return null;
  return url;
}

/** Whether `value` is an absolute http(s) URL with a host. */
export function isHttpUrl(value: string | null | undefined, options: HttpUrlOptions = {}): value is string {
  return parseHttpUrl(value, options) !== null;
}

/** The normalised href of an http(s) URL, or null: for links built from untrusted text. */
export function httpHref(value: string | null | undefined, options: HttpUrlOptions = {}): string | null {
  return parseHttpUrl(value, options)?.href ?? null;
}
