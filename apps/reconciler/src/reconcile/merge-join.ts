/**
 * Merge-joins two streams sorted by the same key: yields, key by key in ascending order, the items of
 * each side with that key (either side may be empty). Memory: one key group at a time.
 */
export interface KeyGroup<A, B> {
  key: string;
  left: A[];
  right: B[];
}

export async function* mergeJoin<A, B>(
  left: AsyncIterable<A>,
  right: AsyncIterable<B>,
  keyOfLeft: (item: A) => string,
  keyOfRight: (item: B) => string,
): AsyncGenerator<KeyGroup<A, B>> {
  const l = left[Symbol.asyncIterator]();
  const r = right[Symbol.asyncIterator]();
  let a = await l.next();
  let b = await r.next();
  let previous: string | undefined;
  const ascending = (key: string): string => {
    // A stream out of order would silently split groups: fail loudly instead.
    if (previous !== undefined && key < previous) throw new RangeError(`merge-join input out of order: "${key}" after "${previous}"`);
    previous = key;
    return key;
  };
  while (!a.done || !b.done) {
    const keyA = a.done ? undefined : keyOfLeft(a.value);
    const keyB = b.done ? undefined : keyOfRight(b.value);
    const key = ascending(keyA === undefined ? (keyB as string) : keyB === undefined || keyA <= keyB ? keyA : keyB);
    const group: KeyGroup<A, B> = { key, left: [], right: [] };
    while (!a.done && keyOfLeft(a.value) === key) {
      group.left.push(a.value);
      a = await l.next();
    }
    while (!b.done && keyOfRight(b.value) === key) {
      group.right.push(b.value);
      b = await r.next();
    }
    yield group;
  }
}
