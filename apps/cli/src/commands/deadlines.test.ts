import { describe, expect, it } from 'vitest';
import { run } from '../test-support/run.js';

describe('sledopyt deadlines', () => {
  it('counts 5 working days over the May holidays for a movement notification', async () => {
    const { code, stdout } = await run('deadlines', '--event', 'eaeu-movement-notification', '--date', '2026-04-29', '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ kind: 'eaeu-movement-notification', eventDate: '2026-04-29', due: '2026-05-07' });
  });

  it('moves the Q3 2026 VAT declaration from Sunday 25.10 to Monday 26.10, in Russian', async () => {
    const { code, stdout } = await run('deadlines', '--event', 'vat-declaration', '--date', '2026-Q3');
    expect(code).toBe(0);
    expect(stdout).toMatch(/Подать не позднее:\s+26\.10\.2026 \(понедельник\)/);
    expect(stdout).toContain('174');
  });

  it('tells how late a filed import notification was', async () => {
    const { stdout } = await run('deadlines', '--event', 'eaeu-import-notification', '--date', '2026-11-02', '--filed', '2026-11-12', '--json');
    const check = JSON.parse(stdout);
    expect(check.deadline.due).toBe('2026-11-10');
    expect(check).toMatchObject({ late: true, calendarDaysLate: 2, workingDaysLate: 2 });
  });

  it('refuses an unknown kind with exit 2 and lists the valid ones', async () => {
    const { code, stderr } = await run('deadlines', '--event', 'nonsense', '--date', '2026-11-02');
    expect(code).toBe(2);
    expect(stderr).toContain('eaeu-import-notification');
  });

  it('refuses a date outside the production calendar with exit 2', async () => {
    const { code, stderr } = await run('deadlines', '--event', 'eaeu-import-notification', '--date', '2030-01-10');
    expect(code).toBe(2);
    expect(stderr).toContain('CALENDAR_OUT_OF_RANGE');
  });
});
