import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeServiceUrl, parseOneCSyncConfig, resolvePassword, sourceIdOf } from './config.js';
import { caught as refusal } from '@sledopyt/core/testing';

const fs = { readFile: (path: string) => (path === '/run/secrets/onec' ? 'Зима2026!\n' : '') };

describe('1C sync settings', () => {
  it('accepts a publication or a service root and fills the defaults', () => {
    expect(normalizeServiceUrl('http://1c.local/buh')).toBe('http://1c.local/buh/odata/standard.odata/');
    expect(normalizeServiceUrl('https://1c.local/Бухгалтерия/odata/standard.odata')).toBe('https://1c.local/%D0%91%D1%83%D1%85%D0%B3%D0%B0%D0%BB%D1%82%D0%B5%D1%80%D0%B8%D1%8F/odata/standard.odata/');
    const config = parseOneCSyncConfig({ url: 'http://1c.local/buh', user: 'Администратор', passwordEnv: 'ONEC_PASSWORD', taxpayerInn: '7707083893' });
    expect(config).toMatchObject({ url: 'http://1c.local/buh/odata/standard.odata/', pageSize: 500, readOnly: true, profile: 'auto', timezone: 'Europe/Moscow' });
    expect(sourceIdOf(config)).toBe('1c.local/buh');
    expect(sourceIdOf(parseOneCSyncConfig({ url: 'https://1c.local/Бухгалтерия' }))).toBe('1c.local/Бухгалтерия');
  });

  it('never takes a password as a setting or in the URL, and refuses writing to 1C', () => {
    expect(refusal(() => parseOneCSyncConfig({ url: 'http://1c.local/buh', user: 'u', password: 'секрет' })).code).toBe('ONEC_CONFIG_INVALID');
    const inUrl = refusal(() => parseOneCSyncConfig({ url: 'http://u:secret@1c.local/buh' }));
    expect(inUrl.messageRu).toContain('passwordEnv');
    expect(JSON.stringify(inUrl.toJSON())).not.toContain('secret@');
    expect(refusal(() => parseOneCSyncConfig({ url: 'http://1c.local/buh', readOnly: false })).messageRu).toContain('только читает');
    const bad = refusal(() => parseOneCSyncConfig({ url: 'ftp://1c.local', timezone: 'Moscow', pageSize: 0, taxpayerInn: '7707083894' }));
    expect((bad.details['issues'] as { path: string }[]).map((i) => i.path).sort()).toEqual(['pageSize', 'taxpayerInn', 'timezone', 'url']);
  });

  it('reads the password from an environment variable or a file', () => {
    const config = { user: 'Администратор' };
    expect(resolvePassword({ ...config, passwordEnv: 'ONEC_PASSWORD' }, { env: { ONEC_PASSWORD: 'Зима2026!' }, ...fs })).toBe('Зима2026!');
    expect(resolvePassword({ ...config, passwordFile: '/run/secrets/onec' }, { env: {}, ...fs })).toBe('Зима2026!');
    expect(resolvePassword({}, { env: {}, ...fs })).toBeNull();
    expect(refusal(() => resolvePassword({ ...config, passwordEnv: 'ONEC_PASSWORD' }, { env: {}, ...fs })).messageRu).toContain('ONEC_PASSWORD');
    expect(refusal(() => resolvePassword(config, { env: {}, ...fs })).code).toBe('ONEC_PASSWORD_MISSING');
    const dir = mkdtempSync(join(tmpdir(), 'onec-secret-'));
    writeFileSync(join(dir, 'password'), 'пароль с пробелом \r\n');
    expect(resolvePassword({ ...config, passwordFile: join(dir, 'password') }, { env: {}, readFile: (p) => readFileSync(p, 'utf8') })).toBe('пароль с пробелом ');
    expect(refusal(() => resolvePassword({ ...config, passwordFile: join(dir, 'absent') }, { env: {}, readFile: (p) => readFileSync(p, 'utf8') })).code).toBe('ONEC_PASSWORD_FILE_UNREADABLE');
  });
});
