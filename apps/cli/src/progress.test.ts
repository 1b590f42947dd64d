import { describe, expect, it } from 'vitest';
import { createLogger } from './logging.js';
import { createProgress } from './progress.js';

describe('createProgress without a terminal', () => {
  it('logs the count, rate and share at most every N seconds, and once when finished', () => {
    const lines: string[] = [];
    let clock = 0;
    const logger = createLogger({ format: 'json', level: 'info', write: (l) => lines.push(l), isTty: false });
    const task = createProgress({ logger, interactive: false, everySeconds: 5, now: () => clock }).task('Импорт строк декларации', { total: 1000, unit: 'строк' });
    for (let i = 0; i < 10; i += 1) {
      clock += 1000; // one second per 100 lines
      task.advance(100);
    }
    task.finish();
    const entries = lines.map((l) => JSON.parse(l));
    expect(entries.map((e) => e.progress.done)).toEqual([500, 1000, 1000]);
    expect(entries[0].progress).toMatchObject({ total: 1000, percent: 50, perSecond: 100, unit: 'строк' });
    expect(entries.at(-1).msg).toContain('готово');
  });
});
