/**
 * Identifiers the way 1C shows them: object refs as time-based-looking UUIDs (`f8c956ea-cdad-11e6-aede-…`)
 * and `DataVersion` as an opaque base64 string of 8 bytes (`AAAAAQAAAAA=`, NOTES.md §1.3).
 */
import type { Random } from '@sledopyt/generators';

const HEX = '0123456789abcdef';

/**
 * Writes a UUID-shaped string into a buffer and decodes it once: a flat string of 36 bytes, where
 * concatenating 36 pieces would leave a rope of 36 nodes per id in memory (100 000 documents hold
 * several hundred thousand ids).
 */
function uuid(random: Random, fixed: Readonly<Record<number, string>>): string {
  const bytes = Buffer.allocUnsafe(36);
  for (let i = 0; i < 36; i += 1) {
    const pinned = i === 8 || i === 13 || i === 18 || i === 23 ? '-' : fixed[i];
    bytes[i] = (pinned ?? HEX[random.int(0, 15)] ?? '0').charCodeAt(0);
  }
  return bytes.toString('latin1');
}

/** A new ref from the seeded generator: same seed, same refs; `…-11ef-…` like 1C's time-based refs. */
export function newRef(random: Random): string {
  return uuid(random, { 14: '1', 15: '1', 16: 'e', 17: 'f' });
}

/** A string UUID for `ИдентификаторСтроки` (1C fills it with `Новый УникальныйИдентификатор`). */
export function newLineId(random: Random): string {
  return uuid(random, { 14: '4', 19: '89ab'[random.int(0, 3)] ?? '8' });
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
