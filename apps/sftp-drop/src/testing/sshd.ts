/**
 * A throwaway OpenSSH server on 127.0.0.1 for tests (`@sledopyt/sftp-drop/testing`): its own ed25519 host
 * key, one client key, the current user, SFTP only, rooted in a temp folder. Needs Debian `openssh-server`.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fingerprintOfKey } from '../host-key.js';

export interface TestSshd {
  port: number;
  /** The folder the SFTP session starts in (remote paths may be absolute paths under it). */
  root: string;
  clientKeyFile: string;
  /** `SHA256:…` of the server's host key. */
  hostFingerprint: string;
  /** The server's line for a known_hosts file (`[127.0.0.1]:port ssh-ed25519 AAAA…`). */
  knownHostsLine: string;
  /** Kills the server's session processes (a dropped connection); the listener stays up for reconnects. */
  dropConnections(): void;
  stop(): void;
}

/** Child process ids of `pid`, read from /proc (no name matching: only our own server's children). */
function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid;
      } catch {
        return false; // the process ended meanwhile
      }
    })
    .map(Number);
}

export const SSHD_PATH = '/usr/sbin/sshd';
export const sshdAvailable = (): boolean => existsSync(SSHD_PATH);

const freePort = () =>
  new Promise<number>((done) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => done(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });

const portOpen = (port: number) =>
  new Promise<boolean>((done) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.end();
      done(true);
    });
    socket.once('error', () => done(false));
  });

export async function startTestSshd(): Promise<TestSshd> {
  if (!sshdAvailable()) throw new Error(`${SSHD_PATH} not found: install the Debian package openssh-server (apt-get install -y openssh-server)`);
  const scratch = mkdtempSync(join(tmpdir(), 'sledopyt-sshd-'));
  const root = join(scratch, 'root');
  mkdirSync(root);
  const key = (name: string) => execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', name, '-f', join(scratch, name)]);
  key('host_key');
  key('client_key');
  writeFileSync(join(scratch, 'authorized_keys'), readFileSync(join(scratch, 'client_key.pub')));
  const [type = '', blob = ''] = readFileSync(join(scratch, 'host_key.pub'), 'utf8').split(' ');
  const port = await freePort();
  const config = [
    `Port ${port}`,
    'ListenAddress 127.0.0.1',
    `HostKey ${join(scratch, 'host_key')}`,
    `PidFile ${join(scratch, 'sshd.pid')}`,
    'UsePAM no',
    'PasswordAuthentication no',
    'KbdInteractiveAuthentication no',
    'PubkeyAuthentication yes',
    `AuthorizedKeysFile ${join(scratch, 'authorized_keys')}`,
    'StrictModes no',
    'Subsystem sftp internal-sftp',
    `ForceCommand internal-sftp -d ${root}`,
  ];
  writeFileSync(join(scratch, 'sshd_config'), `${config.join('\n')}\n`);
  if (process.getuid?.() === 0) mkdirSync('/run/sshd', { recursive: true }); // sshd's privilege separation folder (root only)
  const server = spawn(SSHD_PATH, ['-D', '-e', '-f', join(scratch, 'sshd_config')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  server.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString('utf8')));
  let open = false;
  for (let i = 0; i < 100 && !open && server.exitCode === null; i += 1) {
    open = await portOpen(port);
    if (!open) await new Promise((done) => setTimeout(done, 100));
  }
  if (!open) {
    server.kill();
    rmSync(scratch, { recursive: true, force: true });
    throw new Error(`test sshd did not start on 127.0.0.1:${port}: ${log.trim()}`);
  }
  return {
    port,
    root,
    clientKeyFile: join(scratch, 'client_key'),
    hostFingerprint: fingerprintOfKey(Buffer.from(blob, 'base64')),
    knownHostsLine: `[127.0.0.1]:${port} ${type} ${blob}`,
    dropConnections: () => {
      for (const child of childrenOf(server.pid ?? -1)) process.kill(child, 'SIGKILL');
    },
    stop: () => {
      server.kill();
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}
