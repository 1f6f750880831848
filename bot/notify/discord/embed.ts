import type { APIEmbed } from 'discord.js';
import type { AlertView } from '../format/alert-view';
import { cut } from '../format/lead';
import { t } from '../i18n/localize';
import { escapeMarkdown } from './markdown';

/** Discord's embed limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits). */
export const EMBED_LIMITS = { title: 256, description: 4096, fieldName: 256, fieldValue: 1024, footer: 2048, total: 6000 };

const COLOUR = { domestic: 0xc6363c, international: 0x0c4076 } as const;

/**
 * Escapes `text` and keeps the result within `max` characters. The cut is made on the plain
 * text, so it can never leave a dangling backslash or half an escape.
 */
export function escapedWithin(text: string, max: number): string {
  let plain = text;
  let out = escapeMarkdown(plain);
  while (out.length > max && plain.length > 0) {
    plain = cut(plain, Math.max(1, plain.length - (out.length - max) - 1));
    out = escapeMarkdown(plain);
  }
  return out;
}

/**
 * An alert as a Discord embed: the title links the article, the description is the lead, and
 * fields carry the outlet with its domestic/international mark, the date (once: no embed
 * timestamp beside it), at most three topic tags, the two distinctive reasons with a pointer
 * to /why for the rest, and, for a story other outlets carried too, which ones. All feed text
 * is escaped.
 */
export function alertEmbed(v: AlertView): APIEmbed {
  const lang = v.language;
  const fields: NonNullable<APIEmbed['fields']> = [
    { name: t(lang, 'alert.outlet'), value: escapedWithin(`${v.scopeMark} ${v.outlet} · ${v.scopeLabel}`, EMBED_LIMITS.fieldValue), inline: true },
    { name: t(lang, 'alert.date'), value: escapeMarkdown(v.date), inline: true },
  ];
  if (v.tags.length) fields.push({ name: v.topicsLabel, value: escapedWithin(v.tags.join(' '), EMBED_LIMITS.fieldValue), inline: false });
  const more = v.whyMore ? ` · ${v.whyMore}` : '';
  fields.push({
    name: v.whyLabel,
    value: escapedWithin(`${v.why.join('; ') || '—'} (${v.score})${more}`, EMBED_LIMITS.fieldValue),
    inline: false,
  });
  if (v.also) fields.push({ name: t(lang, 'alert.story'), value: escapedWithin(v.also, EMBED_LIMITS.fieldValue), inline: false });

  const embed: APIEmbed = {
    title: escapedWithin(v.title, EMBED_LIMITS.title),
    color: COLOUR[v.scope],
    fields,
    footer: { text: 'Nadzor Watch' },
  };
  if (v.url && v.url.length <= 2048) embed.url = v.url;
  const description = [...v.milestones, v.lead].filter(Boolean).join('\n');
  if (description) embed.description = escapedWithin(description, 1000);
  return embed;
}
