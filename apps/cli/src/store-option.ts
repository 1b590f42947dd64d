/** `--db URL` for every command that uses the store: open (migrations run), work, always close; never print the password. */
import type { Logger } from '@sledopyt/contract';
import { DEFAULT_STORE_URL, openStore, redactUrl, type Store } from '@sledopyt/store';

export const DB_OPTION_HELP = `база данных: sqlite:ПУТЬ или postgres://… (по умолчанию ${DEFAULT_STORE_URL})`;

export async function withStore<T>(url: string | undefined, logger: Logger, work: (store: Store) => Promise<T>): Promise<T> {
  const target = url ?? DEFAULT_STORE_URL;
  const store = await openStore(target);
  logger.debug({ db: redactUrl(target), migrationsApplied: store.migrationsApplied }, 'база открыта');
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}
