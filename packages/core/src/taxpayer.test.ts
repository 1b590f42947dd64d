import { describe, expect, it } from 'vitest';
import { completeInn, innSchema, isInn, isKpp, isOrganisationInn, kppSchema, parseInn, parseKpp } from './taxpayer.js';

const innReason = (text: string): unknown => {
  const result = parseInn(text);
  return result.ok ? 'ok' : result.error.details['reason'];
};

describe('ИНН', () => {
  it('accepts real organisation and personal ИНН', () => {
    expect(innReason('7707083893')).toBe('ok'); // ПАО Сбербанк
    expect(innReason('7728168971')).toBe('ok'); // АО «Альфа-Банк»
    expect(innReason('500100732259')).toBe('ok'); // a well-formed 12-digit ИНН
    expect(innReason(' 7707083893 ')).toBe('ok');
  });

  it('detects a single wrong digit or a swap through the check digits', () => {
    expect(innReason('7707083894')).toBe('checksum');
    expect(innReason('7707038893')).toBe('checksum');
    expect(innReason('500100732258')).toBe('checksum');
    expect(innReason('500100732269')).toBe('checksum');
  });

  it('rejects wrong length, characters and zeros', () => {
    expect(innReason('770708389')).toBe('length');
    expect(innReason('77070838930')).toBe('length');
    expect(innReason('77070838ЗЗ')).toBe('chars');
    expect(innReason('0000000000')).toBe('zeros');
    const result = parseInn('770708389');
    expect(!result.ok && result.error.code).toBe('INN_INVALID');
    expect(!result.ok && result.error.messageRu).toContain('10 цифр');
  });

  it('guards and schemas', () => {
    expect(isInn('7707083893')).toBe(true);
    expect(isInn(' 7707083893')).toBe(false);
    const inn = innSchema.parse('7707083893');
    expect(isOrganisationInn(inn)).toBe(true);
    expect(innSchema.safeParse('7707083894').error?.issues[0]?.message).toContain('контрольное число');
  });
});

describe('КПП', () => {
  it('accepts digit and letter reason codes', () => {
    expect(parseKpp('773601001').ok).toBe(true);
    expect(parseKpp('7736AB001').ok).toBe(true);
    expect(isKpp('773601001')).toBe(true);
    expect(kppSchema.parse(' 773601001 ')).toBe('773601001');
  });

  it('rejects other shapes with KPP_INVALID', () => {
    for (const bad of ['77360100', '7736010011', '7736ab001', 'А73601001', '']) {
      const result = parseKpp(bad);
      expect(!result.ok && result.error.code).toBe('KPP_INVALID');
    }
  });
});

describe('completeInn', () => {
  it('rebuilds the check digits of real ИНН from their bases', () => {
    expect(completeInn('770708389')).toBe('7707083893');
    expect(completeInn('772816897')).toBe('7728168971');
    expect(completeInn('5001007322')).toBe('500100732259');
  });

  it('produces ИНН that parseInn accepts, for organisations and persons', () => {
    for (let i = 0; i < 200; i += 1) {
      const org = completeInn(String(100_000_000 + i * 4_513_337).slice(0, 9));
      const person = completeInn(String(1_000_000_000 + i * 45_133_373).slice(0, 10));
      expect(parseInn(org).ok).toBe(true);
      expect(parseInn(person).ok).toBe(true);
    }
  });

  it('refuses a base of the wrong length', () => {
    expect(() => completeInn('12345')).toThrow(/9 or 10 digits/);
  });
});
