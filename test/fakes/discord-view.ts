/**
 * What a person sees of a Discord message body, for tests: markdown escapes removed, and the
 * links that would be clickable (the embed URL and unescaped masked links). Deliberately
 * simple: enough to tell escaped text from live markup.
 */
type Body = Record<string, any>;

const unescape = (s: string) => s.replace(/\\([^A-Za-z0-9\s])/g, '$1');

/** Unescaped masked links become their text (what the reader sees); escaped ones stay text. */
const MASKED = /(?<!\\)\[((?:[^\]\\]|\\.)*)\]\(<?[^)\s>]*>?\)/g;

/** Every text field of a message (content, embed title, description, fields, footer, author), as shown. */
export function discordVisible(body: Body): string {
  const parts: string[] = [];
  if (typeof body.content === 'string') parts.push(body.content);
  for (const e of (body.embeds ?? []) as Body[]) {
    parts.push(e.author?.name ?? '', e.title ?? '', e.description ?? '');
    for (const f of e.fields ?? []) parts.push(f.name, f.value);
    parts.push(e.footer?.text ?? '');
  }
  return unescape(parts.filter(Boolean).join('\n').replace(MASKED, '$1'));
}

/** Links Discord would render: the embeds' url and masked links not preceded by a backslash. */
export function discordLinks(body: Body): string[] {
  const links: string[] = [];
  const masked = /(?<!\\)\[(?:[^\]\\]|\\.)*\]\(<?([^)\s>]+)>?\)/g;
  const scan = (s: string | undefined) => {
    for (const m of (s ?? '').matchAll(masked)) links.push(m[1]);
  };
  scan(body.content);
  for (const e of (body.embeds ?? []) as Body[]) {
    if (e.url) links.push(e.url);
    scan(e.title);
    scan(e.description);
    for (const f of e.fields ?? []) scan(f.value);
  }
  return links;
}
