/**
 * БП 3.0 (3.0.198): RNPTs are `Catalog_НомераГТД` entries with `ЭтоРНПТ`; each goods line
 * (`_Товары`) links to its RNPT shares in `_СведенияПрослеживаемости` by `ИдентификаторСтроки`;
 * notifications carry the RNPT in the header; stock per RNPT is `AccumulationRegister_ПрослеживаемыеТовары`
 * (NOTES.md §2.1).
 */
import type { BatchNumberRecord, CounterpartyRecord, DocumentLine, DocumentRecord, ItemRecord } from '../data/business.js';
import { sumOf } from '../data/business.js';
import { parseFieldTable } from '../edm/field-table.js';
import { EMPTY_GUID } from '../edm/types.js';
import { BP30_UNIT_FIELDS } from './assumed-fields.js';
import { BP30_FIELD_TABLE } from './bp30-fields.js';
import { catalogHeader, composite, documentHeader, objectBinding, ofKind, startOfDay, tabular } from './mapping.js';
import type { Binding, MappingContext, Profile, Row } from './mapping.js';
import { countriesBinding, originOf, tnvedBinding, tnvedOf, unitsBinding } from './shared-bindings.js';

const UNITS = 'Catalog_КлассификаторЕдиницИзмерения';
const PURCHASES = 'Document_ПоступлениеТоваровУслуг';
const SALES = 'Document_РеализацияТоваровУслуг';

const pieceRef = (context: MappingContext): string => context.data.units.find((u) => u.code === '796')?.ref ?? EMPTY_GUID;
const documentTotal = (doc: DocumentRecord): number => sumOf(doc.lines.map((l) => l.amount + l.vatAmount));

function goodsRow(line: DocumentLine, doc: DocumentRecord, context: MappingContext): Row {
  const item = context.item(line.itemRef);
  const imported = doc.channel === 'import' || doc.channel === 'eaeu' || line.traceable;
  return {
    Номенклатура_Key: line.itemRef,
    ЕдиницаИзмерения_Key: item?.unitRef ?? EMPTY_GUID,
    Коэффициент: 1,
    Количество: line.quantity,
    Цена: line.price,
    Сумма: line.amount,
    СтавкаНДС: line.vatRate,
    СуммаНДС: line.vatAmount,
    НомерГТД_Key: line.customsNumberRef ?? EMPTY_GUID,
    СтранаПроисхождения_Key: imported ? originOf(line, context) : EMPTY_GUID,
    ПрослеживаемыйТовар: line.traceable,
    ИдентификаторСтроки: line.lineId,
    Склад_Key: context.data.warehouseRef,
  };
}

function traceRows(doc: DocumentRecord, context: MappingContext, withVat: boolean): Row[] {
  return doc.lines.flatMap((line) =>
    line.shares.map((share) => ({
      РНПТ_Key: share.rnptRef,
      Количество: share.quantity,
      КоличествоПрослеживаемости: share.traceQuantity,
      ИдентификаторСтроки: line.lineId,
      СтранаПроисхождения_Key: originOf(line, context),
      Номенклатура_Key: line.itemRef,
      Сумма: share.amount,
      ...(withVat ? { СуммаНДС: share.vatAmount } : {}),
    })),
  );
}

const tradeHeader = (doc: DocumentRecord, context: MappingContext): Row => ({
  ...documentHeader(doc),
  ВидОперации: 'Товары',
  Организация_Key: context.data.organizationRef,
  Склад_Key: context.data.warehouseRef,
  Контрагент_Key: doc.counterpartyRef ?? EMPTY_GUID,
  СуммаДокумента: documentTotal(doc),
  СуммаВключаетНДС: false,
  Комментарий: doc.comment,
});

function notificationUnits(context: MappingContext): Row {
  const piece = pieceRef(context);
  return { ЕдиницаИзмерения_Key: piece, ЕдиницаПрослеживаемости_Key: piece };
}

const bindings: Binding[] = [
  countriesBinding(),
  unitsBinding(UNITS),
  tnvedBinding(),
  objectBinding<CounterpartyRecord>(
    'Catalog_Контрагенты',
    (data) => data.counterparties,
    (c) => ({
      ...catalogHeader(c),
      Code: c.code,
      Description: c.name,
      Parent_Key: EMPTY_GUID,
      IsFolder: false,
      НаименованиеПолное: c.fullName,
      ЮридическоеФизическоеЛицо: c.person ? 'ФизическоеЛицо' : 'ЮридическоеЛицо',
      СтранаРегистрации_Key: c.countryRef,
      ИНН: c.inn,
      КПП: c.kpp,
      ИННВведенКорректно: c.inn !== '',
      КППВведенКорректно: c.kpp !== '',
      НалоговыйНомер: c.foreignTaxId,
      ИндивидуальныйПредприниматель: c.person,
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
      Артикул: i.sku,
      ЕдиницаИзмерения_Key: i.unitRef,
      НаименованиеПолное: i.name,
      Услуга: false,
      СтранаПроисхождения_Key: i.originRef,
      КодТНВЭД_Key: i.tnvedRef,
      ПрослеживаемыйТовар: i.traceable && context.tnved(i.tnvedRef)?.traceable === true,
    }),
  ),
  objectBinding<BatchNumberRecord>(
    'Catalog_НомераГТД',
    (data) => data.batchNumbers,
    (n, context) => ({
      ...catalogHeader(n),
      // A folder has no number; its name stands in the code (the catalog has no Description). [I]
      Code: n.kind === 'folder' ? n.folderName : n.code,
      Parent_Key: n.parentRef ?? EMPTY_GUID,
      IsFolder: n.kind === 'folder',
      РегистрационныйНомер: n.registrationNumber,
      СтранаВвозаНеРФ: n.kind === 'rnpt' && n.registrationNumber === '' && n.originRef !== null && context.country(n.originRef)?.eaeu === true,
      ЭтоРНПТ: n.kind === 'rnpt',
      ЭтоНомерТД: n.kind === 'customs',
    }),
  ),
  objectBinding<DocumentRecord>(
    PURCHASES,
    (data) => ofKind(data, 'purchase'),
    (doc, context) => ({
      ...tradeHeader(doc, context),
      НомерВходящегоДокумента: doc.incomingNumber,
      ДатаВходящегоДокумента: startOfDay(doc.date),
      Товары: tabular(doc.ref, doc.lines.map((l) => goodsRow(l, doc, context))),
      СведенияПрослеживаемости: tabular(doc.ref, traceRows(doc, context, false)),
    }),
  ),
  objectBinding<DocumentRecord>(
    SALES,
    (data) => ofKind(data, 'sale'),
    (doc, context) => ({
      ...tradeHeader(doc, context),
      Товары: tabular(doc.ref, doc.lines.map((l) => ({ ...goodsRow(l, doc, context), КодТНВЭД_Key: tnvedOf(l, context) }))),
      СведенияПрослеживаемости: tabular(doc.ref, traceRows(doc, context, true)),
    }),
  ),
  objectBinding<DocumentRecord>(
    'Document_ГТДИмпорт',
    (data) => ofKind(data, 'customs-declaration'),
    (doc, context) => ({
      ...documentHeader(doc),
      Организация_Key: context.data.organizationRef,
      Контрагент_Key: doc.counterpartyRef ?? EMPTY_GUID,
      НомерГТД_Key: doc.batchNumberRef ?? EMPTY_GUID,
      Комментарий: doc.comment,
      Товары: tabular(
        doc.ref,
        doc.lines.map((l) => ({
          Номенклатура_Key: l.itemRef,
          Количество: l.quantity,
          ФактурнаяСтоимость: l.amount,
          ДокументПартии_Key: doc.baseDocumentRef ?? EMPTY_GUID,
          НомерРаздела: 1,
          СтранаПроисхождения_Key: originOf(l, context),
          Склад_Key: context.data.warehouseRef,
        })),
      ),
    }),
  ),
  objectBinding<DocumentRecord>(
    'Document_УведомлениеОВвозеПрослеживаемыхТоваров',
    (data) => ofKind(data, 'import-notice'),
    (doc, context) => {
      const first = doc.lines[0];
      return {
        ...documentHeader(doc),
        Организация_Key: context.data.organizationRef,
        КодТНВЭД_Key: first === undefined ? EMPTY_GUID : tnvedOf(first, context),
        РНПТ_Key: doc.batchNumberRef ?? EMPTY_GUID,
        ...composite('ПервичныйДокумент', doc.baseDocumentRef ?? EMPTY_GUID, PURCHASES),
        Комментарий: doc.comment,
        СуммаДокумента: sumOf(doc.lines.map((l) => l.amount)),
        Склад_Key: context.data.warehouseRef,
        Контрагент_Key: doc.counterpartyRef ?? EMPTY_GUID,
        ...notificationUnits(context),
        ПолученоПодтверждениеИзФНС: doc.posted,
        Товары: tabular(
          doc.ref,
          doc.lines.map((l) => ({
            Номенклатура_Key: l.itemRef,
            Количество: l.quantity,
            КоличествоПрослеживаемости: sumOf(l.shares.map((s) => s.traceQuantity)),
            Сумма: l.amount,
            СтранаПроисхождения_Key: originOf(l, context),
          })),
        ),
      };
    },
  ),
  objectBinding<DocumentRecord>(
    'Document_УведомлениеОПеремещенииПрослеживаемыхТоваров',
    (data) => ofKind(data, 'movement-notice'),
    (doc, context) => ({
      ...documentHeader(doc),
      Организация_Key: context.data.organizationRef,
      Комментарий: doc.comment,
      СуммаДокумента: sumOf(doc.lines.flatMap((l) => l.shares.map((s) => s.amount))),
      // In БП this is the notification a corrective one corrects (a ref to this very document type, per the
      // derived field table), not the sale: a first notification leaves it empty. The sale is on the rows.
      ПервичныйДокумент_Key: EMPTY_GUID,
      ПолученоПодтверждениеИзФНС: doc.posted,
      Товары: tabular(
        doc.ref,
        doc.lines.flatMap((l, lineIndex) =>
          l.shares.map((s) => ({
            Номенклатура_Key: l.itemRef,
            КодТНВЭД_Key: tnvedOf(l, context),
            ...notificationUnits(context),
            Количество: s.quantity,
            КоличествоПрослеживаемости: s.traceQuantity,
            Сумма: s.amount,
            РНПТ_Key: s.rnptRef,
            ПорядковыйНомер: lineIndex + 1,
            СопроводительныйДокумент_Key: doc.baseDocumentRef ?? EMPTY_GUID,
          })),
        ),
      ),
    }),
  ),
  objectBinding<DocumentRecord>(
    'Document_УведомлениеОбОстаткахПрослеживаемыхТоваров',
    (data) => ofKind(data, 'remains-notice'),
    (doc, context) => {
      const first = doc.lines[0];
      return {
        ...documentHeader(doc),
        Организация_Key: context.data.organizationRef,
        КодТНВЭД_Key: first === undefined ? EMPTY_GUID : tnvedOf(first, context),
        РНПТ_Key: doc.batchNumberRef ?? EMPTY_GUID,
        Комментарий: doc.comment,
        ...notificationUnits(context),
        ПолученоПодтверждениеИзФНС: doc.posted,
        ДатаСоздания: doc.date,
        Товары: tabular(
          doc.ref,
          doc.lines.map((l) => ({
            Номенклатура_Key: l.itemRef,
            Количество: l.quantity,
            КоличествоПрослеживаемости: sumOf(l.shares.map((s) => s.traceQuantity)),
            Сумма: l.amount,
            СтранаПроисхождения_Key: originOf(l, context),
          })),
        ),
      };
    },
  ),
  {
    kind: 'register',
    setName: 'AccumulationRegister_ПрослеживаемыеТовары',
    recorderKinds: ['purchase', 'sale', 'remains-notice'],
    recordsOf: (doc, context) =>
      doc.lines.flatMap((line) =>
        line.shares.map((share) => ({
          Period: doc.date,
          Active: true,
          RecordType: doc.kind === 'sale' ? 'Expense' : 'Receipt',
          Количество: share.quantity,
          КоличествоПрослеживаемости: share.traceQuantity,
          Организация_Key: context.data.organizationRef,
          Номенклатура_Key: line.itemRef,
          ВидЗапасов: '',
          СтранаПроисхождения_Key: originOf(line, context),
          РНПТ_Key: share.rnptRef,
        })),
      ),
  },
];

export const BP30_PROFILE: Profile = {
  name: 'bp30',
  title: 'Бухгалтерия предприятия, редакция 3.0 (3.0.198)',
  objects: [...parseFieldTable(BP30_FIELD_TABLE), ...parseFieldTable(BP30_UNIT_FIELDS)],
  bindings,
  documentSets: {
    purchase: PURCHASES,
    sale: SALES,
    'customs-declaration': 'Document_ГТДИмпорт',
    'import-notice': 'Document_УведомлениеОВвозеПрослеживаемыхТоваров',
    'movement-notice': 'Document_УведомлениеОПеремещенииПрослеживаемыхТоваров',
    'remains-notice': 'Document_УведомлениеОбОстаткахПрослеживаемыхТоваров',
  },
};
