/**
 * Checks one book entry on its own: traceability data on goods that are not traceable, paper documents,
 * and a ТН ВЭД code that differs from the one the batch arrived with (§5.4 rules 15, 18, 29).
 */
import { classify } from '../goods/classify.js';
import { formatTnved } from '../goods/tnved.js';
import { MOVEMENT_KINDS } from '../ledger/movement-kinds.js';
import { describeMovementRu, discrepancy } from './discrepancy.js';
import type { BookEntry, Discrepancy } from './model.js';

export interface EntryCheckContext {
  /** ТН ВЭД of each RNPT at its first receipt (for TNVED_MISMATCH on disposals). */
  receiptTnved?: ReadonlyMap<string, string> | undefined;
}

export function checkBookEntry(entry: BookEntry, ctx: EntryCheckContext = {}): Discrepancy[] {
  const { movement } = entry;
  const found: Discrepancy[] = [];
  const where = describeMovementRu(movement);
  if (movement.tnved !== undefined) {
    const c = classify(movement.tnved, movement.date, { originCountry: entry.originCountry });
    if (!c.traceable) {
      found.push(
        discrepancy('NOT_TRACEABLE', {
          movements: [movement],
          rnpt: movement.rnpt,
          expected: 'без реквизитов прослеживаемости',
          actual: `РНПТ ${movement.rnpt}`,
          messageRu: `В документе ${where} указан РНПТ ${movement.rnpt} для товара, который не прослеживается: ${c.reason}`,
          details: { reasonCode: c.reasonCode, tnved: movement.tnved },
        }),
      );
    }
    const received = ctx.receiptTnved?.get(movement.rnpt);
    if (received !== undefined && received !== movement.tnved && MOVEMENT_KINDS[movement.kind].direction === 'disposal') {
      const sameHeading = received.slice(0, 4) === movement.tnved.slice(0, 4);
      found.push(
        discrepancy('TNVED_MISMATCH', {
          movements: [movement],
          rnpt: movement.rnpt,
          expected: formatTnved(received),
          actual: formatTnved(movement.tnved),
          messageRu:
            `В документе ${where} по РНПТ ${movement.rnpt} код ТН ВЭД ${formatTnved(movement.tnved)}, а партия поступила с кодом ${formatTnved(received)}` +
            (sameHeading ? ' (товарная позиция та же)' : ' — другая товарная позиция: ФНС сверяет первые 4 знака'),
          details: { sameHeading },
        }),
      );
    }
  }
  if (entry.electronic === false && movement.kind === 'sale') {
    found.push(
      discrepancy('PAPER_INVOICE', {
        movements: [movement],
        rnpt: movement.rnpt,
        expected: 'электронный документ через оператора ЭДО',
        actual: 'бумажный документ',
        messageRu: `Документ ${where} на прослеживаемый товар оформлен на бумаге`,
      }),
    );
  }
  return found;
}
