/**
 * Text helpers of the panel and the popover that need no campaign knowledge: they are part of
 * the content script, which the knowledge (lib/panel-content.ts) is not.
 */

/**
 * At most `max` characters of `text` for a popover: the first sentence when it fits, else the
 * text cut at a word boundary with "…". `more` says whether anything was left out.
 */
export function shortText(text: string, max = 160): { short: string; more: boolean } {
  const t = text.trim();
  if (t.length <= max) return { short: t, more: false };
  const sentence = /^.+?[.!?](?=\s|$)/.exec(t)?.[0];
  if (sentence && sentence.length <= max && sentence.length >= max / 3) return { short: sentence, more: true };
  const hard = t.slice(0, max - 1);
  const soft = hard.replace(/\s+\S*$/, '');
  return { short: (soft.length >= max * 0.6 ? soft : hard).replace(/[\s,;:]+$/, '') + '…', more: true };
}

/** Related coverage as the panel lists it: one article per story (same title), newest first. */
export function relatedForPanel<T extends { title: string; published: string | null }>(articles: readonly T[]): T[] {
  const key = (title: string) => title.toLowerCase().normalize('NFKD').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  const byStory = new Map<string, T>();
  for (const a of articles) {
    const k = key(a.title);
    const kept = byStory.get(k);
    if (!kept || (a.published ?? '') > (kept.published ?? '')) byStory.set(k, a);
  }
  return [...byStory.values()].sort((a, b) => (b.published ?? '').localeCompare(a.published ?? ''));
}
