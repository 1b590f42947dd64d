/**
 * The batch ledger: balances per (taxpayer ИНН, RNPT, ОКЕИ unit) from receipts and disposals, and the
 * ledger findings of the discrepancy catalog (NEGATIVE_BALANCE, RNPT_UNKNOWN, OPERATION_AFTER_TERMINATION,
 * RENEWAL_WITHOUT_TERMINATION).
 *
 * Which code a shortfall gets: RNPT_UNKNOWN when the key has no receipt at all; OPERATION_AFTER_TERMINATION
 * when the shortfall is covered by quantity whose traceability ended (01–09) and was not renewed (10–12);
 * NEGATIVE_BALANCE otherwise. One finding per movement.
 *
 * Order: movements are processed by date; within one day receipts come before disposals (documents
 * rarely carry a time, and goods received and sold on the same day are normal), then in arrival order.
 * `Ledger` is incremental — feed it movements in date order; it holds back only the current day, so
 * memory does not grow with the stream. `computeBalances` sorts an array and runs a `Ledger` over it.
 */
import { compareDates, formatDateRu } from '../calendar-date.js';
import type { CalendarDate } from '../calendar-date.js';
import { SledopytError } from '../errors.js';
import {
  ZERO_QUANTITY,
  addQuantities,
  formatQuantity,
  formatQuantityRu,
  maxQuantity,
  minQuantity,
  negateQuantity,
  subtractQuantities,
} from '../money/quantity.js';
import type { Quantity } from '../money/quantity.js';
import type { Rnpt } from '../rnpt/rnpt.js';
import type { FindingSeverity } from '../settings.js';
import type { Inn } from '../taxpayer.js';
import { MOVEMENT_KINDS } from './movement-kinds.js';
import type { MovementKind, MovementKindRule } from './movement-kinds.js';
import { describeDocumentRu, movementOperationCode } from './movement.js';
import type { Movement, MovementDocument } from './movement.js';
import { RENEWAL_UNDOES } from './operation-codes.js';
import type { OperationCode } from './operation-codes.js';

export interface LedgerKey {
  taxpayerInn: Inn;
  rnpt: Rnpt;
  /** ОКЕИ code of the traceability unit. */
  unit: string;
}

export interface LedgerBalance extends LedgerKey {
  /** Receipts (including renewals), net of buyer-side corrections. */
  received: Quantity;
  /** Disposals that keep traceability (sales, transfers…), net of seller-side corrections. */
  disposed: Quantity;
  /** Disposals that ended traceability (codes 01–09). */
  terminated: Quantity;
  /** The part of `received` that came back into traceability (codes 10–12). */
  renewed: Quantity;
  /** received − disposed − terminated; negative when disposals exceeded receipts. */
  onHand: Quantity;
  firstReceiptDate: CalendarDate | null;
  lastMovementDate: CalendarDate;
  movementCount: number;
}

export type LedgerFindingCode = 'NEGATIVE_BALANCE' | 'RNPT_UNKNOWN' | 'OPERATION_AFTER_TERMINATION' | 'RENEWAL_WITHOUT_TERMINATION';

/** Severities of discrepancies.md. */
export const LEDGER_FINDING_SEVERITY: Readonly<Record<LedgerFindingCode, FindingSeverity>> = {
  NEGATIVE_BALANCE: 'error',
  RNPT_UNKNOWN: 'error',
  OPERATION_AFTER_TERMINATION: 'error',
  RENEWAL_WITHOUT_TERMINATION: 'warning',
};

/** A problem the ledger found at one movement. Plain JSON: quantities are decimal strings. */
export interface LedgerFinding extends LedgerKey {
  code: LedgerFindingCode;
  severity: FindingSeverity;
  date: CalendarDate;
  movementId: string | undefined;
  movementKind: MovementKind;
  document: MovementDocument;
  message: string;
  messageRu: string;
  details: Record<string, string | number | boolean | null | readonly string[]>;
}

interface KeyState {
  key: LedgerKey;
  received: Quantity;
  disposed: Quantity;
  terminated: Quantity;
  renewed: Quantity;
  hasReceipt: boolean;
  firstReceiptDate: CalendarDate | null;
  lastMovementDate: CalendarDate;
  movementCount: number;
  /**
   * Quantity terminated per termination code, less what renewals have taken back; made at the first
   * termination (few RNPTs have one, and an empty Map per key was a fifth of the reconciler's memory).
   */
  renewable: Map<OperationCode, Quantity> | undefined;
  lastTermination: { date: CalendarDate; operationCode: OperationCode } | null;
}

const onHandOf = (state: KeyState): Quantity =>
  subtractQuantities(subtractQuantities(state.received, state.disposed), state.terminated);

/** How a movement changes its key's balance: which total it moves, and in which direction. */
export type BalanceEffect =
  | { total: 'received' | 'disposed' | 'terminated'; sign: 1 }
  | { total: 'received' | 'disposed'; sign: -1 };

/** The one rule for how a kind of movement moves the balance (the store's SQL balances use it too). */
export function balanceEffectOf(rule: MovementKindRule): BalanceEffect {
  if (rule.corrects === 'disposal') return rule.direction === 'receipt' ? { total: 'disposed', sign: -1 } : { total: 'disposed', sign: 1 };
  if (rule.corrects === 'receipt') return rule.direction === 'receipt' ? { total: 'received', sign: 1 } : { total: 'received', sign: -1 };
  if (rule.direction === 'receipt') return { total: 'received', sign: 1 };
  return rule.endsTraceability ? { total: 'terminated', sign: 1 } : { total: 'disposed', sign: 1 };
}

/** True when the movement takes goods out of the balance (and so needs something on hand). */
const takesFromBalance = (rule: MovementKindRule): boolean => rule.direction === 'disposal';

const keyString = (key: LedgerKey): string => `${key.taxpayerInn}|${key.rnpt}|${key.unit}`;
const rnptString = (key: LedgerKey): string => `${key.taxpayerInn}|${key.rnpt}`;

export class Ledger {
  readonly #states = new Map<string, KeyState>();
  /**
   * Units that had receipts, per (taxpayer, RNPT): to explain an RNPT_UNKNOWN caused by a unit mismatch. An
   * array, not a Set: nearly every RNPT has one unit, and this map has an entry per RNPT.
   */
  readonly #receivedUnits = new Map<string, string[]>();
  readonly #findings: LedgerFinding[] = [];
  #pendingDate: CalendarDate | null = null;
  #pending: Movement[] = [];
  #lastFlushedDate: CalendarDate | null = null;

  /**
   * Adds a movement. Movements must come in date order; the current day is held back so that its
   * receipts go first. Returns the findings of any day this movement closed.
   */
  add(movement: Movement): LedgerFinding[] {
    const latest = this.#pendingDate ?? this.#lastFlushedDate;
    if (latest !== null && compareDates(movement.date, latest) < 0) {
      throw new SledopytError({
        code: 'LEDGER_OUT_OF_ORDER',
        message: `Movement dated ${movement.date} arrived after movements of ${latest}; sort movements by date`,
        messageRu: `Движение от ${formatDateRu(movement.date)} поступило после движений от ${formatDateRu(latest)}: движения нужно подавать по возрастанию даты`,
        actor: 'developer',
        details: { date: movement.date, latestDate: latest, movementId: movement.id ?? null },
      });
    }
    const closed = this.#pendingDate !== null && movement.date !== this.#pendingDate ? this.flush() : [];
    this.#pendingDate = movement.date;
    this.#pending.push(movement);
    return closed;
  }

  /** Whether a receipt under this RNPT (in any unit) has been processed for the taxpayer. */
  hasReceipt(taxpayerInn: string, rnpt: string): boolean {
    return this.#receivedUnits.has(`${taxpayerInn}|${rnpt}`);
  }

  /**
   * Processes the held-back day and returns its findings. Reading balances flushes too; movements of the
   * same date added afterwards are processed after it (their receipts no longer go first).
   */
  flush(): LedgerFinding[] {
    const day = this.#pending;
    if (day.length === 0) return [];
    this.#lastFlushedDate = this.#pendingDate;
    this.#pending = [];
    this.#pendingDate = null;
    const ordered = [
      ...day.filter((m) => !takesFromBalance(MOVEMENT_KINDS[m.kind])),
      ...day.filter((m) => takesFromBalance(MOVEMENT_KINDS[m.kind])),
    ];
    const found: LedgerFinding[] = [];
    for (const movement of ordered) found.push(...this.#apply(movement));
    this.#findings.push(...found);
    return found;
  }

  /** Every finding so far (after flushing the held-back day). */
  findings(): readonly LedgerFinding[] {
    this.flush();
    return this.#findings;
  }

  /** Balances sorted by taxpayer, RNPT and unit (after flushing the held-back day). */
  balances(): LedgerBalance[] {
    this.flush();
    return [...this.#states.values()]
      .map(toBalance)
      .sort((a, b) => compareStrings(a.taxpayerInn, b.taxpayerInn) || compareStrings(a.rnpt, b.rnpt) || compareStrings(a.unit, b.unit));
  }

  balance(key: LedgerKey): LedgerBalance | undefined {
    this.flush();
    const state = this.#states.get(keyString(key));
    return state === undefined ? undefined : toBalance(state);
  }

  #state(movement: Movement): KeyState {
    const key: LedgerKey = { taxpayerInn: movement.taxpayerInn, rnpt: movement.rnpt, unit: movement.unit };
    const id = keyString(key);
    let state = this.#states.get(id);
    if (state === undefined) {
      state = {
        key,
        received: ZERO_QUANTITY,
        disposed: ZERO_QUANTITY,
        terminated: ZERO_QUANTITY,
        renewed: ZERO_QUANTITY,
        hasReceipt: false,
        firstReceiptDate: null,
        lastMovementDate: movement.date,
        movementCount: 0,
        renewable: undefined,
        lastTermination: null,
      };
      this.#states.set(id, state);
    }
    return state;
  }

  #apply(movement: Movement): LedgerFinding[] {
    const rule = MOVEMENT_KINDS[movement.kind];
    const state = this.#state(movement);
    const findings: LedgerFinding[] = [];
    const code = movementOperationCode(movement);

    if (takesFromBalance(rule)) {
      const finding = this.#checkAvailability(state, movement);
      if (finding) findings.push(finding);
    }
    if (rule.renewal && code !== null) {
      const finding = checkRenewal(state, movement, code);
      if (finding) findings.push(finding);
    }

    const effect = balanceEffectOf(rule);
    const signed = effect.sign === 1 ? movement.quantity : negateQuantity(movement.quantity);
    state[effect.total] = addQuantities(state[effect.total], signed);
    if (rule.renewal) state.renewed = addQuantities(state.renewed, movement.quantity);
    if (rule.endsTraceability && code !== null) {
      state.renewable ??= new Map();
      state.renewable.set(code, addQuantities(state.renewable.get(code) ?? ZERO_QUANTITY, movement.quantity));
      state.lastTermination = { date: movement.date, operationCode: code };
    }
    if (rule.direction === 'receipt' && rule.corrects === null) {
      state.hasReceipt = true;
      state.firstReceiptDate ??= movement.date;
      const rnpt = rnptString(state.key);
      const units = this.#receivedUnits.get(rnpt);
      if (units === undefined) this.#receivedUnits.set(rnpt, [state.key.unit]);
      else if (!units.includes(state.key.unit)) units.push(state.key.unit);
    }
    state.lastMovementDate = movement.date;
    state.movementCount += 1;
    return findings;
  }

  #checkAvailability(state: KeyState, movement: Movement): LedgerFinding | undefined {
    const doc = describeDocumentRu(movement.document);
    const label = MOVEMENT_KINDS[movement.kind].labelRu;
    if (!state.hasReceipt) {
      const otherUnits = [...(this.#receivedUnits.get(rnptString(state.key)) ?? [])].filter((u) => u !== state.key.unit).sort();
      const unitNote =
        otherUnits.length > 0
          ? ` Поступления по этому РНПТ учтены в единице ОКЕИ ${otherUnits.join(', ')}, а здесь указана ${state.key.unit} — проверьте единицу.`
          : '';
      return finding('RNPT_UNKNOWN', state, movement, {
        message: `RNPT ${state.key.rnpt} (unit ${state.key.unit}) is disposed of on ${movement.date} but has no receipt`,
        messageRu:
          `РНПТ ${state.key.rnpt} указан в документе «${doc}» (${label.toLowerCase()}), но поступления по нему нет: ` +
          `ни приобретения, ни ввоза, ни остатков в единице ОКЕИ ${state.key.unit}.${unitNote} ` +
          'Найдите документ поступления или уведомление либо исправьте РНПТ',
        details: { quantity: formatQuantity(movement.quantity), unitsWithReceipts: otherUnits },
      });
    }
    const available = maxQuantity(onHandOf(state), ZERO_QUANTITY);
    if (movement.quantity <= available) return undefined;
    const shortfall = subtractQuantities(movement.quantity, available);
    const netTerminated = subtractQuantities(state.terminated, state.renewed);
    // The termination explains the shortfall only if the goods would be on hand without it; a larger
    // shortfall means a receipt is missing whatever the terminations were.
    if (netTerminated > 0n && shortfall <= netTerminated && state.lastTermination !== null) {
      const last = state.lastTermination;
      return finding('OPERATION_AFTER_TERMINATION', state, movement, {
        message:
          `RNPT ${state.key.rnpt}: ${formatQuantity(movement.quantity)} disposed of on ${movement.date}, but only ` +
          `${formatQuantity(available)} is on hand after traceability of ${formatQuantity(netTerminated)} ended`,
        messageRu:
          `По РНПТ ${state.key.rnpt} документ «${doc}» (${label.toLowerCase()}) списывает ${formatQuantityRu(movement.quantity)}, ` +
          `а в наличии ${formatQuantityRu(available)}: прослеживаемость ${formatQuantityRu(netTerminated)} уже прекращена ` +
          `(последняя операция — код ${last.operationCode} от ${formatDateRu(last.date)}) и не возобновлена. ` +
          'Проверьте операцию прекращения прослеживаемости или РНПТ в документе',
        details: {
          quantity: formatQuantity(movement.quantity),
          available: formatQuantity(available),
          shortfall: formatQuantity(shortfall),
          terminated: formatQuantity(netTerminated),
          lastTerminationDate: last.date,
          lastTerminationCode: last.operationCode,
        },
      });
    }
    return finding('NEGATIVE_BALANCE', state, movement, {
      message:
        `RNPT ${state.key.rnpt}: ${formatQuantity(movement.quantity)} disposed of on ${movement.date} with ` +
        `${formatQuantity(available)} on hand (short by ${formatQuantity(shortfall)})`,
      messageRu:
        `По РНПТ ${state.key.rnpt} документ «${doc}» (${label.toLowerCase()}) списывает ${formatQuantityRu(movement.quantity)}, ` +
        `а в наличии на эту дату только ${formatQuantityRu(available)} — не хватает ${formatQuantityRu(shortfall)}. ` +
        'Найдите недостающее поступление или проверьте РНПТ в документах выбытия',
      details: {
        quantity: formatQuantity(movement.quantity),
        available: formatQuantity(available),
        shortfall: formatQuantity(shortfall),
      },
    });
  }
}

function checkRenewal(state: KeyState, movement: Movement, code: OperationCode): LedgerFinding | undefined {
  const undoes = code in RENEWAL_UNDOES ? RENEWAL_UNDOES[code as keyof typeof RENEWAL_UNDOES] : [];
  let remaining: Quantity = movement.quantity;
  let renewable: Quantity = ZERO_QUANTITY;
  const pools = state.renewable;
  for (const terminationCode of undoes) {
    const pool = pools?.get(terminationCode);
    if (pools === undefined || pool === undefined) continue; // nothing was terminated with this code
    renewable = addQuantities(renewable, pool);
    const taken = minQuantity(pool, remaining);
    pools.set(terminationCode, subtractQuantities(pool, taken));
    remaining = subtractQuantities(remaining, taken);
  }
  if (remaining <= 0n) return undefined;
  const doc = describeDocumentRu(movement.document);
  return finding('RENEWAL_WITHOUT_TERMINATION', state, movement, {
    message:
      `RNPT ${state.key.rnpt}: renewal ${code} of ${formatQuantity(movement.quantity)} on ${movement.date}, but only ` +
      `${formatQuantity(renewable)} was terminated by ${undoes.join('/')} and not yet renewed`,
    messageRu:
      `По РНПТ ${state.key.rnpt} документ «${doc}» возобновляет прослеживаемость (код ${code}) для ${formatQuantityRu(movement.quantity)}, ` +
      `а прекращённых операциями с кодом ${undoes.join(' или ')} и ещё не возобновлённых только ${formatQuantityRu(renewable)}. ` +
      'Проверьте код операции: возобновлять можно только то, что было прекращено',
    details: {
      operationCode: code,
      undoes: [...undoes],
      quantity: formatQuantity(movement.quantity),
      renewable: formatQuantity(renewable),
      excess: formatQuantity(remaining),
    },
  });
}

function finding(
  code: LedgerFindingCode,
  state: KeyState,
  movement: Movement,
  text: { message: string; messageRu: string; details: LedgerFinding['details'] },
): LedgerFinding {
  return {
    code,
    severity: LEDGER_FINDING_SEVERITY[code],
    ...state.key,
    date: movement.date,
    movementId: movement.id,
    movementKind: movement.kind,
    document: movement.document,
    ...text,
  };
}

function toBalance(state: KeyState): LedgerBalance {
  return {
    ...state.key,
    received: state.received,
    disposed: state.disposed,
    terminated: state.terminated,
    renewed: state.renewed,
    onHand: onHandOf(state),
    firstReceiptDate: state.firstReceiptDate,
    lastMovementDate: state.lastMovementDate,
    movementCount: state.movementCount,
  };
}

const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export interface ComputeBalancesOptions {
  /** Ignore movements after this day (e.g. the end of the quarter). */
  until?: CalendarDate | undefined;
}

export interface LedgerResult {
  balances: LedgerBalance[];
  findings: LedgerFinding[];
}

/** Sorts movements by date (stable) and runs a `Ledger` over them. */
export function computeBalances(movements: Iterable<Movement>, options: ComputeBalancesOptions = {}): LedgerResult {
  const until = options.until;
  const sorted = [...movements]
    .filter((m) => until === undefined || compareDates(m.date, until) <= 0)
    .sort((a, b) => compareDates(a.date, b.date));
  const ledger = new Ledger();
  for (const movement of sorted) ledger.add(movement);
  return { balances: ledger.balances(), findings: [...ledger.findings()] };
}

/** A balance as JSON: quantities as decimal strings. */
export function balanceToJSON(balance: LedgerBalance): Record<string, string | number | null> {
  return {
    taxpayerInn: balance.taxpayerInn,
    rnpt: balance.rnpt,
    unit: balance.unit,
    received: formatQuantity(balance.received),
    disposed: formatQuantity(balance.disposed),
    terminated: formatQuantity(balance.terminated),
    renewed: formatQuantity(balance.renewed),
    onHand: formatQuantity(balance.onHand),
    firstReceiptDate: balance.firstReceiptDate,
    lastMovementDate: balance.lastMovementDate,
    movementCount: balance.movementCount,
  };
}
