import { Command } from '@commander-js/extra-typings';

export function buildProgram(): Command {
  return new Command('sledopyt').description('Следопыт: прослеживаемость импортных товаров (НСПТ)');
}

export async function runCli(argv: readonly string[]): Promise<number> {
  await buildProgram().parseAsync(argv, { from: 'user' });
  return 0;
}
