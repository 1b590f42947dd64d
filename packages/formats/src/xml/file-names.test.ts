import { describe, expect, it } from 'vitest';
import { catchError } from '../test-support/index.js';
import { edoFileId, parseFileName, taxOfficeFileId } from './file-names.js';

describe('file names', () => {
  it('parses the real Diadoc УПД 5.02 name with its six flags (N2 = traceability)', () => {
    const parsed = parseFileName(
      'ON_NSCHFDOPPR_2BM-9677800047-967701000-202207281004154081709_2BM-9681265956-968101000-202207281000014689156_20240713_5f34036f-27c9-438b-8ccc-0c5059326d04_1_1_0_0_1_00.xml',
    );
    expect(parsed).toEqual({
      family: 'edo',
      prefix: 'ON_NSCHFDOPPR',
      recipientId: '2BM-9677800047-967701000-202207281004154081709',
      senderId: '2BM-9681265956-968101000-202207281000014689156',
      date: '2024-07-13',
      guid: '5f34036f-27c9-438b-8ccc-0c5059326d04',
      flags: { traceability: true, marking: true, alcohol: false, tobacco: false, oil: true, extra: '00' },
    });
  });

  it('parses the 5.01 name with the PROS suffix', () => {
    const parsed = parseFileName(
      'ON_NSCHFDOPPRPROS_2BM-9147414342-757645784-202407101104400484330_2BM-participantId1_20240716_e30084d7-683a-45da-8303-1b9a395402fe',
    );
    expect(parsed).toMatchObject({ family: 'edo', prefix: 'ON_NSCHFDOPPR', suffix: 'PROS', senderId: '2BM-participantId1', date: '2024-07-16' });
  });

  it('builds names that parse back to the same parts', () => {
    const upd = {
      prefix: 'ON_NSCHFDOPPR' as const,
      recipientId: '2BM-7701234567-770101001',
      senderId: '2BM-5003123456-500301001',
      date: '2026-03-02' as never,
      guid: '0b6f2a44-3c1e-4f7a-9a55-2f4d1e7c8b90',
      flags: { traceability: true, marking: false, alcohol: false, tobacco: false, oil: false, extra: '00' },
    };
    const id = edoFileId(upd);
    expect(id).toBe('ON_NSCHFDOPPR_2BM-7701234567-770101001_2BM-5003123456-500301001_20260302_0b6f2a44-3c1e-4f7a-9a55-2f4d1e7c8b90_1_0_0_0_0_00');
    expect(parseFileName(id)).toEqual({ family: 'edo', ...upd });

    const notice = { prefix: 'ON_UVVOZTOV' as const, taxOffice: '7701', finalTaxOffice: '7701', taxpayerId: '7701234567770101001', date: '2026-02-10' as never, guid: '9c3adc2b-a085-4acd-af8c-3494290d782c' };
    const noticeId = taxOfficeFileId(notice);
    expect(noticeId).toBe('ON_UVVOZTOV_7701_7701_7701234567770101001_20260210_9c3adc2b-a085-4acd-af8c-3494290d782c');
    expect(parseFileName(`${noticeId}.xml`)).toEqual({ family: 'tax-office', ...notice });
    expect(parseFileName(taxOfficeFileId({ ...notice, prefix: 'NO_NDS.9' }))).toMatchObject({ prefix: 'NO_NDS.9' });
  });

  it('returns undefined for names outside the conventions and refuses to build bad ones', () => {
    expect(parseFileName('invoice-123.xml')).toBeUndefined();
    expect(parseFileName('ON_NSCHFDOPPR_A1234_B1234_20261301_5f34036f-27c9-438b-8ccc-0c5059326d04')).toBeUndefined();
    const error = catchError(() =>
      taxOfficeFileId({ prefix: 'ON_UVOSTTOV', taxOffice: '77', finalTaxOffice: '7701', taxpayerId: '7701234567', date: '2026-02-10' as never, guid: 'x' }),
    );
    expect(error.code).toBe('XML_WRITE_INVALID');
  });
});
