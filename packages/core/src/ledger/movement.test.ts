import { describe, expect, it } from 'vitest';
import { MOVEMENT_KINDS, MOVEMENT_KIND_LIST } from './movement-kinds.js';
import { describeDocumentRu, movementOperationCode, movementSchema, parseMovement, reportDocumentKindCode } from './movement.js';
import { OPERATION_CODES, RENEWAL_UNDOES, endsTraceability, isRenewal } from './operation-codes.js';

const saleInput = {
  id: '1c:РеализацияТоваровУслуг:0000-000045',
  kind: 'sale',
  taxpayerInn: '7707083893',
  rnpt: '10702070 / 090126 / 0004521 / 1',
  tnved: '8418 10 200 1',
  unit: '796',
  quantity: '30',
  costWithoutVat: '1 170 000,00',
  date: '2026-02-05',
  document: { kind: 'upd', number: ' 45 ', date: '05.02.2026' },
  counterpartyInn: '7736207543',
};

describe('movementSchema', () => {
  it('parses a sale as a 1С export carries it', () => {
    const movement = movementSchema.parse(saleInput);
    expect(movement).toMatchObject({
      rnpt: '10702070/090126/0004521/001',
      tnved: '8418102001',
      quantity: 3_000_000_000_000n,
      costWithoutVat: 117_000_000n,
      date: '2026-02-05',
      document: { kind: 'upd', number: '45', date: '2026-02-05' },
    });
    expect(movementOperationCode(movement)).toBe('15');
    expect(describeDocumentRu(movement.document)).toBe('УПД № 45 от 05.02.2026');
  });

  it('reports every problem at once, in Russian', () => {
    const result = parseMovement({ ...saleInput, taxpayerInn: '7707083894', rnpt: '10702070/310226/0004521/001', quantity: '-1' });
    expect(!result.ok && result.error.code).toBe('MOVEMENT_INVALID');
    const paths = !result.ok ? (result.error.details['issues'] as { path: string }[]).map((i) => i.path) : [];
    expect(paths).toEqual(['taxpayerInn', 'rnpt', 'quantity']);
    expect(!result.ok && result.error.messageRu).toContain('такой даты нет в календаре');
  });

  it('accepts an operation code the kind allows and refuses others', () => {
    const writeOff = { ...saleInput, kind: 'write_off', counterpartyInn: undefined };
    expect(movementOperationCode(movementSchema.parse({ ...writeOff, operationCode: '03' }))).toBe('03');
    expect(movementOperationCode(movementSchema.parse(writeOff))).toBe('02');
    const wrong = movementSchema.safeParse({ ...writeOff, operationCode: '15' });
    expect(wrong.error?.issues[0]?.message).toContain('допустимо 02, 03');
    const none = movementSchema.safeParse({ ...saleInput, kind: 'customs_import', operationCode: '17' });
    expect(none.error?.issues[0]?.message).toContain('код операции не указывается');
  });

  it('maps document kinds to ВидДок of the report', () => {
    expect(['invoice', 'correction_invoice', 'upd', 'ukd', 'inventory_act'].map((k) => reportDocumentKindCode(k as never))).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('the movement-kind table', () => {
  it('ends traceability exactly for the kinds whose code is 01–09', () => {
    for (const kind of MOVEMENT_KIND_LIST) {
      const rule = MOVEMENT_KINDS[kind];
      const code = rule.operationCode;
      expect(rule.endsTraceability, kind).toBe(code !== null && endsTraceability(code));
      expect(rule.renewal, kind).toBe(code !== null && isRenewal(code));
      if (code !== null) expect(rule.allowedOperationCodes, kind).toContain(code);
      for (const allowed of rule.allowedOperationCodes) expect(OPERATION_CODES[allowed], kind).toBeDefined();
    }
  });

  it('covers the codes 01–22 a participant reports on its own goods', () => {
    const used = new Set(MOVEMENT_KIND_LIST.flatMap((kind) => MOVEMENT_KINDS[kind].allowedOperationCodes));
    const expected = Array.from({ length: 22 }, (_, i) => String(i + 1).padStart(2, '0'));
    expect(expected.filter((code) => !used.has(code as never))).toEqual([]);
  });

  it('marks the notifications and RNPT origins', () => {
    expect(MOVEMENT_KINDS.eaeu_import).toMatchObject({ notification: 'eaeu_import', rnptOrigin: 'eaeu_import_notification' });
    expect(MOVEMENT_KINDS.remains).toMatchObject({ notification: 'remains', rnptOrigin: 'remains_notification' });
    expect(MOVEMENT_KINDS.eaeu_movement).toMatchObject({ notification: 'eaeu_movement', direction: 'disposal' });
    expect(MOVEMENT_KINDS.customs_import.rnptOrigin).toBe('customs_declaration');
  });

  it('pairs every renewal with terminations', () => {
    for (const [renewal, undoes] of Object.entries(RENEWAL_UNDOES)) {
      expect(isRenewal(renewal as never)).toBe(true);
      for (const code of undoes) expect(endsTraceability(code)).toBe(true);
    }
  });
});
