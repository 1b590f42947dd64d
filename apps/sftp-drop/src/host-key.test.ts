import { createHash, createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fingerprintOfHex, fingerprintOfKey, knownHostFingerprints } from './host-key.js';

// An ed25519 public key blob as in a .pub file / known_hosts line.
const KEY = 'AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl';
const OTHER = 'AAAAC3NzaC1lZDI1NTE5AAAAIA5pjRQ3z8QjK1ZcVKn9lJ2sYQ8w2mZ5bT4l0rX9fN1a';

describe('host key fingerprints', () => {
  it('matches the OpenSSH SHA256 form from the hex digest ssh2 hands over', () => {
    const blob = Buffer.from(KEY, 'base64');
    const hex = createHash('sha256').update(blob).digest('hex');
    expect(fingerprintOfHex(hex)).toBe(fingerprintOfKey(blob));
    expect(fingerprintOfKey(blob)).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
  });

  it('reads plain, port-qualified and hashed known_hosts entries for the right server only', () => {
    const salt = randomBytes(20);
    const hashed = `|1|${salt.toString('base64')}|${createHmac('sha1', salt).update('[sftp.example.ru]:2222').digest('base64')}`;
    const text = [
      '# EDO gateway',
      `sftp.example.ru ssh-ed25519 ${OTHER}`,
      `[sftp.example.ru]:2222,[10.0.0.5]:2222 ssh-ed25519 ${KEY}`,
      `${hashed} ssh-ed25519 ${OTHER}`,
      `@revoked [sftp.example.ru]:2222 ssh-ed25519 ${OTHER}`,
      '',
    ].join('\n');
    expect(knownHostFingerprints(text, 'sftp.example.ru', 2222)).toEqual([fingerprintOfKey(Buffer.from(KEY, 'base64')), fingerprintOfKey(Buffer.from(OTHER, 'base64'))]);
    expect(knownHostFingerprints(text, 'sftp.example.ru', 22)).toEqual([fingerprintOfKey(Buffer.from(OTHER, 'base64'))]);
    expect(knownHostFingerprints(text, 'other.example.ru', 2222)).toEqual([]);
  });
});
