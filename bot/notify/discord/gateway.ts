import { Client, Events, GatewayIntentBits, type ChatInputCommandInteraction } from 'discord.js';
import type { Logger } from '../types';

export interface DiscordGatewayOptions {
  token: string;
  /** REST base (DISCORD_API_URL); the gateway URL itself comes from GET /gateway/bot there. */
  api: string;
  onCommand: (interaction: ChatInputCommandInteraction) => Promise<void>;
  logger: Logger;
}

/**
 * Connects the bot to the Discord gateway, only to receive slash commands. Alert delivery
 * never depends on it: a failed login or a lost connection is logged and the REST notifiers
 * carry on. discord.js reconnects by itself after the first successful login.
 */
export function startDiscordGateway(options: DiscordGatewayOptions): { client: Client; stop(): Promise<void> } {
  const { logger } = options;
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: options.api } });
  client.on(Events.InteractionCreate, (interaction) => {
    if (!interaction.isChatInputCommand()) return;
    options.onCommand(interaction).catch((err: unknown) => {
      logger.error('discord: could not answer a command', { error: err instanceof Error ? err.message : String(err) });
    });
  });
  client.on(Events.Error, (err) => logger.error('discord: gateway error (alerts still go out over REST)', { error: err.message }));
  client.on(Events.ShardDisconnect, (_event, shard) => logger.warn('discord: gateway disconnected; reconnecting', { shard }));
  client.once(Events.ClientReady, (c) => logger.info('discord: gateway connected; answering slash commands', { user: c.user.tag }));
  client.login(options.token).catch((err: unknown) => {
    logger.error('discord: gateway login failed; slash commands are off, alerts still go out over REST', {
      error: err instanceof Error ? err.message : String(err),
    });
  });
  return {
    client,
    async stop() {
      await client.destroy();
    },
  };
}
