/**
 * The reconciler's discrepancy catalog (shared/domain/discrepancies.md): every code with its default
 * severity, what it means, why it matters, how to fix it, the legal basis and the kind of fine it risks.
 * The reconciler flags exactly these codes; texts here are what auditors read.
 */
import { z } from 'zod';
import type { FindingSeverity } from '../settings.js';
import type { FineKind } from './fines.js';

export const DISCREPANCY_CODES = [
  'RNPT_INVALID',
  'RNPT_MISSING',
  'RNPT_UNKNOWN',
  'NOT_IN_DECLARATION',
  'NOT_IN_BOOKS',
  'QUANTITY_MISMATCH',
  'COST_MISMATCH',
  'UNIT_MISMATCH',
  'TNVED_MISMATCH',
  'NEGATIVE_BALANCE',
  'DUPLICATE_LINE',
  'COUNTERPARTY_MISMATCH',
  'NOT_TRACEABLE',
  'PERIOD_MISMATCH',
  'NOTIFICATION_LATE',
  'EAEU_RNPT_AFTER_IMPORT',
  'PAPER_INVOICE',
  'RNPT_IS_CUSTOMS_DECL',
  'TRACE_FIELDS_INCOMPLETE',
  'RNPT_MISMATCH',
  'NOT_IN_REPORT',
  'OPERATION_AFTER_TERMINATION',
  'RENEWAL_WITHOUT_TERMINATION',
  'REMAINS_NOTIFICATION_MISSING',
  'REPORT_LATE',
  'REPORT_FIELD_INVALID',
  'SIGN_ERROR',
] as const;

export const discrepancyCodeSchema = z.enum(DISCREPANCY_CODES);
export type DiscrepancyCode = z.infer<typeof discrepancyCodeSchema>;

export interface DiscrepancyRule {
  code: DiscrepancyCode;
  severity: FindingSeverity;
  /** The severity is a setting (the rule is not confirmed in an official act). */
  severityConfigurable: boolean;
  /** Short Russian title for tables and charts. */
  titleRu: string;
  /** When it is flagged. */
  whenRu: string;
  /** Why it matters: what the tax office does with it. */
  whyRu: string;
  /** What to do. */
  fixRu: string;
  legalBasisRu: string;
  fine: FineKind;
}

const NK_169 = 'п. 1.1, 5.1, 6 ст. 169 НК РФ (реквизиты прослеживаемости в счёте-фактуре / УПД)';
const POLOZHENIE = 'Положение о национальной системе прослеживаемости товаров (ПП РФ от 01.07.2021 № 1108)';
const NK_174 = 'п. 5 ст. 174, п. 5.1 ст. 174 НК РФ; разделы 8 и 9 декларации по НДС (графы РНПТ, ОКЕИ, количество, стоимость)';
const FNS_CONTROL =
  'ФНС сопоставляет РНПТ, единицы, количество и стоимость из деклараций, отчётов, уведомлений и счетов-фактур и по расхождениям направляет требование о пояснениях (п. 3 ст. 88 НК РФ, ответ — 5 рабочих дней).';

function rule(code: DiscrepancyCode, severity: FindingSeverity, fine: FineKind, texts: Omit<DiscrepancyRule, 'code' | 'severity' | 'fine' | 'severityConfigurable'>, severityConfigurable = false): DiscrepancyRule {
  return { code, severity, fine, severityConfigurable, ...texts };
}

export const DISCREPANCY_CATALOG: Readonly<Record<DiscrepancyCode, DiscrepancyRule>> = {
  RNPT_INVALID: rule('RNPT_INVALID', 'error', 'document_requisites', {
    titleRu: 'Неверный РНПТ',
    whenRu: 'РНПТ в строке декларации или в документе не разбирается или содержит несуществующую дату',
    whyRu: `По такому номеру ФНС не найдёт партию: строка выпадет из сопоставления. ${FNS_CONTROL}`,
    fixRu: 'Исправьте номер по исходной декларации на товары или квитанции ФНС; выставьте исправленный счёт-фактуру / УПД и подайте уточнённую декларацию',
    legalBasisRu: `${NK_169}; ${POLOZHENIE}`,
  }),
  RNPT_MISSING: rule('RNPT_MISSING', 'error', 'document_requisites', {
    titleRu: 'Нет РНПТ у прослеживаемого товара',
    whenRu: 'у строки или документа с кодом ТН ВЭД, прослеживаемым на эту дату, нет сведений о прослеживаемости',
    whyRu: `Счёт-фактура без реквизитов прослеживаемости составлен с нарушением; операция не попадёт в систему прослеживаемости. ${FNS_CONTROL}`,
    fixRu: 'Добавьте РНПТ, единицу и количество: выставьте исправленный или корректировочный счёт-фактуру (УКД) и подайте уточнённую декларацию',
    legalBasisRu: `${NK_169}; ПП РФ от 01.07.2021 № 1110`,
  }),
  RNPT_UNKNOWN: rule('RNPT_UNKNOWN', 'error', 'document_requisites', {
    titleRu: 'Продажа по неизвестному РНПТ',
    whenRu: 'в продаже (раздел 9) указан РНПТ, по которому у налогоплательщика нет поступления: ни покупки, ни ввоза, ни остатков',
    whyRu: `ФНС видит выбытие партии, которой у продавца не было: это основной признак ошибки в реквизитах или «чужого» РНПТ. ${FNS_CONTROL}`,
    fixRu: 'Найдите документ поступления или уведомление (о ввозе, об остатках); если РНПТ указан ошибочно — исправьте его в документе продажи',
    legalBasisRu: POLOZHENIE,
  }),
  NOT_IN_DECLARATION: rule('NOT_IN_DECLARATION', 'error', 'document_requisites', {
    titleRu: 'Нет в декларации',
    whenRu: 'движение прослеживаемого товара в квартале не отражено в декларации по НДС',
    whyRu: `ФНС получит счёт-фактуру от оператора ЭДО и не найдёт его в декларации. ${FNS_CONTROL}`,
    fixRu: 'Добавьте строку в книгу покупок / продаж и подайте уточнённую декларацию (ст. 81 НК РФ)',
    legalBasisRu: NK_174,
  }),
  NOT_IN_BOOKS: rule('NOT_IN_BOOKS', 'error', 'document_requisites', {
    titleRu: 'Нет документа к строке декларации',
    whenRu: 'у строки декларации со сведениями о прослеживаемости нет соответствующего документа в учёте',
    whyRu: `Строка декларации без документа — либо ошибка, либо документ не загружен в учёт. ${FNS_CONTROL}`,
    fixRu: 'Найдите документ (УПД, счёт-фактуру) и загрузите его, либо уберите строку уточнённой декларацией',
    legalBasisRu: NK_174,
  }),
  QUANTITY_MISMATCH: rule('QUANTITY_MISMATCH', 'error', 'document_requisites', {
    titleRu: 'Расходится количество',
    whenRu: 'количество в единице прослеживаемости в документе и в декларации по одному РНПТ различается',
    whyRu: `Количество по РНПТ — главный показатель, который ФНС сводит по всей цепочке. ${FNS_CONTROL}`,
    fixRu: 'Сверьте счёт-фактуру и декларацию; исправьте ту сторону, где ошибка (исправленный счёт-фактура или уточнённая декларация)',
    legalBasisRu: `${NK_169}; ${NK_174}`,
  }),
  COST_MISMATCH: rule('COST_MISMATCH', 'error', 'document_requisites', {
    titleRu: 'Расходится стоимость',
    whenRu: 'стоимость без НДС по РНПТ в документе и в декларации различается больше чем на 1 ₽',
    whyRu: `Стоимость по РНПТ сверяется ФНС так же, как количество. ${FNS_CONTROL}`,
    fixRu: 'Сверьте стоимость без НДС (графа 14 счёта-фактуры) со строкой декларации; исправьте ошибочную сторону',
    legalBasisRu: `${NK_169}; ${NK_174}`,
  }),
  UNIT_MISMATCH: rule('UNIT_MISMATCH', 'error', 'document_requisites', {
    titleRu: 'Не та единица прослеживаемости',
    whenRu: 'единица прослеживаемости отличается от установленной перечнем для кода ТН ВЭД или между сопоставленными записями',
    whyRu: `Количество в другой единице ФНС не сможет сложить с остальными записями по партии. ${FNS_CONTROL}`,
    fixRu: 'Укажите единицу по перечню (для всех позиций перечня — 796 «штука») и пересчитайте количество',
    legalBasisRu: 'ПП РФ от 01.07.2021 № 1110 (единицы прослеживаемости); ' + NK_169,
  }),
  TNVED_MISMATCH: rule('TNVED_MISMATCH', 'warning', 'none', {
    titleRu: 'Другой код ТН ВЭД',
    whenRu: 'код ТН ВЭД различается между сопоставленными записями или с кодом партии при поступлении',
    whyRu: 'ФНС сверяет первые 4 знака кода с данными декларации на товары; расхождение указывает на ошибку в карточке номенклатуры',
    fixRu: 'Исправьте код ТН ВЭД в карточке номенклатуры 1С и в документах',
    legalBasisRu: NK_169,
  }),
  NEGATIVE_BALANCE: rule('NEGATIVE_BALANCE', 'error', 'document_requisites', {
    titleRu: 'Продано больше, чем поступило',
    whenRu: 'выбытие по РНПТ в какой-то момент квартала превышает поступления',
    whyRu: `ФНС видит по партии больше выбытий, чем ввоза и покупок: это расхождение в системе прослеживаемости. ${FNS_CONTROL}`,
    fixRu: 'Найдите недостающее поступление или исправьте РНПТ в документах продажи',
    legalBasisRu: POLOZHENIE,
  }),
  DUPLICATE_LINE: rule('DUPLICATE_LINE', 'warning', 'none', {
    titleRu: 'Задвоенная строка',
    whenRu: 'один и тот же счёт-фактура с тем же РНПТ дважды встречается в одном разделе',
    whyRu: 'Двойная строка удваивает количество и стоимость по РНПТ в данных ФНС',
    fixRu: 'Удалите дубликат уточнённой декларацией',
    legalBasisRu: NK_174,
  }),
  COUNTERPARTY_MISMATCH: rule('COUNTERPARTY_MISMATCH', 'warning', 'none', {
    titleRu: 'Другой контрагент',
    whenRu: 'номер и дата счёта-фактуры совпадают, а ИНН/КПП контрагента различаются',
    whyRu: 'ФНС сопоставляет записи продавца и покупателя по ИНН: при ошибке в ИНН пара не сойдётся',
    fixRu: 'Исправьте ИНН/КПП контрагента в учёте или в декларации',
    legalBasisRu: NK_174,
  }),
  NOT_TRACEABLE: rule('NOT_TRACEABLE', 'warning', 'none', {
    titleRu: 'Товар не прослеживается',
    whenRu: 'реквизиты прослеживаемости указаны у товара, который на эту дату не прослеживается (исключённый код, белорусский холодильник после 06.03.2023, до начала системы, российский товар)',
    whyRu: 'Лишние реквизиты создают в системе партии, которых нет; это признак ошибки в коде или стране происхождения',
    fixRu: 'Уберите реквизиты прослеживаемости или исправьте код ТН ВЭД / страну происхождения',
    legalBasisRu: 'ПП РФ от 01.07.2021 № 1110; ПП РФ от 04.03.2023 № 345',
  }),
  PERIOD_MISMATCH: rule('PERIOD_MISMATCH', 'warning', 'none', {
    titleRu: 'Не тот период',
    whenRu: 'дата документа вне квартала декларации',
    whyRu: 'Операция окажется в другом квартале, чем в данных ФНС от оператора ЭДО',
    fixRu: 'Перенесите запись в декларацию за правильный квартал',
    legalBasisRu: NK_174,
  }),
  NOTIFICATION_LATE: rule('NOTIFICATION_LATE', 'error', 'notification', {
    titleRu: 'Уведомление опоздало или не подано',
    whenRu: 'уведомление о ввозе из ЕАЭС / о перемещении подано позже 5 рабочих дней или не подано',
    whyRu: 'Без уведомления о ввозе нет РНПТ для дальнейших продаж; без уведомления о перемещении ФНС не видит выбытия партии',
    fixRu: 'Подайте уведомление сейчас; штраф (если закон принят) не снимается, но дальнейшие ошибки по партии прекратятся',
    legalBasisRu: POLOZHENIE,
  }),
  EAEU_RNPT_AFTER_IMPORT: rule(
    'EAEU_RNPT_AFTER_IMPORT',
    'warning',
    'none',
    {
      titleRu: 'РНПТ получен после ввоза из ЕАЭС',
      whenRu: 'ввоз из ЕАЭС с 01.10.2026, по которому РНПТ получен позже даты ввоза или не указан в ДОПП',
      whyRu: 'По сообщению seed 000 с 01.10.2026 РНПТ нужно получать до ввоза и указывать в ДОПП (СПОТ); официальным актом не подтверждено',
      fixRu: 'Получайте РНПТ до ввоза; проверьте ДОПП по поставке',
      legalBasisRu: 'не подтверждено официальным актом (seed 000; концепция СПОТ, распоряжение Правительства № 3213-р)',
    },
    true,
  ),
  PAPER_INVOICE: rule('PAPER_INVOICE', 'info', 'paper_document', {
    titleRu: 'Бумажный счёт-фактура',
    whenRu: 'продажа прослеживаемого товара оформлена на бумаге, а не через ЭДО',
    whyRu: 'Счета-фактуры на прослеживаемые товары составляются только в электронной форме',
    fixRu: 'Подключите контрагента к ЭДО и переоформите документ',
    legalBasisRu: 'п. 1.1 ст. 169 НК РФ',
  }),
  RNPT_IS_CUSTOMS_DECL: rule('RNPT_IS_CUSTOMS_DECL', 'error', 'document_requisites', {
    titleRu: 'Номер ДТ вместо РНПТ',
    whenRu: 'для прослеживаемого товара указан номер декларации на товары (3 блока), а нужен РНПТ (4 блока)',
    whyRu: `Номер ДТ без порядкового номера товара не определяет партию. ${FNS_CONTROL}`,
    fixRu: 'Допишите порядковый номер товара из графы 32 ДТ (четвёртый блок), например …/001',
    legalBasisRu: NK_169,
  }),
  TRACE_FIELDS_INCOMPLETE: rule('TRACE_FIELDS_INCOMPLETE', 'error', 'document_requisites', {
    titleRu: 'Неполные реквизиты',
    whenRu: 'РНПТ указан, а единица, количество или стоимость не заполнены',
    whyRu: `Без количества и стоимости ФНС не сможет свести партию. ${FNS_CONTROL}`,
    fixRu: 'Заполните единицу, количество и стоимость без НДС',
    legalBasisRu: `${NK_169}; ${NK_174}`,
  }),
  RNPT_MISMATCH: rule('RNPT_MISMATCH', 'error', 'document_requisites', {
    titleRu: 'Другой РНПТ',
    whenRu: 'в сопоставленных записях одной строки счёта-фактуры указаны разные РНПТ',
    whyRu: `Количество уйдёт на другую партию: по одной будет «лишнее» выбытие, по другой — зависший остаток. ${FNS_CONTROL}`,
    fixRu: 'Укажите РНПТ из документа поступления',
    legalBasisRu: NK_169,
  }),
  NOT_IN_REPORT: rule('NOT_IN_REPORT', 'error', 'report', {
    titleRu: 'Нет в отчёте об операциях',
    whenRu: 'операция, которую нужно отразить в отчёте об операциях (коды 01–14 или любая у неплательщика НДС), в нём отсутствует',
    whyRu: 'ФНС не увидит прекращения или передачи партии; остаток по РНПТ повиснет',
    fixRu: 'Добавьте операцию в корректировочный отчёт об операциях',
    legalBasisRu: 'п. 2.3 ст. 23 НК РФ; ' + POLOZHENIE,
  }),
  OPERATION_AFTER_TERMINATION: rule('OPERATION_AFTER_TERMINATION', 'error', 'document_requisites', {
    titleRu: 'Операция после прекращения',
    whenRu: 'операция по РНПТ после прекращения прослеживаемости (коды 01–09, экспорт, исключение) без возобновления (10–12)',
    whyRu: 'Партия уже выбыла из системы: новая операция по ней — ошибка в РНПТ или в операции прекращения',
    fixRu: 'Проверьте операцию прекращения (списание, розничную продажу) или РНПТ в документе',
    legalBasisRu: 'п. 4 Положения (ПП РФ от 01.07.2021 № 1108)',
  }),
  RENEWAL_WITHOUT_TERMINATION: rule('RENEWAL_WITHOUT_TERMINATION', 'warning', 'none', {
    titleRu: 'Возобновление без прекращения',
    whenRu: 'возобновление (10/11/12) по РНПТ, по которому прослеживаемость не прекращалась',
    whyRu: 'Возобновить можно только то, что было прекращено: вероятно, неверный код операции',
    fixRu: 'Проверьте код операции',
    legalBasisRu: POLOZHENIE,
  }),
  REMAINS_NOTIFICATION_MISSING: rule('REMAINS_NOTIFICATION_MISSING', 'error', 'notification', {
    titleRu: 'Нет уведомления об остатках',
    whenRu: 'продажа прослеживаемого товара без РНПТ, и уведомление об остатках не подано до дня операции',
    whyRu: 'Без уведомления об остатках у товара нет РНПТ, и продажу нельзя оформить с реквизитами',
    fixRu: 'Подайте уведомление об остатках и укажите полученный РНПТ в документах',
    legalBasisRu: 'абз. 2 п. 28 Положения (ПП РФ от 01.07.2021 № 1108)',
  }),
  REPORT_LATE: rule('REPORT_LATE', 'error', 'report', {
    titleRu: 'Отчёт об операциях опоздал',
    whenRu: 'отчёт об операциях за квартал не подан или подан после 25-го числа (с переносом на рабочий день)',
    whyRu: 'Операции квартала не попадут в систему прослеживаемости в срок',
    fixRu: 'Подайте отчёт сейчас',
    legalBasisRu: 'п. 2.3 ст. 23 НК РФ; п. 7 ст. 6.1 НК РФ',
  }),
  REPORT_FIELD_INVALID: rule('REPORT_FIELD_INVALID', 'error', 'report', {
    titleRu: 'Ошибка в строке отчёта',
    whenRu: 'строка отчёта нарушает правила формата (нет контрагента для кодов 08 и 15–39, отрицательные количество или стоимость, неизвестный код операции)',
    whyRu: 'Строка не пройдёт форматно-логический контроль или исказит данные по партии',
    fixRu: 'Исправьте строку в корректировочном отчёте',
    legalBasisRu: 'Приказ ФНС от 08.07.2021 № ЕД-7-15/645@ (формат отчёта об операциях)',
  }),
  SIGN_ERROR: rule('SIGN_ERROR', 'warning', 'none', {
    titleRu: 'Не тот знак',
    whenRu: 'сторнирующая или уменьшающая запись с положительными количеством/стоимостью, либо обычная — с отрицательными',
    whyRu: 'Знак ошибки удваивает расхождение вместо его исправления',
    fixRu: 'Исправьте знак количества и стоимости',
    legalBasisRu: NK_174,
  }),
};

/** The rule of a code; severities of configurable rules come from settings. */
export function discrepancyRule(code: DiscrepancyCode): DiscrepancyRule {
  return DISCREPANCY_CATALOG[code];
}
