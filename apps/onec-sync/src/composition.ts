/**
 * Which 1C objects the sync reads, per configuration, and which fields of them: the list `--check` compares
 * with `$metadata` and the reader selects from. Field names come from the derived tables in
 * `shared/onec-samples` (БП 3.0.198, УТ 11.5.27; КА 2 / ERP 2.5 share УТ's model). A field a release lacks
 * is dropped from `$select` unless it is required; a required object or field that is missing stops the
 * sync with a message naming it. Returns (`ВозвратТоваров…`) are not in the derived tables: their shape is
 * assumed to be the purchase/sale one [I] and they are optional.
 */
import type { ServiceMetadata } from './metadata.js';

export type ProfileName = 'bp30' | 'ut115';

export const PROFILE_TITLES_RU: Readonly<Record<ProfileName, string>> = {
  bp30: '1С:Бухгалтерия предприятия 3.0',
  ut115: '1С:Управление торговлей 11 / Комплексная автоматизация 2 / ERP 2',
};

export type ObjectRole =
  | 'batch-numbers'
  | 'items'
  | 'tnved'
  | 'units'
  | 'counterparties'
  | 'countries'
  | 'organizations'
  | 'purchases'
  | 'sales'
  | 'returns-from-buyers'
  | 'returns-to-suppliers'
  | 'import-notices'
  | 'movement-notices'
  | 'remains-notices'
  | 'balance';

export interface SectionSpec {
  name: string;
  required: boolean;
  fields: readonly string[];
  requiredFields: readonly string[];
}

export interface ObjectSpec {
  role: ObjectRole;
  set: string;
  /** «Справочник «Номера ГТД»», as the administrator sees it in the composition dialog. */
  titleRu: string;
  /** What the sync loses without it. */
  purposeRu: string;
  required: boolean;
  fields: readonly string[];
  requiredFields: readonly string[];
  sections: readonly SectionSpec[];
}

const DOCUMENT_HEADER = ['Ref_Key', 'DataVersion', 'DeletionMark', 'Posted', 'Date', 'Number'] as const;
const CATALOG_HEADER = ['Ref_Key', 'DeletionMark'] as const;

function object(role: ObjectRole, set: string, titleRu: string, purposeRu: string, required: boolean, fields: readonly string[], requiredFields: readonly string[], sections: SectionSpec[] = []): ObjectSpec {
  return { role, set, titleRu, purposeRu, required, fields, requiredFields, sections };
}

const section = (name: string, required: boolean, fields: readonly string[], requiredFields: readonly string[] = []): SectionSpec => ({ name, required, fields: ['Ref_Key', 'LineNumber', ...fields], requiredFields: ['Ref_Key', ...requiredFields] });

// ---------------------------------------------------------------- shared catalogs

const counterparties = object('counterparties', 'Catalog_Контрагенты', 'Справочник «Контрагенты»', 'ИНН и КПП поставщиков и покупателей, страна регистрации', true, [
  ...CATALOG_HEADER,
  'Description',
  'ИНН',
  'КПП',
  'СтранаРегистрации_Key',
  'ЮридическоеФизическоеЛицо',
  'ИндивидуальныйПредприниматель',
  'ЮрФизЛицо',
], ['Ref_Key', 'ИНН']);

const countries = object('countries', 'Catalog_СтраныМира', 'Справочник «Страны мира»', 'отличить поставщиков и покупателей из ЕАЭС (ввоз из ЕАЭС, перемещение в ЕАЭС) от прочих иностранных', false, [
  ...CATALOG_HEADER,
  'Code',
  'Description',
  'КодАльфа2',
  'УчастникЕАЭС',
], ['Ref_Key']);

const organizations = object('organizations', 'Catalog_Организации', 'Справочник «Организации»', 'ИНН организаций базы (иначе нужен taxpayerInn в настройках)', false, [...CATALOG_HEADER, 'Description', 'ИНН', 'КПП'], ['Ref_Key', 'ИНН']);

const tnved = object('tnved', 'Catalog_КлассификаторТНВЭД', 'Справочник «Классификатор ТН ВЭД»', 'коды ТН ВЭД товаров и единицы прослеживаемости', true, [
  ...CATALOG_HEADER,
  'Code',
  'ЕдиницаИзмерения_Key',
  'ПрослеживаемыйТовар',
], ['Ref_Key', 'Code']);

// ---------------------------------------------------------------- БП 3.0

const bpTradeHeader = [...DOCUMENT_HEADER, 'Организация_Key', 'Контрагент_Key', 'НомерВходящегоДокумента', 'ДатаВходящегоДокумента', 'ВидОперации', 'СуммаВключаетНДС'];
const bpGoods = section('Товары', true, ['Номенклатура_Key', 'Количество', 'Сумма', 'СуммаНДС', 'СтавкаНДС', 'НомерГТД_Key', 'СтранаПроисхождения_Key', 'ПрослеживаемыйТовар', 'ИдентификаторСтроки', 'КодТНВЭД_Key', 'РНПТ_Key']);
const bpTrace = section('СведенияПрослеживаемости', false, ['РНПТ_Key', 'Количество', 'КоличествоПрослеживаемости', 'ИдентификаторСтроки', 'Номенклатура_Key', 'Сумма', 'СуммаНДС'], ['РНПТ_Key']);
const bpTrade = (role: ObjectRole, set: string, titleRu: string, purposeRu: string, required: boolean): ObjectSpec => object(role, set, titleRu, purposeRu, required, bpTradeHeader, [...DOCUMENT_HEADER], [bpGoods, bpTrace]);

const BP30: readonly ObjectSpec[] = [
  object('batch-numbers', 'Catalog_НомераГТД', 'Справочник «Номера ГТД»', 'номера РНПТ и таможенных деклараций', true, [...CATALOG_HEADER, 'Code', 'IsFolder', 'ЭтоРНПТ', 'ЭтоНомерТД', 'РегистрационныйНомер'], ['Ref_Key', 'Code']),
  object('items', 'Catalog_Номенклатура', 'Справочник «Номенклатура»', 'код ТН ВЭД и признак прослеживаемости товаров', true, [...CATALOG_HEADER, 'Description', 'КодТНВЭД_Key', 'ПрослеживаемыйТовар', 'ЕдиницаИзмерения_Key', 'СтранаПроисхождения_Key'], ['Ref_Key']),
  tnved,
  object('units', 'Catalog_КлассификаторЕдиницИзмерения', 'Справочник «Классификатор единиц измерения»', 'коды ОКЕИ единиц прослеживаемости (без него — по перечню товаров № 1110)', false, [...CATALOG_HEADER, 'Code', 'Description'], ['Ref_Key', 'Code']),
  counterparties,
  countries,
  organizations,
  bpTrade('purchases', 'Document_ПоступлениеТоваровУслуг', 'Документ «Поступление (акты, накладные, УПД)»', 'приобретение и ввоз прослеживаемых товаров', true),
  bpTrade('sales', 'Document_РеализацияТоваровУслуг', 'Документ «Реализация (акты, накладные, УПД)»', 'реализация прослеживаемых товаров', true),
  bpTrade('returns-from-buyers', 'Document_ВозвратТоваровОтПокупателя', 'Документ «Возврат товаров от покупателя»', 'возвраты от покупателей', false),
  bpTrade('returns-to-suppliers', 'Document_ВозвратТоваровПоставщику', 'Документ «Возврат товаров поставщику»', 'возвраты поставщикам', false),
  object('import-notices', 'Document_УведомлениеОВвозеПрослеживаемыхТоваров', 'Документ «Уведомление о ввозе прослеживаемых товаров»', 'уведомления о ввозе из ЕАЭС (сроки подачи)', false, [
    ...DOCUMENT_HEADER,
    'Организация_Key',
    'РНПТ_Key',
    'КодТНВЭД_Key',
    'ПервичныйДокумент',
    'ПервичныйДокумент_Type',
    'Контрагент_Key',
    'ЕдиницаПрослеживаемости_Key',
    'ПолученоПодтверждениеИзФНС',
    'НомерКорректировки',
  ], [...DOCUMENT_HEADER], [section('Товары', false, ['Номенклатура_Key', 'Количество', 'КоличествоПрослеживаемости', 'Сумма'])]),
  object('movement-notices', 'Document_УведомлениеОПеремещенииПрослеживаемыхТоваров', 'Документ «Уведомление о перемещении прослеживаемых товаров»', 'уведомления о перемещении в ЕАЭС (сроки подачи)', false, [
    ...DOCUMENT_HEADER,
    'Организация_Key',
    'ПолученоПодтверждениеИзФНС',
    'НомерКорректировки',
  ], [...DOCUMENT_HEADER], [section('Товары', false, ['РНПТ_Key', 'КодТНВЭД_Key', 'Количество', 'КоличествоПрослеживаемости', 'Сумма', 'СопроводительныйДокумент_Key'])]),
  object('remains-notices', 'Document_УведомлениеОбОстаткахПрослеживаемыхТоваров', 'Документ «Уведомление об остатках прослеживаемых товаров»', 'остатки, взятые на учёт по уведомлению (их РНПТ)', false, [
    ...DOCUMENT_HEADER,
    'Организация_Key',
    'РНПТ_Key',
    'КодТНВЭД_Key',
    'ЕдиницаПрослеживаемости_Key',
    'ДатаПервичногоДокумента',
    'ПолученоПодтверждениеИзФНС',
    'НомерКорректировки',
  ], [...DOCUMENT_HEADER], [section('Товары', false, ['Номенклатура_Key', 'Количество', 'КоличествоПрослеживаемости', 'Сумма'])]),
  object('balance', 'AccumulationRegister_ПрослеживаемыеТовары', 'Регистр накопления «Прослеживаемые товары»', 'сверка остатков по РНПТ с 1С после синхронизации', false, [], []),
];

// ---------------------------------------------------------------- УТ 11 / КА 2 / ERP 2

const utTradeHeader = [...DOCUMENT_HEADER, 'Организация_Key', 'Контрагент_Key', 'НомерВходящегоДокумента', 'ДатаВходящегоДокумента', 'ХозяйственнаяОперация', 'ЦенаВключаетНДС'];
const utGoods = section('Товары', true, ['Номенклатура_Key', 'Количество', 'КоличествоПоРНПТ', 'Сумма', 'СуммаНДС', 'СуммаСНДС', 'НомерГТД_Key', 'ИдентификаторСтроки', 'КодТНВЭД_Key', 'СтранаПроисхождения_Key']);
const utStock = (required: boolean): SectionSpec =>
  section('ВидыЗапасов', required, ['ИдентификаторСтроки', 'НомерГТД_Key', 'Количество', 'КоличествоПоРНПТ', 'СуммаНДС', 'СуммаСНДС', 'КодТНВЭД_Key'], ['НомерГТД_Key']);
const utTrade = (role: ObjectRole, set: string, titleRu: string, purposeRu: string, required: boolean, stockRequired: boolean): ObjectSpec =>
  object(role, set, titleRu, purposeRu, required, utTradeHeader, [...DOCUMENT_HEADER], [utGoods, utStock(stockRequired)]);

const UT115: readonly ObjectSpec[] = [
  object('batch-numbers', 'Catalog_НомераГТД', 'Справочник «Номера ГТД»', 'номера РНПТ и таможенных деклараций', true, [...CATALOG_HEADER, 'Code', 'ТипНомераГТД', 'РегистрационныйНомер'], ['Ref_Key', 'Code']),
  object('items', 'Catalog_Номенклатура', 'Справочник «Номенклатура»', 'код ТН ВЭД, единица ТН ВЭД и признак прослеживаемости товаров', true, [
    ...CATALOG_HEADER,
    'Description',
    'КодТНВЭД_Key',
    'ЕдиницаИзмеренияТНВЭД_Key',
    'ПрослеживаемыйТовар',
    'ЕдиницаИзмерения_Key',
    'СтранаПроисхождения_Key',
  ], ['Ref_Key']),
  tnved,
  object('units', 'Catalog_УпаковкиЕдиницыИзмерения', 'Справочник «Упаковки и единицы измерения»', 'коды ОКЕИ единиц прослеживаемости (без него — по перечню товаров № 1110)', false, [...CATALOG_HEADER, 'Code', 'Description'], ['Ref_Key', 'Code']),
  counterparties,
  countries,
  organizations,
  utTrade('purchases', 'Document_ПриобретениеТоваровУслуг', 'Документ «Приобретение товаров и услуг»', 'приобретение и ввоз прослеживаемых товаров', true, false),
  utTrade('sales', 'Document_РеализацияТоваровУслуг', 'Документ «Реализация товаров и услуг»', 'реализация прослеживаемых товаров (РНПТ — в табличной части «Виды запасов»)', true, true),
  utTrade('returns-from-buyers', 'Document_ВозвратТоваровОтКлиента', 'Документ «Возврат товаров от клиента»', 'возвраты от клиентов', false, true),
  utTrade('returns-to-suppliers', 'Document_ВозвратТоваровПоставщику', 'Документ «Возврат товаров поставщику»', 'возвраты поставщикам', false, true),
  object('import-notices', 'Document_УведомлениеОВвозеПрослеживаемыхТоваров', 'Документ «Уведомление о ввозе прослеживаемых товаров»', 'уведомления о ввозе из ЕАЭС (сроки подачи)', false, [
    ...DOCUMENT_HEADER,
    'Организация_Key',
    'РНПТ',
    'КодТНВЭД_Key',
    'ПервичныйДокумент_Key',
    'Контрагент_Key',
    'ЕдиницаПрослеживаемости_Key',
    'НомерКорректировки',
  ], [...DOCUMENT_HEADER], [section('Товары', false, ['Номенклатура_Key', 'Количество', 'КоличествоПоРНПТ', 'Сумма', 'НомерГТД_Key'])]),
  object('movement-notices', 'Document_УведомлениеОПеремещенииПрослеживаемыхТоваров', 'Документ «Уведомление о перемещении прослеживаемых товаров»', 'уведомления о перемещении в ЕАЭС (сроки подачи)', false, [
    ...DOCUMENT_HEADER,
    'Организация_Key',
    'НомерКорректировки',
  ], [...DOCUMENT_HEADER], [section('Товары', false, ['РНПТ_Key', 'КодТНВЭД_Key', 'Количество', 'КоличествоПрослеживаемости', 'Сумма', 'СопроводительныйДокумент', 'СопроводительныйДокумент_Type'])]),
  object('remains-notices', 'Document_УведомлениеОбОстаткахПрослеживаемыхТоваров', 'Документ «Уведомление об остатках прослеживаемых товаров»', 'остатки, взятые на учёт по уведомлению (их РНПТ)', false, [
    ...DOCUMENT_HEADER,
    'Организация_Key',
    'РНПТ',
    'КодТНВЭД_Key',
    'ЕдиницаПрослеживаемости_Key',
    'ДатаПервичногоДокумента',
    'Количество',
    'КоличествоПрослеживаемости',
    'Сумма',
    'НомерКорректировки',
  ], [...DOCUMENT_HEADER], [section('ВидыЗапасов', false, ['НомерГТД_Key', 'РНПТ_Key', 'Количество', 'КоличествоПоРНПТ'])]),
  object('balance', 'AccumulationRegister_ТоварыОрганизаций', 'Регистр накопления «Товары организаций»', 'сверка остатков по РНПТ с 1С после синхронизации', false, [], []),
];

export const PROFILE_OBJECTS: Readonly<Record<ProfileName, readonly ObjectSpec[]>> = { bp30: BP30, ut115: UT115 };

export const objectSpec = (profile: ProfileName, role: ObjectRole): ObjectSpec | undefined => PROFILE_OBJECTS[profile].find((spec) => spec.role === role);

/** The fields of `wanted` the base publishes for `set` (the others are left out of `$select`). */
export function presentFields(properties: ReadonlyMap<string, string>, wanted: readonly string[]): string[] {
  return wanted.filter((field) => properties.has(field));
}

/**
 * Which configuration a base runs, from what it publishes: БП has `ЭтоРНПТ` in `Catalog_НомераГТД` and the
 * `СведенияПрослеживаемости` sections; УТ/КА/ERP have `ТипНомераГТД` and `Document_ПриобретениеТоваровУслуг`.
 */
export function detectProfile(metadata: ServiceMetadata): ProfileName | null {
  if (metadata.hasProperty('Catalog_НомераГТД', 'ЭтоРНПТ') || metadata.has('Document_ПоступлениеТоваровУслуг')) return 'bp30';
  if (metadata.hasProperty('Catalog_НомераГТД', 'ТипНомераГТД') || metadata.has('Document_ПриобретениеТоваровУслуг')) return 'ut115';
  return null;
}
