/**
 * What the sync could not turn into movements, and why: a stable code, a Russian reason that says what to
 * fix in 1C, a count and a few examples (document and line). The summary prints them; nothing is dropped
 * silently.
 */
export const SKIP_REASONS_RU = {
  ORGANIZATION_INN_UNKNOWN:
    'не известен ИНН организации документа: опубликуйте справочник «Организации» в составе OData или укажите taxpayerInn (--inn) в настройках',
  RNPT_EMPTY: 'в строке прослеживаемости не указан РНПТ',
  RNPT_REF_UNKNOWN: 'строка ссылается на номер из справочника «Номера ГТД», которого нет в выгрузке (он помечен на удаление или справочник опубликован не полностью)',
  RNPT_IS_CUSTOMS_NUMBER: 'в поле РНПТ указан номер таможенной декларации, а не РНПТ',
  MOVEMENT_INVALID: 'строка не образует допустимое движение (РНПТ, единица, количество или стоимость заполнены неверно)',
  QUANTITY_MISSING: 'не указано количество в единицах прослеживаемости (КоличествоПрослеживаемости / КоличествоПоРНПТ)',
  UNIT_UNKNOWN: 'не удалось определить единицу прослеживаемости (ОКЕИ): заполните код ТН ВЭД товара и единицу в классификаторе ТН ВЭД',
  COST_UNKNOWN: 'не удалось определить стоимость без НДС',
  DOCUMENT_NUMBER_EMPTY: 'у документа нет номера',
} as const;

export type SkipReason = keyof typeof SKIP_REASONS_RU;

export interface SkipEntry {
  reason: SkipReason;
  reasonRu: string;
  count: number;
  /** Up to five places: `Document_X № 12 от 03.02.2026, строка 2` plus, for MOVEMENT_INVALID, what was wrong. */
  examples: string[];
}

const MAX_EXAMPLES = 5;

export class SkipLog {
  readonly #entries = new Map<SkipReason, SkipEntry>();

  add(reason: SkipReason, where: string, detail?: string): void {
    let entry = this.#entries.get(reason);
    if (entry === undefined) {
      entry = { reason, reasonRu: SKIP_REASONS_RU[reason], count: 0, examples: [] };
      this.#entries.set(reason, entry);
    }
    entry.count += 1;
    if (entry.examples.length < MAX_EXAMPLES) entry.examples.push(detail === undefined ? where : `${where}: ${detail}`);
  }

  get total(): number {
    let total = 0;
    for (const entry of this.#entries.values()) total += entry.count;
    return total;
  }

  entries(): SkipEntry[] {
    return [...this.#entries.values()].sort((a, b) => b.count - a.count);
  }
}
