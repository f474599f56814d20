import { timingSafeEqual } from 'node:crypto';
import type { ServerConfig, SimulatorClient } from '../config';
import { hashToken } from './tokens';

/** The one registered client: the admin app itself, a public client that must use PKCE. */
export const APP_CLIENT_ID = 'phone-numbers-admin';

/** The Outreach simulator's confidential client, when the server plays Outreach and this is its id. */
export function simulatorClient(
  clientId: string | undefined,
  config: Pick<ServerConfig, 'outreachSimulator'>,
): SimulatorClient | undefined {
  const client = config.outreachSimulator;
  return client !== undefined && clientId === client.clientId ? client : undefined;
}

/** Compares a client secret in constant time (hashes first, so that the lengths match too). */
export const secretMatches = (sent: string | undefined, secret: string): boolean =>
  sent !== undefined &&
  timingSafeEqual(Buffer.from(hashToken(sent)), Buffer.from(hashToken(secret)));
