import { completeInn, wholeQuantity } from '@sledopyt/core';
import { readDocument, writeExportNotice, writeOperationsReport } from '@sledopyt/formats';
import { describe, expect, it } from 'vitest';
import type { FileFacts } from './file-facts.js';
import { exportNoticeDocument, operationsReportDocument } from './form-documents.js';
import { OUR_INN, OUR_KPP, RNPT_WASHER } from './testing/import-fixtures.js';

const FACTS: FileFacts = { source: 'sftp', sourceRef: '/srv/sftp/fns/in/form.xml', contentHash: 'c'.repeat(64), version: '5.02' };
const TAXPAYER = { kind: 'СведЮЛ', НаимОрг: 'ООО «ТехноИмпорт»', ИННЮЛ: OUR_INN, КПП: OUR_KPP } as const;
const SIGNER = { ПрПодп: '1', ФИО: { Фамилия: 'Смирнова', Имя: 'Анна', Отчество: 'Петровна' } } as const;

describe('form documents', () => {
  it('stores a movement notification (sale to Kazakhstan) as a document dated by the notice, its deadline counted from the shipment', () => {
    const written = writeExportNotice(
      {
        ВерсПрог: 'Sledopyt 0.1.0',
        НомУвед: '4',
        ДатаУвед: '2026-03-20',
        ПризнУвед: '1',
        СвНП: TAXPAYER,
        Подписант: SIGNER,
        УведВывозТов: [
          {
            СвЛицПрд: { ОКСМ: '398', ИдКод: '180540012345', Адрес: 'Республика Казахстан, г. Алматы, пр. Абая, д. 10', НаимОрг: 'ТОО «Астана Техно»' },
            СвСопрДок: [
              {
                ВидСопрДок: '2',
                ДатаСопрДок: '2026-03-16',
                НомСопрДок: 'ТИ-000140',
                УведВывозТовСтр: [
                  { НомТовДок: 1, НаимТовДок: 'Стиральная машина LG F2J3WS2W', КоличТоварДок: '2', ЕдинИзмерДок: '796', РегНомерТов: RNPT_WASHER, ЕдинИзмерПер: '796', КоличТоварПер: '2', СтТоварБезНДС: 65_001_00n },
                ],
              },
            ],
            СвПунктНазн: ['г. Алматы'],
            ОКСМ: ['417'],
          },
        ],
      },
      { taxOffice: '7701', guid: '5f34036f-27c9-438b-8ccc-0c5059326d04' },
    );
    const parsed = readDocument(written.bytes, written.fileName);
    if (parsed.kind !== 'export-notice-transit') throw new Error(`read as ${parsed.kind}`);
    const document = exportNoticeDocument(parsed.document, OUR_INN, { ...FACTS, version: parsed.version });
    expect(document).toMatchObject({ kind: 'eaeu_movement_notification', number: '4', date: '2026-03-20', eventDate: '2026-03-16', movements: [], source: 'sftp' });
    expect(document.details).toMatchObject({
      format: 'export-notice',
      version: '5.01',
      transit: true,
      parts: [{ buyer: { country: '398', id: '180540012345' }, transitCountries: ['417'], documents: [{ number: 'ТИ-000140', lines: [{ rnpt: RNPT_WASHER, quantity: '2', costKopecks: 65_001_00n }] }] }],
    });
  });

  it('stores a report on operations under its quarter, dated by the day its file was formed', () => {
    const buyer = completeInn('667300100');
    const written = writeOperationsReport(
      {
        ВерсПрог: 'Sledopyt 0.1.0',
        ОтчетГод: '2026',
        Период: '21',
        КодНО: '7701',
        ПоМесту: '214',
        СвНП: TAXPAYER,
        Подписант: SIGNER,
        ОтчетОперПрТовСтр: [
          {
            НомерПор: 1,
            ДатаОпер: '2026-03-02',
            КодВидОпер: '15',
            РеквПервичДок: { ВидДок: '3', НомДок: 'ТИ-000123', ДатаДок: '2026-03-02' },
            Контрагент: { kind: 'СведЮЛ', НаимОрг: 'ООО "Бытовая техника Урал"', ИННЮЛ: buyer, КПП: '667301001' },
            ТоварПросл: [{ РегНомерТов: RNPT_WASHER, ЕдинИзмерПер: '796', КоличТоварПер: wholeQuantity(3), СтТоварБезНДС: 97_500_00n }],
          },
        ],
      },
      { guid: '5f34036f-27c9-438b-8ccc-0c5059326d04', date: '2026-04-22' },
    );
    const parsed = readDocument(written.bytes, written.fileName);
    if (parsed.kind !== 'operations-report') throw new Error(`read as ${parsed.kind}`);
    const document = operationsReportDocument(parsed.document, OUR_INN, FACTS);
    expect(document).toMatchObject({ kind: 'operations_report', number: '2026-Q1', date: '2026-04-22', eventDate: '2026-03-31', movements: [] });
    expect(document.details).toMatchObject({
      dateSource: 'file-name',
      year: 2026,
      quarter: 1,
      lines: [{ operationCode: '15', document: { kind: '3', number: 'ТИ-000123' }, counterparty: { inn: buyer }, goods: [{ rnpt: RNPT_WASHER, quantity: '3' }] }],
    });
  });
});
