/**
 * УТ 11.5 (11.5.27): RNPTs are `Catalog_НомераГТД` entries with `ТипНомераГТД = 'НомерРНПТ'`; purchase
 * lines carry `НомерГТД_Key` + `КоличествоПоРНПТ`; the RNPT of a sale is only in `_ВидыЗапасов`
 * (filled on posting); notification headers hold the RNPT as a string; stock per RNPT is
 * `AccumulationRegister_ТоварыОрганизаций` by `НомерГТД_Key` (NOTES.md §2.2). КА 2 / ERP 2.5 share this model.
 */
import type { BatchNumberRecord, CounterpartyRecord, DocumentLine, DocumentRecord, ItemRecord, VatRateRecord } from '../data/business.js';
import { sumOf } from '../data/business.js';
import { parseFieldTable } from '../edm/field-table.js';
import { EMPTY_GUID } from '../edm/types.js';
import { UT115_COUNTRY_FIELDS, UT115_UNIT_FIELDS } from './assumed-fields.js';
import { catalogHeader, composite, documentHeader, objectBinding, ofKind, startOfDay, tabular } from './mapping.js';
import type { Binding, MappingContext, Profile, Row } from './mapping.js';
import { countriesBinding, originOf, tnvedBinding, tnvedOf, unitsBinding } from './shared-bindings.js';
import { UT115_FIELD_TABLE } from './ut115-fields.js';

const UNITS = 'Catalog_УпаковкиЕдиницыИзмерения';
const PURCHASES = 'Document_ПриобретениеТоваровУслуг';
const SALES = 'Document_РеализацияТоваровУслуг';

/** `АналитикаУчетаНоменклатуры_Key`: a key catalog the emulator does not publish; one synthetic key per item. [I] */
const analyticsKey = (itemRef: string): string => `a${itemRef.slice(1)}`;
const vatKey = (line: DocumentLine, context: MappingContext): string => context.vatRate(line.vatRate)?.ref ?? EMPTY_GUID;
const pieceRef = (context: MappingContext): string => context.data.units.find((u) => u.code === '796')?.ref ?? EMPTY_GUID;
const rnptCode = (ref: string | null, context: MappingContext): string => (ref === null ? '' : (context.batchNumber(ref)?.code ?? ''));

const money = (line: DocumentLine, context: MappingContext): Row => ({
  Цена: line.price,
  СтавкаНДС_Key: vatKey(line, context),
  СуммаНДС: line.vatAmount,
  СуммаСНДС: line.amount + line.vatAmount,
});

/** One `ВидыЗапасов` row per RNPT share; a line without RNPT gets one row without `НомерГТД_Key`. */
function stockKindRows(doc: DocumentRecord, context: MappingContext, extra: (line: DocumentLine) => Row): Row[] {
  return doc.lines.flatMap((line) => {
    const base = { ИдентификаторСтроки: line.lineId, АналитикаУчетаНоменклатуры_Key: analyticsKey(line.itemRef), ВидЗапасов_Key: context.data.ownStockKindRef };
    if (line.shares.length === 0) {
      return [{ ...base, НомерГТД_Key: line.customsNumberRef ?? EMPTY_GUID, Количество: line.quantity, КоличествоПоРНПТ: 0, ...money(line, context), ...extra(line) }];
    }
    return line.shares.map((s) => ({
      ...base,
      НомерГТД_Key: s.rnptRef,
      Количество: s.quantity,
      КоличествоПоРНПТ: s.traceQuantity,
      ...money(line, context),
      СуммаНДС: s.vatAmount,
      СуммаСНДС: s.amount + s.vatAmount,
      ...extra(line),
    }));
  });
}

const tradeHeader = (doc: DocumentRecord, context: MappingContext, operation: string): Row => ({
  ...documentHeader(doc),
  Организация_Key: context.data.organizationRef,
  Склад_Key: context.data.warehouseRef,
  Контрагент_Key: doc.counterpartyRef ?? EMPTY_GUID,
  ХозяйственнаяОперация: operation,
  СуммаДокумента: sumOf(doc.lines.map((l) => l.amount + l.vatAmount)),
  ЦенаВключаетНДС: false,
  Комментарий: doc.comment,
});

const bindings: Binding[] = [
  countriesBinding(),
  unitsBinding(UNITS),
  tnvedBinding(),
  objectBinding<VatRateRecord>(
    'Catalog_СтавкиНДС',
    (data) => data.vatRates,
    (v) => ({ ...catalogHeader(v), Description: v.name, ПеречислениеСтавкаНДС: v.rate, Ставка: v.percent }),
  ),
  objectBinding<CounterpartyRecord>(
    'Catalog_Контрагенты',
    (data) => data.counterparties,
    (c) => ({
      ...catalogHeader(c),
      Description: c.name,
      НаименованиеПолное: c.fullName,
      ЮридическоеФизическоеЛицо: c.person ? 'ФизическоеЛицо' : 'ЮридическоеЛицо',
      ЮрФизЛицо: c.person ? 'ИндивидуальныйПредприниматель' : c.inn === '' ? 'ЮрЛицоНеРезидент' : 'ЮрЛицо',
      СтранаРегистрации_Key: c.countryRef,
      ИНН: c.inn,
      КПП: c.kpp,
      НалоговыйНомер: c.foreignTaxId,
    }),
  ),
  objectBinding<ItemRecord>(
    'Catalog_Номенклатура',
    (data) => data.items,
    (i, context) => ({
      ...catalogHeader(i),
      Code: i.code,
      Description: i.name,
      Parent_Key: EMPTY_GUID,
      IsFolder: false,
      ЕдиницаИзмерения_Key: i.unitRef,
      Артикул: i.sku,
      ТипНоменклатуры: 'Товар',
      КодТНВЭД_Key: i.tnvedRef,
      ЕдиницаИзмеренияТНВЭД_Key: pieceRef(context),
      СтранаПроисхождения_Key: i.originRef,
      ПрослеживаемыйТовар: i.traceable && context.tnved(i.tnvedRef)?.traceable === true,
      ВестиУчетПоГТД: true,
      НаименованиеПолное: i.name,
    }),
  ),
  objectBinding<BatchNumberRecord>(
    'Catalog_НомераГТД',
    // The УТ catalog is flat (no folders).
    (data) => data.batchNumbers.filter((n) => n.kind !== 'folder'),
    (n, context) => ({
      ...catalogHeader(n),
      Code: n.code,
      СтранаПроисхождения_Key: n.originRef ?? EMPTY_GUID,
      РегистрационныйНомер: n.registrationNumber,
      СтранаВвозаНеРФ: false,
      ПорядковыйНомерТовара: n.kind === 'rnpt' ? n.code.slice(-3) : '',
      ТипНомераГТД: n.kind === 'rnpt' ? 'НомерРНПТ' : 'НомерГТД',
      Номенклатура_Key: n.itemRef ?? EMPTY_GUID,
      НаименованиеТовара: n.itemRef === null ? '' : (context.item(n.itemRef)?.name ?? ''),
      ЕдиницаИзмерения_Key: n.unitRef ?? EMPTY_GUID,
      СуммаПоРНПТ: n.amount,
    }),
  ),
  objectBinding<DocumentRecord>(
    PURCHASES,
    (data) => ofKind(data, 'purchase'),
    (doc, context) => ({
      ...tradeHeader(doc, context, doc.channel === 'import' ? 'ЗакупкаПоИмпорту' : 'ЗакупкаУПоставщика'),
      НалогообложениеНДС: 'ПродажаОблагаетсяНДС',
      НомерВходящегоДокумента: doc.incomingNumber,
      ДатаВходящегоДокумента: startOfDay(doc.date),
      ДатаПоступления: doc.date,
      Товары: tabular(
        doc.ref,
        doc.lines.map((l) => ({
          Номенклатура_Key: l.itemRef,
          КоличествоУпаковок: l.quantity,
          Количество: l.quantity,
          КоличествоПоРНПТ: sumOf(l.shares.map((s) => s.traceQuantity)),
          ...money(l, context),
          Сумма: l.amount,
          НомерГТД_Key: l.shares[0]?.rnptRef ?? l.customsNumberRef ?? EMPTY_GUID,
          Склад_Key: context.data.warehouseRef,
          ВидЗапасов_Key: context.data.ownStockKindRef,
          ИдентификаторСтроки: l.lineId,
          АналитикаУчетаНоменклатуры_Key: analyticsKey(l.itemRef),
          СуммаИтог: l.amount + l.vatAmount,
        })),
      ),
      ВидыЗапасов: tabular(doc.ref, stockKindRows(doc, context, () => ({}))),
    }),
  ),
  objectBinding<DocumentRecord>(
    SALES,
    (data) => ofKind(data, 'sale'),
    (doc, context) => ({
      ...tradeHeader(doc, context, 'РеализацияКлиенту'),
      НалогообложениеНДС: 'ПродажаОблагаетсяНДС',
      Товары: tabular(
        doc.ref,
        doc.lines.map((l) => ({
          Номенклатура_Key: l.itemRef,
          КоличествоУпаковок: l.quantity,
          Количество: l.quantity,
          ...money(l, context),
          Сумма: l.amount,
          Склад_Key: context.data.warehouseRef,
          ИдентификаторСтроки: l.lineId,
          АналитикаУчетаНоменклатуры_Key: analyticsKey(l.itemRef),
          КодТНВЭД_Key: tnvedOf(l, context),
        })),
      ),
      // 1C fills the stock kinds (and with them the RNPTs) when the sale is posted. [I]
      ВидыЗапасов: doc.posted ? tabular(doc.ref, stockKindRows(doc, context, (l) => ({ КодТНВЭД_Key: tnvedOf(l, context) }))) : [],
    }),
  ),
  objectBinding<DocumentRecord>(
    'Document_ТаможеннаяДекларацияИмпорт',
    (data) => ofKind(data, 'customs-declaration'),
    (doc, context) => ({
      ...documentHeader(doc),
      Организация_Key: context.data.organizationRef,
      Контрагент_Key: doc.counterpartyRef ?? EMPTY_GUID,
      НомерДекларации: rnptCode(doc.batchNumberRef, context),
      Комментарий: doc.comment,
      Товары: tabular(
        doc.ref,
        doc.lines.map((l) => ({
          НомерРаздела: 1,
          Номенклатура_Key: l.itemRef,
          КоличествоУпаковок: l.quantity,
          Количество: l.quantity,
          КоличествоПоРНПТ: sumOf(l.shares.map((s) => s.traceQuantity)),
          ТаможеннаяСтоимость: l.amount,
          Склад_Key: context.data.warehouseRef,
          ВидЗапасов_Key: context.data.ownStockKindRef,
          СтранаПроисхождения_Key: originOf(l, context),
          НомерГТД_Key: l.shares[0]?.rnptRef ?? l.customsNumberRef ?? EMPTY_GUID,
          ДокументПоступления_Key: doc.baseDocumentRef ?? EMPTY_GUID,
          ИдентификаторСтроки: l.lineId,
        })),
      ),
    }),
  ),
  objectBinding<DocumentRecord>(
    'Document_УведомлениеОВвозеПрослеживаемыхТоваров',
    (data) => ofKind(data, 'import-notice'),
    (doc, context) => {
      const first = doc.lines[0];
      const piece = pieceRef(context);
      return {
        ...documentHeader(doc),
        Организация_Key: context.data.organizationRef,
        КодТНВЭД_Key: first === undefined ? EMPTY_GUID : tnvedOf(first, context),
        РНПТ: rnptCode(doc.batchNumberRef, context),
        ПервичныйДокумент_Key: doc.baseDocumentRef ?? EMPTY_GUID,
        Комментарий: doc.comment,
        СуммаДокумента: sumOf(doc.lines.map((l) => l.amount)),
        Склад_Key: context.data.warehouseRef,
        Контрагент_Key: doc.counterpartyRef ?? EMPTY_GUID,
        ЕдиницаИзмерения_Key: piece,
        ЕдиницаПрослеживаемости_Key: piece,
        Товары: tabular(
          doc.ref,
          doc.lines.map((l) => ({
            Номенклатура_Key: l.itemRef,
            АналитикаУчетаНоменклатуры_Key: analyticsKey(l.itemRef),
            Количество: l.quantity,
            КоличествоПоРНПТ: sumOf(l.shares.map((s) => s.traceQuantity)),
            Сумма: l.amount,
            ВидЗапасов_Key: context.data.ownStockKindRef,
            НомерГТД_Key: l.shares[0]?.rnptRef ?? EMPTY_GUID,
            Склад_Key: context.data.warehouseRef,
            Контрагент_Key: doc.counterpartyRef ?? EMPTY_GUID,
            ИдентификаторСтроки: l.lineId,
            СтранаПроисхождения_Key: originOf(l, context),
          })),
        ),
        ВидыЗапасов: tabular(
          doc.ref,
          doc.lines.flatMap((l) =>
            l.shares.map((s) => ({
              АналитикаУчетаНоменклатуры_Key: analyticsKey(l.itemRef),
              ВидЗапасов_Key: context.data.ownStockKindRef,
              НомерГТД_Key: s.rnptRef,
              Количество: s.quantity,
              КоличествоПоРНПТ: s.traceQuantity,
            })),
          ),
        ),
      };
    },
  ),
  objectBinding<DocumentRecord>(
    'Document_УведомлениеОПеремещенииПрослеживаемыхТоваров',
    (data) => ofKind(data, 'movement-notice'),
    (doc, context) => {
      const piece = pieceRef(context);
      return {
        ...documentHeader(doc),
        Организация_Key: context.data.organizationRef,
        Комментарий: doc.comment,
        СуммаДокумента: sumOf(doc.lines.flatMap((l) => l.shares.map((s) => s.amount))),
        Товары: tabular(
          doc.ref,
          doc.lines.flatMap((l, lineIndex) =>
            l.shares.map((s) => ({
              Номенклатура_Key: l.itemRef,
              КодТНВЭД_Key: tnvedOf(l, context),
              ЕдиницаИзмерения_Key: piece,
              ЕдиницаПрослеживаемости_Key: piece,
              Количество: s.quantity,
              КоличествоПрослеживаемости: s.traceQuantity,
              Сумма: s.amount,
              РНПТ_Key: s.rnptRef,
              ПорядковыйНомер: lineIndex + 1,
              ...composite('СопроводительныйДокумент', doc.baseDocumentRef ?? EMPTY_GUID, SALES),
            })),
          ),
        ),
      };
    },
  ),
  objectBinding<DocumentRecord>(
    'Document_УведомлениеОбОстаткахПрослеживаемыхТоваров',
    (data) => ofKind(data, 'remains-notice'),
    (doc, context) => {
      const first = doc.lines[0];
      const piece = pieceRef(context);
      return {
        ...documentHeader(doc),
        Организация_Key: context.data.organizationRef,
        Комментарий: doc.comment,
        КодТНВЭД_Key: first === undefined ? EMPTY_GUID : tnvedOf(first, context),
        РНПТ: rnptCode(doc.batchNumberRef, context),
        ЕдиницаИзмерения_Key: piece,
        ЕдиницаПрослеживаемости_Key: piece,
        ДатаСоздания: doc.date,
        Количество: sumOf(doc.lines.map((l) => l.quantity)),
        КоличествоПрослеживаемости: sumOf(doc.lines.flatMap((l) => l.shares.map((s) => s.traceQuantity))),
        Сумма: sumOf(doc.lines.map((l) => l.amount)),
        ВидыЗапасов: tabular(
          doc.ref,
          doc.lines.flatMap((l) =>
            l.shares.map((s) => ({
              АналитикаУчетаНоменклатуры_Key: analyticsKey(l.itemRef),
              ВидЗапасов_Key: context.data.ownStockKindRef,
              НомерГТД_Key: s.rnptRef,
              Количество: s.quantity,
              КоличествоПоРНПТ: s.traceQuantity,
              РНПТ_Key: s.rnptRef,
            })),
          ),
        ),
      };
    },
  ),
  {
    kind: 'register',
    setName: 'AccumulationRegister_ТоварыОрганизаций',
    recorderKinds: ['purchase', 'sale', 'remains-notice'],
    recordsOf: (doc, context) =>
      doc.lines.flatMap((line) =>
        line.shares.map((share) => ({
          Period: doc.date,
          Active: true,
          RecordType: doc.kind === 'sale' ? 'Expense' : 'Receipt',
          Количество: share.quantity,
          КоличествоПоРНПТ: share.traceQuantity,
          ХозяйственнаяОперация: doc.kind === 'sale' ? 'РеализацияКлиенту' : 'ЗакупкаУПоставщика',
          Номенклатура_Key: line.itemRef,
          АналитикаУчетаНоменклатуры_Key: analyticsKey(line.itemRef),
          Организация_Key: context.data.organizationRef,
          ВидЗапасов_Key: context.data.ownStockKindRef,
          НомерГТД_Key: share.rnptRef,
        })),
      ),
  },
];

export const UT115_PROFILE: Profile = {
  name: 'ut115',
  title: 'Управление торговлей, редакция 11.5 (11.5.27)',
  objects: [...parseFieldTable(UT115_FIELD_TABLE), ...parseFieldTable(UT115_UNIT_FIELDS), ...parseFieldTable(UT115_COUNTRY_FIELDS)],
  bindings,
  documentSets: {
    purchase: PURCHASES,
    sale: SALES,
    'customs-declaration': 'Document_ТаможеннаяДекларацияИмпорт',
    'import-notice': 'Document_УведомлениеОВвозеПрослеживаемыхТоваров',
    'movement-notice': 'Document_УведомлениеОПеремещенииПрослеживаемыхТоваров',
    'remains-notice': 'Document_УведомлениеОбОстаткахПрослеживаемыхТоваров',
  },
};
