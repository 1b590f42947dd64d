/**
 * Host key verification. ssh2 trusts any server unless `hostVerifier` is set, so the transport always sets
 * one: it compares the SHA-256 of the presented key with the configured fingerprint or known_hosts entries.
 */
import { createHash, createHmac } from 'node:crypto';

/** ssh2 hands the hash as hex (`hostHash: 'sha256'`); OpenSSH prints `SHA256:` + unpadded base64. */
export const fingerprintOfHex = (hex: string): string => `SHA256:${Buffer.from(hex, 'hex').toString('base64').replace(/=+$/, '')}`;

export const fingerprintOfKey = (blob: Buffer): string => `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;

/** A known_hosts host field matches `host` on port 22, `[host]:port` otherwise; hashed names (`|1|salt|hash`) too. */
function hostMatches(field: string, host: string, port: number): boolean {
  const name = port === 22 ? host : `[${host}]:${port}`;
  return field.split(',').some((pattern) => {
    if (pattern.startsWith('|1|')) {
      const [, , salt, hash] = pattern.split('|');
      if (salt === undefined || hash === undefined) return false;
      return createHmac('sha1', Buffer.from(salt, 'base64')).update(name).digest('base64') === hash;
    }
    return pattern === name;
  });
}

/** The fingerprints known_hosts text lists for the server (markers such as @revoked are skipped). */
export function knownHostFingerprints(text: string, host: string, port: number): string[] {
  const found: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith('@')) continue;
    const [hosts, , key] = line.split(/\s+/);
    if (hosts === undefined || key === undefined || !hostMatches(hosts, host, port)) continue;
    found.push(fingerprintOfKey(Buffer.from(key, 'base64')));
  }
  return found;
}
