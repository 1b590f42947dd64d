/**
 * Element and attribute names as bytes of the file's encoding, recognised while the scanner reads them:
 * a trie over the bytes of the known names, one table step per byte. When the name ends the state says which
 * name it was — exactly, with no second pass to confirm (a hash would need one) — or that it is unknown.
 */
import { encodeXml, type XmlEncoding } from '../xml/encoding.js';

/** byteClass of bytes that end a name: whitespace and control bytes, "=", ">", "/". */
export const NAME_END = 254;
/** byteClass of bytes that cannot be in a name and cannot end one: "<", quotes, "&". */
export const NAME_FORBIDDEN = 255;

export class NameTable {
  readonly names: readonly string[];
  /** byte → column of the transition table (0 = the byte occurs in no known name), or NAME_END / NAME_FORBIDDEN. */
  readonly byteClass: Uint8Array;
  /** (state × classCount + class) → next state; state 0 is "unknown name" and stays 0. */
  readonly next: Int32Array;
  /** state → name id, or -1. */
  readonly idAt: Int32Array;
  readonly classCount: number;
  /** The state before the first byte. */
  readonly start = 1;

  constructor(names: readonly string[], encoding: XmlEncoding) {
    this.names = [...new Set(names)];
    const encoded = this.names.map((name) => encodeXml(name, encoding));
    this.byteClass = new Uint8Array(256);
    let classCount = 1;
    for (const bytes of encoded) {
      for (const byte of bytes) if (this.byteClass[byte] === 0) this.byteClass[byte] = classCount++;
    }
    this.classCount = classCount;
    for (let byte = 0; byte <= 0x20; byte++) this.byteClass[byte] = NAME_END;
    for (const byte of [0x3d, 0x3e, 0x2f]) this.byteClass[byte] = NAME_END;
    for (const byte of [0x3c, 0x22, 0x27, 0x26]) this.byteClass[byte] = NAME_FORBIDDEN;
    // States: 0 dead, 1 root, then one per trie node.
    const transitions: number[] = new Array<number>(2 * classCount).fill(0);
    const ids: number[] = [-1, -1];
    encoded.forEach((bytes, id) => {
      let state = 1;
      for (const byte of bytes) {
        const slot = state * classCount + (this.byteClass[byte] as number);
        let target = transitions[slot] as number;
        if (target === 0) {
          target = ids.length;
          ids.push(-1);
          for (let i = 0; i < classCount; i++) transitions.push(0);
          transitions[slot] = target;
        }
        state = target;
      }
      ids[state] = id;
    });
    this.next = Int32Array.from(transitions);
    this.idAt = Int32Array.from(ids);
  }

  /** Id of the name in `buf[start, end)`, or -1 (the scanner inlines the same steps while reading). */
  find(buf: Uint8Array, start: number, end: number): number {
    let state = this.start;
    for (let i = start; i < end && state !== 0; i++) {
      const byteClass = this.byteClass[buf[i] as number] as number;
      state = byteClass >= NAME_END ? 0 : (this.next[state * this.classCount + byteClass] as number);
    }
    return this.idAt[state] as number;
  }

  /** Id of a name given as text (for building the scanner's tables). */
  idOf(name: string): number {
    return this.names.indexOf(name);
  }
}
