/**
 * One string per recurring ASCII value (codes, ИНН/КПП, RNPTs): a direct-mapped cache keyed by the bytes.
 * A hit costs a hash and a comparison over a few bytes instead of a new string, and the shared string keeps
 * its hash, so the RNPT classifier's map finds it without rehashing.
 */
const SLOTS = 8192;
const MAX_BYTES = 32;

export class AsciiInterner {
  private readonly keys = new Uint8Array(SLOTS * MAX_BYTES);
  private readonly lengths = new Uint8Array(SLOTS);
  private readonly strings: string[] = new Array<string>(SLOTS).fill('');

  /** The bytes `[start, end)`, all below 0x80, as a string. */
  get(buf: Buffer, start: number, end: number): string {
    const length = end - start;
    if (length > MAX_BYTES || length === 0) return buf.toString('latin1', start, end);
    let hash = 0x811c9dc5 | 0;
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ (buf[i] as number), 0x01000193);
    const slot = (hash ^ (hash >>> 13)) & (SLOTS - 1);
    const base = slot * MAX_BYTES;
    const keys = this.keys;
    if (this.lengths[slot] === length) {
      let i = 0;
      while (i < length && keys[base + i] === buf[start + i]) i++;
      if (i === length) return this.strings[slot] as string;
    }
    const text = buf.toString('latin1', start, end);
    this.lengths[slot] = length;
    for (let i = 0; i < length; i++) keys[base + i] = buf[start + i] as number;
    this.strings[slot] = text;
    return text;
  }
}
