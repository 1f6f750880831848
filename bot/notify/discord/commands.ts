import {
  MessageFlags,
  PermissionFlagsBits,
  SlashCommandBuilder,
  type ChatInputCommandInteraction,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { TOPICS } from '../../../shared/model/types';
import { parseSubscribeArgs, runCommand, type ChatContext, type CommandDeps, type CommandInput } from '../../commands/index';
import { t } from '../i18n/localize';
import type { Logger } from '../types';
import { renderDiscordMarkdown } from './markdown';

/** The slash commands, registered through REST when the bot starts. Descriptions in both languages. */
export function discordCommandDefinitions(): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return [
    new SlashCommandBuilder()
      .setName('latest')
      .setDescription('Najnoviji članci / Latest articles')
      .addIntegerOption((o) => o.setName('n').setDescription('Koliko / How many').setMinValue(1).setMaxValue(20)),
    new SlashCommandBuilder()
      .setName('coverage')
      .setDescription('Pokrivenost / Coverage')
      .addIntegerOption((o) => o.setName('days').setDescription('Dana / Days').setMinValue(1).setMaxValue(365)),
    new SlashCommandBuilder()
      .setName('why')
      .setDescription('Zašto je članak označen / Why an article was flagged')
      .addStringOption((o) => o.setName('url').setDescription('Link članka / Article link').setRequired(true)),
    new SlashCommandBuilder()
      .setName('subscribe')
      .setDescription('Pretplata ovog kanala / Subscribe this channel')
      .addStringOption((o) =>
        o
          .setName('mode')
          .setDescription('Kada / When')
          .addChoices({ name: 'instant', value: 'instant' }, { name: 'daily', value: 'daily' }, { name: 'weekly', value: 'weekly' }),
      )
      .addStringOption((o) =>
        o
          .setName('language')
          .setDescription('Jezik / Language')
          .addChoices({ name: 'srpski (latinica)', value: 'sr-Latn' }, { name: 'српски (ћирилица)', value: 'sr-Cyrl' }, { name: 'English', value: 'en' }),
      )
      .addNumberOption((o) => o.setName('min_score').setDescription('Najmanja ocena / Minimum score, 0-1').setMinValue(0).setMaxValue(1))
      .addIntegerOption((o) =>
        o.setName('outlets').setDescription('Kratak odgovor kad priču prenese N medija / Reply when N outlets carry a story (0: off)').setMinValue(0).setMaxValue(999),
      )
      .addStringOption((o) => o.setName('topics').setDescription(`Teme / Topics: ${TOPICS.join(', ')}, all`.slice(0, 100))),
    new SlashCommandBuilder().setName('unsubscribe').setDescription('Otkaži pretplatu / Unsubscribe'),
    new SlashCommandBuilder()
      .setName('feeds')
      .setDescription('Izvori / Feeds')
      .addSubcommand((s) => s.setName('list').setDescription('Spisak / List'))
      .addSubcommand((s) =>
        s
          .setName('add')
          .setDescription('Dodaj (administratori) / Add (admins)')
          .addStringOption((o) => o.setName('url').setDescription('Link izvora / Feed link').setRequired(true))
          .addStringOption((o) =>
            o
              .setName('scope')
              .setDescription('Domaći ili strani / Domestic or international')
              .addChoices({ name: 'domaći / domestic', value: 'domestic' }, { name: 'strani / international', value: 'international' }),
          )
          .addStringOption((o) => o.setName('name').setDescription('Naziv medija / Outlet name')),
      )
      .addSubcommand((s) =>
        s
          .setName('remove')
          .setDescription('Ukloni (administratori) / Remove (admins)')
          .addStringOption((o) => o.setName('url').setDescription('Link izvora / Feed link').setRequired(true)),
      ),
  ].map((b) => b.toJSON());
}

/** A slash command's options as the shared command input. */
export function inputOf(interaction: ChatInputCommandInteraction): CommandInput | null {
  const o = interaction.options;
  switch (interaction.commandName) {
    case 'latest':
      return { name: 'latest', n: o.getInteger('n') ?? undefined };
    case 'coverage':
      return { name: 'coverage', days: o.getInteger('days') ?? undefined };
    case 'why':
      return { name: 'why', url: o.getString('url') ?? undefined };
    case 'subscribe': {
      const words = [o.getString('mode'), o.getString('language'), ...(o.getString('topics')?.split(/[\s,]+/) ?? [])].filter(
        (w): w is string => Boolean(w),
      );
      const min = o.getNumber('min_score');
      if (min !== null) words.push(`min=${min}`);
      const outlets = o.getInteger('outlets');
      if (outlets !== null) words.push(`outlets=${outlets}`);
      return parseSubscribeArgs(words);
    }
    case 'unsubscribe':
      return { name: 'unsubscribe' };
    case 'feeds': {
      const sub = o.getSubcommand(false) ?? 'list';
      if (sub === 'add') {
        const scope = o.getString('scope');
        return {
          name: 'feeds',
          action: 'add',
          url: o.getString('url') ?? undefined,
          scope: scope === 'domestic' || scope === 'international' ? scope : undefined,
          outlet: o.getString('name') ?? undefined,
        };
      }
      if (sub === 'remove') return { name: 'feeds', action: 'remove', url: o.getString('url') ?? undefined };
      return { name: 'feeds', action: 'list' };
    }
    default:
      return null;
  }
}

/** Where the configured Discord destination posts, as far as it could be looked up. */
export interface ProjectPlace {
  guildId: string | null;
  channelId: string | null;
}

export interface DiscordCommandOptions {
  deps: CommandDeps;
  /**
   * The configured destination's guild (Manage Server there allows feed changes) and channel
   * (commands there act on the 'discord' target itself).
   */
  projectPlace: () => Promise<ProjectPlace>;
  logger: Logger;
}

const NO_MENTIONS = { parse: [] as never[] };

/**
 * Handles one slash command through the shared command layer. "Chat admin" on Discord is the
 * Manage Server permission; feed changes also require the project's own guild. Replies are
 * markdown with feed text escaped and mentions disabled; a refusal is visible only to the
 * person who asked.
 */
export function createDiscordCommandHandler(options: DiscordCommandOptions) {
  return async (interaction: ChatInputCommandInteraction): Promise<void> => {
    const input = inputOf(interaction);
    const place = await options.projectPlace();
    const chat: ChatContext = {
      platform: 'discord',
      chatId: interaction.channelId,
      target: place.channelId !== null && place.channelId === interaction.channelId ? 'discord' : undefined,
      isPrivate: !interaction.inGuild(),
      userId: interaction.user.id,
      isAdmin: async () => interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false,
      canManageFeeds: async () =>
        interaction.inGuild() &&
        (interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false) &&
        place.guildId !== null &&
        interaction.guildId === place.guildId,
    };
    const { routing } = options.deps;
    const lang = routing.languageFor(chat.target ?? routing.targetForChat('discord', chat.chatId));
    // Checking a feed URL resolves DNS, which can outlast Discord's 3-second reply window.
    const slow = input?.name === 'feeds' && input.action === 'add';
    if (slow) await interaction.deferReply();
    let parts: string[];
    let ephemeral = false;
    try {
      if (!input) {
        parts = [t(lang, 'command.unknown')];
        ephemeral = true;
      } else {
        const reply = await runCommand(input, chat, options.deps);
        parts = renderDiscordMarkdown(reply.doc);
        ephemeral = reply.ephemeral === true;
      }
    } catch (err) {
      options.logger.error('discord: command failed', { command: interaction.commandName, error: err instanceof Error ? err.message : String(err) });
      parts = [t(lang, 'error.generic')];
      ephemeral = true;
    }
    const flags = ephemeral ? MessageFlags.Ephemeral : undefined;
    if (slow) await interaction.editReply({ content: parts[0], allowedMentions: NO_MENTIONS });
    else await interaction.reply({ content: parts[0], allowedMentions: NO_MENTIONS, flags });
    for (const part of parts.slice(1)) await interaction.followUp({ content: part, allowedMentions: NO_MENTIONS, flags });
  };
}
