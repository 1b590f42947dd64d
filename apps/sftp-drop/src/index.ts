/**
 * @sledopyt/sftp-drop — takes ФНС XML files from an SFTP inbox into the store (through the same idempotent,
 * transactional import as `sledopyt import`) and publishes generated files to an outbox. The default export
 * is the adapter definition the CLI and the scheduler run; the named exports are its parts.
 */
import { ADAPTER_CONTRACT_VERSION, defineAdapter } from '@sledopyt/contract';
import type { AdapterContext } from '@sledopyt/contract';
import type { Store } from '@sledopyt/store';
import { sftpDropConfigSchema } from './config.js';
import type { SftpDropConfig } from './config.js';
import { sftpErrors } from './errors.js';
import { pollOnce } from './poll.js';
import type { PollSummary } from './poll.js';
import { SftpTransport } from './transport.js';

export interface SftpDropServices {
  store: Store;
}

/** The store's job name of an inbox (lower-case letters, digits, `. _ : -`). */
export const jobNameOf = (config: SftpDropConfig): string =>
  `sftp:${config.host}:${config.port}:${config.inbox}`.toLowerCase().replace(/[^a-z0-9_.:-]/g, '_').slice(0, 100);

/** One poll under the store's job lock (two pollers of one inbox would race on the moves). */
export async function runSftpPoll(context: AdapterContext<SftpDropConfig, SftpDropServices>): Promise<PollSummary> {
  const { config, logger, signal, services } = context;
  const transport = new SftpTransport(config, { logger });
  try {
    const locked = await services.store.withJobLock(jobNameOf(config), () =>
      pollOnce(transport, config, { store: services.store, logger, signal }),
    );
    if (!locked.acquired) throw sftpErrors.locked(locked.holder);
    return locked.value;
  } finally {
    await transport.close();
  }
}

export const sftpDropAdapter = defineAdapter({
  name: 'sftp-drop',
  contractVersion: ADAPTER_CONTRACT_VERSION,
  descriptionRu: 'забрать XML-файлы ФНС из папки SFTP-сервера в базу и выложить сформированные файлы',
  configSchema: sftpDropConfigSchema,
  run: runSftpPoll,
});

export default sftpDropAdapter;

export { sftpDropConfigSchema, parseSftpDropConfig } from './config.js';
export type { SftpDropConfig, SftpDropConfigInput } from './config.js';
export { SftpTransport } from './transport.js';
export type { RemoteFile, SecretSources, TransportOptions } from './transport.js';
export { pollOnce } from './poll.js';
export type { PollSummary, PollOptions, FileOutcome } from './poll.js';
export { pushFiles } from './push.js';
export type { PushedFile } from './push.js';
export { sftpErrors } from './errors.js';
export { fingerprintOfHex, fingerprintOfKey, knownHostFingerprints } from './host-key.js';
export { isCandidateName, archivePath, safeLocalName } from './remote-names.js';
