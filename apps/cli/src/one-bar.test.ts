import type { Progress } from '@sledopyt/contract';
import { describe, expect, it } from 'vitest';
import { oneBarAtATime } from './one-bar.js';

/** A Progress that writes what a terminal would show: each bar's start, advances and end, in order. */
function screen(): { progress: Progress; events: string[] } {
  const events: string[] = [];
  const progress: Progress = {
    task: (label, options = {}) => {
      events.push(`start ${label} /${options.total ?? '?'}`);
      return {
        advance: (units) => events.push(`${label} +${units}`),
        setTotal: (total) => events.push(`${label} /${total}`),
        finish: () => events.push(`stop ${label}`),
      };
    },
  };
  return { progress, events };
}

describe('oneBarAtATime', () => {
  it('stops the files bar while a declaration’s lines are counted, and brings it back with its count', () => {
    const { progress, events } = screen();
    const bars = oneBarAtATime(progress);
    const files = bars.task('Импорт файлов', { total: 3, unit: 'файлов' });
    files.advance(1);
    const lines = bars.task('Раздел 9', { unit: 'строк' });
    lines.advance(2000);
    files.advance(0);
    lines.advance(500);
    lines.finish();
    files.advance(1);
    files.finish();
    expect(events).toEqual([
      'start Импорт файлов /3',
      'Импорт файлов +1',
      'stop Импорт файлов',
      'start Раздел 9 /?',
      'Раздел 9 +2000',
      'Раздел 9 +500',
      'stop Раздел 9',
      'start Импорт файлов /3',
      'Импорт файлов +1',
      'Импорт файлов +1',
      'stop Импорт файлов',
    ]);
  });
});
