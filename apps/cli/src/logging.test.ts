import { describe, expect, it } from 'vitest';
import { createLogger } from './logging.js';

function capture(format: 'json' | 'pretty', level: 'debug' | 'info' = 'info') {
  const lines: string[] = [];
  const logger = createLogger({ format, level, write: (line) => lines.push(line), isTty: false });
  return { logger, lines };
}

describe('createLogger', () => {
  it('writes one JSON object per line with level, time, scope and message', () => {
    const { logger, lines } = capture('json');
    logger.child({ scope: 'onec', runId: 'r-17' }).info({ entitySet: 'Document_РеализацияТоваровУслуг', rows: 500 }, 'страница прочитана');
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0]!);
    expect(entry).toMatchObject({ level: 'info', app: 'sledopyt', scope: 'onec', runId: 'r-17', rows: 500, msg: 'страница прочитана' });
    expect(Date.parse(entry.time)).not.toBeNaN();
  });

  it('never writes secrets, at the top level or nested', () => {
    const { logger, lines } = capture('json');
    logger.info({ password: 'Пароль-1С', onec: { url: 'http://1c/base', password: 'x', headers: { authorization: 'Basic QWRt' } } }, 'подключение');
    const text = lines.join('');
    expect(text).not.toContain('Пароль-1С');
    expect(text).not.toContain('QWRt');
    expect(JSON.parse(lines[0]!).onec.url).toBe('http://1c/base');
  });

  it('respects the level and writes readable lines in pretty mode', () => {
    const quiet = capture('json', 'info');
    quiet.logger.debug('подробности');
    expect(quiet.lines).toHaveLength(0);
    const human = capture('pretty');
    human.logger.warn({ file: 'NO_NDS.9.xml' }, 'файл пропущен');
    expect(human.lines.join('')).toMatch(/WARN.*файл пропущен/);
    expect(() => JSON.parse(human.lines.join(''))).toThrow();
  });
});
