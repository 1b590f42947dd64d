/**
 * Opening a 1C base: the transport with its credentials, `$metadata`, the configuration (detected or
 * configured) and the plan of what to read. Shared by the sync and by `--check`.
 */
import type { Logger } from '@sledopyt/contract';
import { readFileSync } from 'node:fs';
import { PROFILE_TITLES_RU, detectProfile } from './composition.js';
import type { ProfileName } from './composition.js';
import { resolvePassword, sourceIdOf } from './config.js';
import type { OneCSyncConfig, SecretSources } from './config.js';
import { onecErrors } from './errors.js';
import { parseMetadata } from './metadata.js';
import type { ServiceMetadata } from './metadata.js';
import type { Clock } from './odata/timing.js';
import { resolvePlan } from './plan.js';
import type { SyncPlan } from './plan.js';
import { ODataTransport } from './transport.js';

export interface SessionServices {
  /** Where the password comes from (default: the process environment and the file system). */
  secrets?: Partial<SecretSources> | undefined;
  /** Injected time for tests (rate limit and backoff waits). */
  clock?: Clock | undefined;
  random?: (() => number) | undefined;
}

export interface Session {
  transport: ODataTransport;
  metadata: ServiceMetadata;
  profile: ProfileName;
  profileTitleRu: string;
  plan: SyncPlan;
  sourceId: string;
}

export function createTransport(config: OneCSyncConfig, services: SessionServices, logger: Logger, signal?: AbortSignal): ODataTransport {
  const secrets: SecretSources = { env: services.secrets?.env ?? process.env, readFile: services.secrets?.readFile ?? ((path) => readFileSync(path, 'utf8')) };
  const password = resolvePassword(config, secrets);
  return new ODataTransport({
    url: config.url,
    credentials: config.user === undefined ? null : { user: config.user, password: password ?? '' },
    timeoutMs: config.timeouts.requestMs,
    metadataTimeoutMs: config.timeouts.metadataMs,
    retries: config.retries.attempts,
    backoff: { baseDelayMs: config.retries.baseDelayMs, maxDelayMs: config.retries.maxDelayMs },
    requestsPerSecond: config.rateLimit.requestsPerSecond,
    logger,
    signal,
    clock: services.clock,
    random: services.random,
  });
}

/** Connects, reads `$metadata` and decides the configuration; fails with a message for the admin when it cannot. */
export async function openSession(config: OneCSyncConfig, services: SessionServices, logger: Logger, signal?: AbortSignal): Promise<Session> {
  const transport = createTransport(config, services, logger, signal);
  const metadata = parseMetadata(await transport.metadata());
  const profile = config.profile === 'auto' ? detectProfile(metadata) : config.profile;
  if (profile === null) throw onecErrors.configurationUnknown(metadata.names());
  logger.info({ profile, entitySets: metadata.sets.size }, `1С: ${PROFILE_TITLES_RU[profile]}, опубликовано объектов: ${metadata.sets.size}`);
  return { transport, metadata, profile, profileTitleRu: PROFILE_TITLES_RU[profile], plan: resolvePlan(metadata, profile), sourceId: sourceIdOf(config) };
}
