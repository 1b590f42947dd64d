import { describe, expect, it } from 'vitest';
import { parseSftpDropConfig } from './config.js';

const base = { host: 'edo-gw.tehnoimport.ru', user: 'sledopyt', privateKeyFile: '/etc/sledopyt/sftp_ed25519', hostKey: 'SHA256:9Xk4fMg1b2o3Hk5bL1x0Pq7wYzR8sT6uV2nA4cE9dF0' };

describe('parseSftpDropConfig', () => {
  it('fills the defaults of a minimal key-based setup', () => {
    const config = parseSftpDropConfig(base);
    expect(config).toMatchObject({ port: 22, inbox: 'inbox', archive: 'archive', quarantine: 'quarantine', outbox: 'outbox', recursive: false, concurrency: 2, trustOnFirstUse: false });
    expect(config.stability).toEqual({ looks: 2, intervalMs: 5_000 });
  });

  it('refuses a server whose host key would not be checked, unless first-use trust is explicit', () => {
    const { hostKey: _unused, ...withoutKey } = base;
    expect(() => parseSftpDropConfig(withoutKey)).toThrow(expect.objectContaining({ code: 'SFTP_CONFIG_INVALID', messageRu: expect.stringContaining('hostKey') }));
    expect(parseSftpDropConfig({ ...withoutKey, trustOnFirstUse: true }).trustOnFirstUse).toBe(true);
    expect(parseSftpDropConfig({ ...withoutKey, knownHostsFile: '/etc/ssh/ssh_known_hosts' }).knownHostsFile).toBe('/etc/ssh/ssh_known_hosts');
  });

  it('refuses a malformed fingerprint, a literal password, no way to log in, and two password sources', () => {
    expect(() => parseSftpDropConfig({ ...base, hostKey: 'MD5:12:34' })).toThrow(expect.objectContaining({ code: 'SFTP_CONFIG_INVALID' }));
    expect(() => parseSftpDropConfig({ ...base, password: 'qwerty' })).toThrow(expect.objectContaining({ messageRu: expect.stringContaining('passwordEnv') }));
    const { privateKeyFile: _key, ...noAuth } = base;
    expect(() => parseSftpDropConfig(noAuth)).toThrow(expect.objectContaining({ messageRu: expect.stringContaining('способ входа') }));
    expect(() => parseSftpDropConfig({ ...noAuth, passwordEnv: 'SFTP_PASSWORD', passwordFile: '/run/secrets/sftp' })).toThrow(expect.objectContaining({ messageRu: expect.stringContaining('что-то одно') }));
    expect(parseSftpDropConfig({ ...noAuth, passwordEnv: 'SFTP_PASSWORD' }).passwordEnv).toBe('SFTP_PASSWORD');
  });

  it('refuses «..» in remote folders and an archive inside a recursively walked inbox', () => {
    expect(() => parseSftpDropConfig({ ...base, inbox: 'in/../../etc' })).toThrow(expect.objectContaining({ messageRu: expect.stringContaining('«..»') }));
    expect(() => parseSftpDropConfig({ ...base, inbox: '/data/in', archive: '/data/in/archive', recursive: true })).toThrow(expect.objectContaining({ code: 'SFTP_CONFIG_INVALID' }));
    expect(parseSftpDropConfig({ ...base, inbox: '/data/in/', archive: '/data/archive', recursive: true }).inbox).toBe('/data/in');
  });

  it('checks the ИНН with its check digits', () => {
    expect(() => parseSftpDropConfig({ ...base, taxpayerInn: '7701234561' })).toThrow(expect.objectContaining({ code: 'SFTP_CONFIG_INVALID' }));
    expect(parseSftpDropConfig({ ...base, taxpayerInn: '7707083893' }).taxpayerInn).toBe('7707083893');
  });
});
