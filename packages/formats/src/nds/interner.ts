/**
 * One string per recurring short ASCII value (codes: ОКЕИ, КодВидОпер, КПП…): a small direct-mapped cache
 * keyed by the bytes, small enough to stay in the CPU cache (a big one costs more in cache misses than the
 * strings it saves — measured with RNPTs, which are therefore not interned). A hit costs a hash and a
 * comparison over a few bytes instead of a new string.
 */
import { asciiText } from './span-text.js';

const SLOTS = 4096;
const MAX_BYTES = 16;

export class AsciiInterner {
  private readonly keys = new Uint8Array(SLOTS * MAX_BYTES);
  private readonly lengths = new Uint8Array(SLOTS);
  private readonly strings: string[] = new Array<string>(SLOTS).fill('');

  /** The bytes `[start, end)`, all below 0x80, as a string. */
  get(buf: Buffer, start: number, end: number): string {
    const length = end - start;
    if (length > MAX_BYTES || length === 0) {
      return asciiText(buf, start, end);
    }
    let hash = 0x811c9dc5 | 0;
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ (buf[i] as number), 0x01000193);
    const slot = (hash ^ (hash >>> 16)) & (SLOTS - 1);
    const base = slot * MAX_BYTES;
    const keys = this.keys;
    if (this.lengths[slot] === length) {
      let i = 0;
      while (i < length && keys[base + i] === buf[start + i]) i++;
      if (i === length) return this.strings[slot] as string;
    }
    const text = asciiText(buf, start, end);
    this.lengths[slot] = length;
    for (let i = 0; i < length; i++) keys[base + i] = buf[start + i] as number;
    this.strings[slot] = text;
    return text;
  }
}
