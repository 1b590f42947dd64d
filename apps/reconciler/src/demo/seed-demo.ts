/**
 * Puts the demo quarter (its documents and its spoiled declaration) into a store as imports would: for
 * `sledopyt demo`, and for tests that compare the store-backed reconciliation with the in-memory reference.
 */
import { createHash } from 'node:crypto';
import { parseMovement, parseQuarter, parseRegistrationNumber, type DeclarationLine, type Movement } from '@sledopyt/core';
import type { DemoQuarter } from '@sledopyt/generators';
import type { DeclarationLineInput, ImportDocumentInput, Store } from '@sledopyt/store';

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
const json = (value: unknown): string => JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));

export function demoMovements(quarter: DemoQuarter): Movement[] {
  return quarter.lines.flatMap((l) => {
    const parsed = parseMovement(l.movement);
    return parsed.ok ? [parsed.value] : [];
  });
}

function documentsOf(movements: readonly Movement[]): ImportDocumentInput[] {
  const byDocument = new Map<string, Movement[]>();
  for (const m of movements) {
    const key = `${m.document.kind}|${m.document.number}|${m.document.date}`;
    const group = byDocument.get(key);
    if (group === undefined) byDocument.set(key, [m]);
    else group.push(m);
  }
  return [...byDocument.values()].map((docMovements) => {
    const first = docMovements[0] as Movement;
    const header = {
      taxpayerInn: first.taxpayerInn,
      kind: first.document.kind,
      number: first.document.number,
      date: first.document.date,
      ...(first.counterpartyInn === undefined ? {} : { counterpartyInn: first.counterpartyInn }),
      source: 'file' as const,
      sourceRef: `demo/${first.document.kind}/${first.document.number}`,
    };
    return { ...header, contentHash: sha256(json({ header, docMovements })), movements: docMovements };
  });
}

export function toStoreLine(line: DeclarationLine): DeclarationLineInput {
  return {
    lineNumber: line.lineNumber,
    invoiceNumber: line.invoiceNumber,
    invoiceDate: line.invoiceDate,
    ...(line.counterpartyInn === undefined ? {} : { counterpartyInn: line.counterpartyInn }),
    operationCodes: [...line.operationCodes],
    storno: line.storno,
    tnvedCodes: [...line.tnvedCodes],
    entries: line.entries.map((e) => {
      const parsed = parseRegistrationNumber(e.registrationNumber);
      const kind = !parsed.ok ? 'invalid' : parsed.value.kind;
      const number = !parsed.ok ? e.registrationNumber : parsed.value.kind === 'rnpt' ? parsed.value.rnpt : parsed.value.number;
      return {
        kind,
        number,
        raw: e.registrationNumber,
        ...(e.unit === undefined ? {} : { okei: e.unit }),
        ...(e.quantity === undefined ? {} : { quantity: e.quantity }),
        ...(e.cost === undefined ? {} : { costKopecks: e.cost }),
      };
    }),
  };
}

export async function seedDemoStore(store: Store, quarter: DemoQuarter, lines: readonly DeclarationLine[]): Promise<void> {
  await store.importBatch({ documents: documentsOf(demoMovements(quarter)) });
  const { year, quarter: q } = parseQuarter(quarter.period);
  for (const section of ['8', '9'] as const) {
    await store.importDeclaration(
      {
        taxpayerInn: quarter.company.inn,
        year,
        quarter: q,
        correctionNumber: 0,
        section,
        fileName: `NO_NDS.${section}`,
        contentHash: sha256(`demo ${quarter.period} ${section} ${json(lines)}`),
        source: 'file',
        sourceRef: `demo/NO_NDS.${section}.xml`,
      },
      lines.filter((l) => l.section === section).map(toStoreLine),
    );
  }
}
