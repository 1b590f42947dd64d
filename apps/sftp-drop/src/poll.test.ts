import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { noopLogger as quietLogger } from '@sledopyt/contract';
import { HOSTILE_DOCTYPE, OUR_INN, goodFiles, sectionFileName, writeFilesUnder, writeSection9 } from '@sledopyt/reconciler/testing';
import type { Store } from '@sledopyt/store';
import { freshDatabase } from '@sledopyt/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSftpDropConfig } from './config.js';
import type { SftpDropConfigInput } from './config.js';
import { pollOnce } from './poll.js';
import { pushFiles } from './push.js';
import { startTestSshd } from './testing/sshd.js';
import type { TestSshd } from './testing/sshd.js';
import { SftpTransport } from './transport.js';

let sshd: TestSshd;

beforeAll(async () => {
  sshd = await startTestSshd();
}, 30_000);

afterAll(() => sshd.stop());

async function countRows(store: Store, table: 'documents' | 'declaration_lines'): Promise<number> {
  const row = await store.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

let caseNo = 0;
/** A fresh folder tree on the server and a config pointing at it. */
function serverCase(overrides: Partial<SftpDropConfigInput> = {}) {
  caseNo += 1;
  const base = join(sshd.root, `case${caseNo}`);
  mkdirSync(join(base, 'inbox'), { recursive: true });
  const config = parseSftpDropConfig({
    host: '127.0.0.1',
    port: sshd.port,
    user: userInfo().username,
    privateKeyFile: sshd.clientKeyFile,
    hostKey: sshd.hostFingerprint,
    inbox: `${base}/inbox`,
    archive: `${base}/archive`,
    quarantine: `${base}/quarantine`,
    outbox: `${base}/outbox`,
    recursive: true,
    stability: { looks: 2, intervalMs: 50 },
    reconnect: { attempts: 0, baseDelayMs: 10, maxDelayMs: 10 },
    taxpayerInn: OUR_INN,
    ...overrides,
  });
  return { base, config, transport: new SftpTransport(config, { logger: quietLogger }) };
}

const filesUnder = (dir: string): string[] =>
  existsSync(dir) ? readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(dir.length + 1)).sort() : [];

describe('sftp poll against a real OpenSSH server', { timeout: 90_000 }, () => {
  it('imports the complete files, archives them by date, leaves partial uploads, and a second copy is a duplicate', async () => {
    const { store } = await freshDatabase('sqlite');
    const { base, config, transport } = serverCase();
    const good = await goodFiles();
    writeFilesUnder(join(base, 'inbox'), { ...good, 'edo/in/upload.xml.part': 'x', '.hidden.xml': 'x', 'edo/out/next.tmp': 'x' });
    const now = new Date('2026-04-20T09:30:00Z');
    try {
      const first = await pollOnce(transport, config, { store, logger: quietLogger, now: () => now });
      expect(first.files.filter((f) => f.outcome !== 'archived')).toEqual([]);
      expect(first).toMatchObject({ taken: 7, imported: 7, duplicates: 0, quarantined: 0 });
      expect(filesUnder(join(base, 'archive', '2026', '04', '20'))).toEqual(Object.keys(good).sort());
      expect(filesUnder(join(base, 'inbox'))).toEqual(['.hidden.xml', 'edo/in/upload.xml.part', 'edo/out/next.tmp']);
      // Stored as fetched from SFTP, referenced by the remote path (not the local download).
      const documents = await store.db.selectFrom('documents').select(['source', 'source_ref']).execute();
      expect(documents.length).toBe(5);
      for (const document of documents) {
        expect(document.source).toBe('sftp');
        expect(document.source_ref).toMatch(new RegExp(`^sftp://127\\.0\\.0\\.1:${sshd.port}${config.inbox}/`));
      }

      // The same УПД dropped again (say, after a crash before the move): archived as a duplicate, nothing stored twice.
      const [saleName, saleBytes] = Object.entries(good).find(([name]) => name.startsWith('edo/out/ON_NSCHFDOPPR')) ?? ['', new Uint8Array()];
      writeFilesUnder(join(base, 'inbox'), { [saleName]: saleBytes });
      const again = await pollOnce(transport, config, { store, logger: quietLogger, now: () => now });
      expect(again).toMatchObject({ taken: 1, imported: 0, duplicates: 1 });
      expect(filesUnder(join(base, 'archive'))).toContain(`2026/04/20/${saleName}.1`);
      expect(await countRows(store, 'documents')).toBe(5);
    } finally {
      await transport.close();
      await store.close();
    }
  });

  it('leaves a file that is still growing between the two looks for the next poll', async () => {
    const { store } = await freshDatabase('sqlite');
    const { base, config, transport } = serverCase();
    const good = await goodFiles();
    const [name, bytes] = Object.entries(good)[0] ?? ['', new Uint8Array()];
    const path = writeFilesUnder(join(base, 'inbox'), { [name]: bytes.subarray(0, 100) })[name] ?? '';
    try {
      const summary = await pollOnce(transport, config, {
        store,
        logger: quietLogger,
        sleep: async () => writeFileSync(path, bytes), // the sender finishes its upload between the looks
      });
      expect(summary).toMatchObject({ taken: 0, imported: 0, unstable: [`${config.inbox}/${name}`] });
      expect(filesUnder(join(base, 'inbox'))).toEqual([name]);
      const later = await pollOnce(transport, config, { store, logger: quietLogger });
      expect(later).toMatchObject({ taken: 1, imported: 1 });
    } finally {
      await transport.close();
      await store.close();
    }
  });

  it('quarantines a truncated and a hostile XML with a Russian .error.txt and stores nothing of them', async () => {
    const { store } = await freshDatabase('sqlite');
    const { base, config, transport } = serverCase();
    const good = await goodFiles();
    const sale = Object.entries(good).find(([n]) => n.startsWith('edo/out/ON_NSCHFDOPPR'))?.[1] ?? new Uint8Array();
    writeFilesUnder(join(base, 'inbox'), { 'ON_NSCHFDOPPR_truncated.xml': sale.subarray(0, Math.floor(sale.length / 2)), 'ON_NSCHFDOPPR_doctype.xml': HOSTILE_DOCTYPE });
    try {
      const summary = await pollOnce(transport, config, { store, logger: quietLogger });
      expect(summary).toMatchObject({ taken: 2, imported: 0, quarantined: 2 });
      expect(filesUnder(join(base, 'quarantine'))).toEqual(['ON_NSCHFDOPPR_doctype.xml', 'ON_NSCHFDOPPR_doctype.xml.error.txt', 'ON_NSCHFDOPPR_truncated.xml', 'ON_NSCHFDOPPR_truncated.xml.error.txt']);
      const explanation = readFileSync(join(base, 'quarantine', 'ON_NSCHFDOPPR_doctype.xml.error.txt'), 'utf8');
      expect(explanation).toMatch(/[А-Яа-я]{4,}/);
      expect(explanation).toContain('ON_NSCHFDOPPR_doctype.xml');
      expect(await countRows(store, 'documents')).toBe(0);
      expect(filesUnder(join(base, 'inbox'))).toEqual([]);
    } finally {
      await transport.close();
      await store.close();
    }
  });

  it('refuses a server whose host key differs from the configured fingerprint and downloads nothing', async () => {
    const { store } = await freshDatabase('sqlite');
    const { base, config, transport } = serverCase({ hostKey: `SHA256:${'A'.repeat(43)}` });
    writeFilesUnder(join(base, 'inbox'), await goodFiles());
    try {
      await expect(pollOnce(transport, config, { store, logger: quietLogger })).rejects.toMatchObject({ code: 'SFTP_HOST_KEY_MISMATCH', details: { presented: sshd.hostFingerprint } });
      expect(filesUnder(join(base, 'inbox')).length).toBe(7);
      expect(existsSync(join(base, 'archive'))).toBe(false);
    } finally {
      await transport.close();
      await store.close();
    }
  });

  it('pushes a file to the outbox under a temporary name, then renames it', async () => {
    const { base, config, transport } = serverCase();
    const local = join(sshd.root, 'report.xml');
    writeFileSync(local, '<?xml version="1.0" encoding="UTF-8"?><Отчет/>');
    try {
      const pushed = await pushFiles(transport, config, [local]);
      expect(pushed).toEqual([{ local, remote: `${config.outbox}/report.xml` }]);
      expect(filesUnder(join(base, 'outbox'))).toEqual(['report.xml']);
      expect(readFileSync(join(base, 'outbox', 'report.xml'), 'utf8')).toContain('<Отчет/>');
    } finally {
      await transport.close();
    }
  });

  it('accepts the server listed in a known_hosts file and refuses it when the file lists another key', async () => {
    const knownHosts = join(sshd.root, 'known_hosts');
    writeFileSync(knownHosts, `# our SFTP gateway\n${sshd.knownHostsLine}\n`);
    const good = serverCase({ hostKey: undefined, knownHostsFile: knownHosts });
    const other = join(sshd.root, 'known_hosts_other');
    // The same server name with another ed25519 key: as after a server swap.
    writeFileSync(other, `[127.0.0.1]:${sshd.port} ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl\n`);
    const swapped = serverCase({ hostKey: undefined, knownHostsFile: other });
    try {
      await expect(good.transport.listFiles(good.config.inbox, false)).resolves.toEqual([]);
      await expect(swapped.transport.listFiles(swapped.config.inbox, false)).rejects.toMatchObject({ code: 'SFTP_HOST_KEY_MISMATCH' });
    } finally {
      await good.transport.close();
      await swapped.transport.close();
    }
  });

  it('trusts the first key only when asked to, and hands its fingerprint over for pinning', async () => {
    const { config } = serverCase({ hostKey: undefined, trustOnFirstUse: true });
    const seen: string[] = [];
    const transport = new SftpTransport(config, { logger: quietLogger, onFirstUse: (fingerprint) => seen.push(fingerprint) });
    try {
      await expect(transport.listFiles(config.inbox, false)).resolves.toEqual([]);
      expect(seen).toEqual([sshd.hostFingerprint]);
    } finally {
      await transport.close();
    }
  });

  it('streams a large declaration section, survives a connection dropped mid-download, and imports it on the next poll', async () => {
    const { store } = await freshDatabase('sqlite');
    const { base, config } = serverCase({ workDir: join(sshd.root, `work${caseNo}`), reconnect: { attempts: 3, baseDelayMs: 50, maxDelayMs: 200 } });
    const guid = '0c5d1c43-2f1a-4a6e-9b7e-3f41b8a7d2c9';
    const name = sectionFileName('9', guid);
    writeFilesUnder(join(base, 'inbox'), { [name]: await writeSection9({ guid, extraLines: 20_000 }) });
    const size = statSync(join(base, 'inbox', name)).size;
    expect(size).toBeGreaterThan(5_000_000);

    /** Drops the server's sessions once the first download has begun writing locally. */
    class DroppingTransport extends SftpTransport {
      dropped = false;
      override async download(remote: string, local: string): Promise<void> {
        if (this.dropped) return super.download(remote, local);
        this.dropped = true;
        const transfer = super.download(remote, local);
        while (!existsSync(local) || statSync(local).size === 0) await new Promise((done) => setTimeout(done, 2));
        sshd.dropConnections();
        return transfer;
      }
    }
    const transport = new DroppingTransport(config, { logger: quietLogger });
    try {
      const first = await pollOnce(transport, config, { store, logger: quietLogger });
      expect(first).toMatchObject({ taken: 1, imported: 0, retryLater: 1, quarantined: 0 });
      expect(readdirSync(join(base, 'inbox'))).toEqual([name]);
      expect(await countRows(store, 'declaration_lines')).toBe(0);

      const second = await pollOnce(transport, config, { store, logger: quietLogger });
      expect(second.files).toMatchObject([{ outcome: 'archived', status: 'imported' }]);
      expect(await countRows(store, 'declaration_lines')).toBe(20_003);
      expect(readdirSync(join(base, 'inbox'))).toEqual([]);
      expect(readdirSync(config.workDir ?? '')).toEqual([]);
    } finally {
      await transport.close();
      await store.close();
    }
  }, 120_000);
});

