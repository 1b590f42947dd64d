/**
 * Whose file is it? Forms filed with ФНС (notifications, report, declaration) name their taxpayer. A УПД/УКД
 * names two parties, and ours is:
 * - the configured ИНН (`--inn`), which must be one of them;
 * - otherwise each party that is a taxpayer in the store. When both are (two companies of one holding
 *   trading with each other), the document is stored for both: a sale for one, a purchase for the other.
 * Neither → IMPORT_TAXPAYER_UNDECIDED, saying what to do.
 */
import type { Store } from '@sledopyt/store';
import type { PartyFacts } from './file-facts.js';
import { notOurs, taxpayerUndecided } from './errors.js';

export async function invoiceTaxpayers(store: Store, path: string, parties: readonly string[], configured: string | undefined): Promise<string[]> {
  const distinct = [...new Set(parties)];
  if (configured !== undefined) {
    if (!distinct.includes(configured)) throw notOurs(path, configured, distinct);
    return [configured];
  }
  const known: string[] = [];
  for (const inn of distinct) if ((await store.findTaxpayer(inn)) !== undefined) known.push(inn);
  if (known.length === 0) throw taxpayerUndecided(path, distinct);
  return known;
}

/** The taxpayer a form names; with `--inn`, it must be that one. */
export function formTaxpayerInn(path: string, named: string | undefined, configured: string | undefined): string {
  if (configured !== undefined && named !== undefined && named !== configured) throw notOurs(path, configured, [named]);
  const inn = named ?? configured;
  if (inn === undefined) throw taxpayerUndecided(path, []);
  return inn;
}

/**
 * Fills in a taxpayer's missing КПП and name from a file it is party to; what the store already has stays
 * (an old document must not rename a company). Runs after the file's transaction: it adds nothing of the file.
 */
export async function completeTaxpayer(store: Store, party: PartyFacts): Promise<void> {
  if (party.inn === null) return;
  const stored = await store.findTaxpayer(party.inn);
  if (stored === undefined) return;
  const kpp = stored.kpp === null && party.kpp !== null ? party.kpp : undefined;
  const name = stored.name === null && party.name.trim() !== '' ? party.name : undefined;
  if (kpp === undefined && name === undefined) return;
  await store.upsertTaxpayer({ inn: party.inn, ...(kpp === undefined ? {} : { kpp }), ...(name === undefined ? {} : { name }) });
}
