import { describe, expect, it } from 'vitest';
import { mergeJoin } from './merge-join.js';

async function* stream<T>(items: T[]): AsyncGenerator<T> {
  for (const item of items) yield item;
}

const collect = async <A, B>(left: A[], right: B[], key: (x: A | B) => string) => {
  const groups = [];
  for await (const g of mergeJoin(stream(left), stream(right), key, key)) groups.push([g.key, g.left.length, g.right.length]);
  return groups;
};

describe('mergeJoin', () => {
  it('pairs equal keys and keeps one-sided keys, in ascending order', async () => {
    const key = (x: { k: string }) => x.k;
    const groups = await collect([{ k: 'а-1' }, { k: 'а-1' }, { k: 'б-2' }, { k: 'д-5' }], [{ k: 'а-1' }, { k: 'в-3' }, { k: 'д-5' }, { k: 'е-6' }], key);
    expect(groups).toEqual([
      ['а-1', 2, 1],
      ['б-2', 1, 0],
      ['в-3', 0, 1],
      ['д-5', 1, 1],
      ['е-6', 0, 1],
    ]);
  });

  it('handles empty sides', async () => {
    const key = (x: string) => x;
    expect(await collect<string, string>([], [], key)).toEqual([]);
    expect(await collect<string, string>(['a'], [], key)).toEqual([['a', 1, 0]]);
  });

  it('fails loudly on unsorted input instead of splitting groups', async () => {
    const key = (x: string) => x;
    await expect(collect(['b', 'a'], [], key)).rejects.toThrow(/out of order/);
  });
});
