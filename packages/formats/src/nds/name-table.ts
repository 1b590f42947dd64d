/**
 * Element and attribute names as bytes of the file's encoding, found by a hash computed while the scanner
 * reads a name (FNV-1a, one multiply per byte) and confirmed byte by byte, so an unknown name is never
 * taken for a known one.
 */
import { encodeXml, type XmlEncoding } from '../xml/encoding.js';

export const FNV_OFFSET = 0x811c9dc5 | 0;
export const FNV_PRIME = 0x01000193;

export class NameTable {
  readonly names: readonly string[];
  private readonly bytes: Uint8Array[];
  private readonly hashes: Int32Array;
  /** Open addressing: slot → name id + 1 (0 = empty). */
  private readonly slots: Int32Array;
  private readonly mask: number;

  constructor(names: readonly string[], encoding: XmlEncoding) {
    this.names = [...new Set(names)];
    this.bytes = this.names.map((name) => encodeXml(name, encoding));
    this.hashes = Int32Array.from(this.bytes, (bytes) => hashOf(bytes, 0, bytes.length));
    let size = 64;
    while (size < this.names.length * 4) size *= 2;
    this.mask = size - 1;
    this.slots = new Int32Array(size);
    this.hashes.forEach((hash, id) => {
      let slot = hash & this.mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
      this.slots[slot] = id + 1;
    });
  }

  /** Id of a name, or -1; `hash` is `hashOf(buf, start, end)`, computed by the caller on the fly. */
  find(hash: number, buf: Uint8Array, start: number, end: number): number {
    let slot = hash & this.mask;
    for (;;) {
      const entry = this.slots[slot] as number;
      if (entry === 0) return -1;
      const id = entry - 1;
      if (this.hashes[id] === hash && sameBytes(this.bytes[id] as Uint8Array, buf, start, end)) return id;
      slot = (slot + 1) & this.mask;
    }
  }

  /** Id of a name given as text (for building the scanner's tables). */
  idOf(name: string): number {
    return this.names.indexOf(name);
  }
}

export function hashOf(buf: Uint8Array, start: number, end: number): number {
  let hash = FNV_OFFSET;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ (buf[i] as number), FNV_PRIME);
  return hash;
}

function sameBytes(expected: Uint8Array, buf: Uint8Array, start: number, end: number): boolean {
  if (expected.length !== end - start) return false;
  for (let i = 0; i < expected.length; i++) if (expected[i] !== buf[start + i]) return false;
  return true;
}
