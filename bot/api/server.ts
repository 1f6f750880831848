/** Serving the API on HTTP_HOST:HTTP_PORT with @hono/node-server. */
import type { AddressInfo } from 'node:net';
import { createAdaptorServer, type ServerType } from '@hono/node-server';
import type { Config } from '../config';
import { apiLogger, createApp, type ApiConfig, type ApiDeps } from './app';
import { defaultAllowedHosts, type AllowedHost } from './host-check';
import { dashboardScript } from './dashboard/assets';
import { backfillSearchIndex } from './search-index';
import { backfillOrgIndex } from './org-index';
import { loadOrgs } from '../orgs';

export interface StartApiOptions extends Omit<ApiDeps, 'config'> {
  /** `loadConfig()` gives everything needed; httpPort 0 picks a free port (tests). */
  config: ApiConfig & Pick<Config, 'httpHost' | 'httpPort'>;
}

export interface RunningApi {
  server: ServerType;
  /** Base URL, e.g. http://127.0.0.1:8787 (with the real port when 0 was asked for). */
  url: string;
  /** Stops accepting connections, closes open ones and stops background work. */
  close(): Promise<void>;
}

/**
 * Starts the API and dashboard. Resolves once the socket listens; rejects if it cannot (port
 * taken, bad host) or the organisations list is invalid. Also starts filling the search and
 * organisation indexes of an existing database in the background and bundles the dashboard script ahead of the
 * first visit.
 */
export async function startApi(options: StartApiOptions): Promise<RunningApi> {
  const { config } = options;
  const logger = options.logger ?? apiLogger(config.secrets);
  // Filled in once the socket listens: the default allow list needs the real port (HTTP_PORT=0).
  let allowedHosts: readonly AllowedHost[] = config.allowedHosts ?? [];
  const orgs = options.orgs ?? loadOrgs({ ORGS_FILE: config.orgsFile });
  const app = createApp({ ...options, orgs, logger, allowedHosts: () => allowedHosts });
  const server = createAdaptorServer({ fetch: app.fetch });
  await new Promise<void>((resolve, reject) => {
    const onError = (err: Error) => reject(new Error(`cannot listen on ${config.httpHost}:${config.httpPort}: ${err.message}`));
    server.once('error', onError);
    server.listen(config.httpPort, config.httpHost, () => {
      server.off('error', onError);
      resolve();
    });
  });
  server.on('error', (err) => logger.error(`http server: ${err.message}`));
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' || address.address.includes(':') ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  if (!config.allowedHosts) allowedHosts = defaultAllowedHosts(config.httpHost, address.port);

  const stopSearchBackfill = backfillSearchIndex(options.storage.db, (err) => logger.error(`search index: ${(err as Error).message}`));
  const stopOrgBackfill = backfillOrgIndex(options.storage.db, orgs, (err) => logger.error(`organisation index: ${(err as Error).message}`));
  dashboardScript().catch((err: Error) => logger.error(`dashboard script bundle failed: ${err.message}`));
  logger.info(`API and dashboard on ${url} (write endpoints ${config.apiToken ? 'enabled' : 'disabled: API_TOKEN unset'})`);

  let closing: Promise<void> | undefined;
  return {
    server,
    url,
    close() {
      closing ??= new Promise<void>((resolve) => {
        stopSearchBackfill();
        stopOrgBackfill();
        server.close(() => resolve());
        // Keep-alive connections would hold close() open until they time out.
        if ('closeAllConnections' in server) server.closeAllConnections();
      });
      return closing;
    },
  };
}
