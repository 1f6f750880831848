import { TOPICS, type Topic } from '../../shared/model/types';
import { parseLanguage } from '../notify/i18n/language';
import type { CommandInput, CommandName } from './types';

export const COMMAND_NAMES: readonly CommandName[] = ['start', 'help', 'latest', 'coverage', 'why', 'subscribe', 'unsubscribe', 'feeds'];

const MODES: Record<string, 'instant' | 'daily' | 'weekly'> = {
  instant: 'instant',
  odmah: 'instant',
  одмах: 'instant',
  daily: 'daily',
  dnevno: 'daily',
  дневно: 'daily',
  weekly: 'weekly',
  nedeljno: 'weekly',
  недељно: 'weekly',
};

const SCOPES: Record<string, 'domestic' | 'international'> = {
  domestic: 'domestic',
  domaci: 'domestic',
  domaći: 'domestic',
  домаћи: 'domestic',
  international: 'international',
  strani: 'international',
  страни: 'international',
  medjunarodni: 'international',
  međunarodni: 'international',
};

const positiveInt = (s: string | undefined): number | undefined => {
  if (!s || !/^\d{1,4}$/.test(s)) return undefined;
  const n = Number(s);
  return n > 0 ? n : undefined;
};

/** The arguments of /subscribe, given as words in any order. */
export function parseSubscribeArgs(words: readonly string[]): Extract<CommandInput, { name: 'subscribe' }> {
  const out: Extract<CommandInput, { name: 'subscribe' }> = { name: 'subscribe' };
  const unknown: string[] = [];
  const topics = new Set<Topic>();
  for (const raw of words) {
    const word = raw.toLowerCase();
    const score = /^(?:min|score|min_score|ocena)=(.+)$/.exec(word);
    const outlets = /^(?:outlets|mediji|медији|milestone)=(.+)$/.exec(word);
    if (MODES[word]) out.mode = MODES[word];
    else if (outlets) {
      const v = outlets[1];
      if (v === 'default') out.milestoneOutlets = null;
      else if (v === 'off' || v === 'ne' || v === 'не') out.milestoneOutlets = 0;
      else if (/^\d{1,3}$/.test(v) && Number(v) !== 1) out.milestoneOutlets = Number(v);
      else unknown.push(raw);
    }
    else if (parseLanguage(raw)) out.language = parseLanguage(raw)!;
    else if (score) {
      const value = score[1] === 'off' || score[1] === 'default' ? null : Number(score[1].replace(',', '.'));
      if (value === null || (Number.isFinite(value) && value >= 0 && value <= 1)) out.minScore = value;
      else unknown.push(raw);
    } else if (word === 'all' || word === 'sve' || word === 'све') out.topics = [];
    else {
      const listed = word.split(',').filter(Boolean);
      const known = listed.filter((x): x is Topic => (TOPICS as readonly string[]).includes(x));
      if (known.length && known.length === listed.length) known.forEach((x) => topics.add(x));
      else unknown.push(raw);
    }
  }
  if (topics.size) out.topics = [...topics];
  if (unknown.length) out.unknown = unknown;
  return out;
}

/**
 * A Telegram command's text after the command word ("5", "https://...", "add <url> strani N1")
 * as structured input. Never throws: what it cannot read becomes an argument the command
 * reports back.
 */
export function parseCommandText(name: CommandName, text: string): CommandInput {
  const words = text.trim().split(/\s+/).filter(Boolean);
  switch (name) {
    case 'start':
    case 'help':
    case 'unsubscribe':
      return { name };
    case 'latest':
      return { name, n: positiveInt(words[0]) };
    case 'coverage':
      return { name, days: positiveInt(words[0]) };
    case 'why':
      return { name, url: words[0] };
    case 'subscribe':
      return parseSubscribeArgs(words);
    case 'feeds': {
      const action = words[0]?.toLowerCase();
      if (action === 'add' || action === 'dodaj') {
        const rest = words.slice(2);
        const scope = rest[0] ? SCOPES[rest[0].toLowerCase()] : undefined;
        const outlet = (scope ? rest.slice(1) : rest).join(' ') || undefined;
        return { name, action: 'add', url: words[1], scope, outlet };
      }
      if (action === 'remove' || action === 'ukloni') return { name, action: 'remove', url: words[1] };
      return { name, action: 'list' };
    }
  }
}
