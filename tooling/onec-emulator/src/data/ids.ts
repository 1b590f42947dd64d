/**
 * Identifiers the way 1C shows them: object refs as time-based-looking UUIDs (`f8c956ea-cdad-11e6-aede-…`)
 * and `DataVersion` as an opaque base64 string of 8 bytes (`AAAAAQAAAAA=`, NOTES.md §1.3).
 */
import type { Random } from '@sledopyt/generators';

const hex = (random: Random, length: number): string => {
  let out = '';
  for (let i = 0; i < length; i += 1) out += '0123456789abcdef'[random.int(0, 15)] ?? '0';
  return out;
};

/** A new ref from the seeded generator: same seed, same refs. */
export function newRef(random: Random): string {
  return `${hex(random, 8)}-${hex(random, 4)}-11ef-${hex(random, 4)}-${hex(random, 12)}`;
}

/** A string UUID for `ИдентификаторСтроки` (1C fills it with `Новый УникальныйИдентификатор`). */
export function newLineId(random: Random): string {
  return `${hex(random, 8)}-${hex(random, 4)}-4${hex(random, 3)}-${'89ab'[random.int(0, 3)] ?? '8'}${hex(random, 3)}-${hex(random, 12)}`;
}

/** Encodes a version counter as 1C's DataVersion: counter in the first 4 bytes, then 4 zero bytes. */
export function encodeDataVersion(version: number): string {
  const bytes = Buffer.alloc(8);
  bytes.writeUInt32BE(version >>> 0, 0);
  return bytes.toString('base64');
}

/** Hands out increasing versions: every write in the base gets the next one, as 1C's DataVersion changes on every write. */
export class VersionClock {
  #last = 0;

  next(): number {
    this.#last += 1;
    return this.#last;
  }
}
