/**
 * УПД and УКД files as store documents of one of our taxpayers: the formats package turns the traceability
 * records into core movements (sale or purchase, and their corrections, by which side we are); the details
 * column keeps what the reconciler needs beyond them — both parties, the correction of the invoice, and each
 * goods line's ТН ВЭД code, country of origin and ДТ number, also for lines WITHOUT traceability data, which
 * are what RNPT_MISSING looks for.
 */
import { formatQuantity } from '@sledopyt/core';
import { participantInn, participantName, ukdToMovements, updToMovements } from '@sledopyt/formats';
import type { Participant, UkdDocument, UpdDocument } from '@sledopyt/formats';
import type { ImportDocumentInput } from '@sledopyt/store';
import type { FileFacts, PartyFacts } from './file-facts.js';

export type InvoiceDocument = UpdDocument | UkdDocument;

export function partyOf(participant: Participant): PartyFacts {
  const id = participant.ИдСв;
  return { inn: participantInn(participant) ?? null, kpp: id.kind === 'СвЮЛУч' ? (id.КПП ?? null) : null, name: participantName(participant) };
}

/** The ИНН of the seller and the buyer (those that have one), for deciding whose document it is. */
export function invoicePartyInns(doc: InvoiceDocument): string[] {
  return [participantInn(doc.СвПрод), participantInn(doc.СвПокуп)].filter((inn): inn is string => inn !== undefined);
}

function header(doc: InvoiceDocument, taxpayerInn: string, facts: FileFacts) {
  const seller = partyOf(doc.СвПрод);
  const buyer = partyOf(doc.СвПокуп);
  const weSell = seller.inn === taxpayerInn;
  const counterparty = weSell ? buyer : seller;
  return {
    base: {
      taxpayerInn,
      ...(counterparty.inn === null ? {} : { counterpartyInn: counterparty.inn }),
      ...(counterparty.kpp === null ? {} : { counterpartyKpp: counterparty.kpp }),
      source: facts.source,
      sourceRef: facts.sourceRef,
      contentHash: facts.contentHash,
      // A ФНС-format УПД/УКД file is the electronic document itself.
      electronic: true,
    },
    parties: { role: weSell ? 'seller' : 'buyer', seller, buyer, electronic: true, fileId: doc.ИдФайл, version: facts.version, function: doc.Функция },
  };
}

export function updDocument(doc: UpdDocument, taxpayerInn: string, facts: FileFacts): ImportDocumentInput {
  const movements = updToMovements(doc, taxpayerInn);
  const { base, parties } = header(doc, taxpayerInn, facts);
  return {
    ...base,
    kind: movements[0]?.document.kind ?? (doc.Функция === 'СЧФ' ? 'invoice' : 'upd'),
    number: doc.НомерДок.trim(),
    date: doc.ДатаДок,
    // An исправленный УПД replaces the earlier versions of the invoice in the store (only the highest counts).
    ...(doc.ИспрДок === undefined ? {} : { revision: doc.ИспрДок.НомИспр }),
    movements,
    details: {
      format: 'upd',
      ...parties,
      ...(doc.ИспрДок === undefined ? {} : { invoiceCorrection: { number: doc.ИспрДок.НомИспр, date: doc.ИспрДок.ДатаИспр } }),
      ...(doc.СвПер?.ДатаПер === undefined ? {} : { transferDate: doc.СвПер.ДатаПер }),
      goods: doc.СведТов
        .filter((line) => line.КодВидТов !== undefined || line.СведПрослеж.length > 0)
        .map((line) => ({
          line: line.НомСтр,
          tnved: line.КодВидТов ?? null,
          okei: line.ОКЕИ_Тов ?? null,
          quantity: line.КолТов === undefined ? null : formatQuantity(line.КолТов),
          costKopecks: line.СтТовБезНДС ?? null,
          originCountries: [...new Set(line.СвДТ.flatMap((customs) => (customs.КодПроисх === undefined ? [] : [customs.КодПроисх])))],
          customsDeclarations: line.СвДТ.flatMap((customs) => (customs.НомерДТ === undefined ? [] : [customs.НомерДТ])),
          traceabilityEntries: line.СведПрослеж.length,
        })),
    },
  };
}

export function ukdDocument(doc: UkdDocument, taxpayerInn: string, facts: FileFacts): ImportDocumentInput {
  const { base, parties } = header(doc, taxpayerInn, facts);
  return {
    ...base,
    kind: 'ukd',
    number: doc.НомерКСчФ.trim(),
    date: doc.ДатаКСчФ,
    movements: ukdToMovements(doc, taxpayerInn),
    details: {
      format: 'ukd',
      ...parties,
      correctedInvoices: doc.СчФ.map((invoice) => ({ number: invoice.НомерСчФ, date: invoice.ДатаСчФ })),
      goods: doc.СведТов
        .filter((line) => line.КодВидТов !== undefined || line.СведПрослеж.length > 0)
        .map((line) => ({ line: line.НомСтр, tnved: line.КодВидТов ?? null, traceabilityEntries: line.СведПрослеж.length })),
    },
  };
}
