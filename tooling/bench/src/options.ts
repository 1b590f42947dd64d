/**
 * Bench options: `--size-mb N` (section 9 file size, default 1024), `--saxes-mb N` (how much of it saxes reads,
 * default 256: at ~50 MB/s the whole gigabyte would take half a minute per run), `--upd-docs N`, `--regenerate`,
 * `--rounds N` (runs of the reference and the batch readers, interleaved, best used; default 3).
 * `SLEDOPYT_BENCH_SIZE_MB` sets the default size, for short CI smoke runs.
 */
import { z } from 'zod';

export const benchOptionsSchema = z.object({
  sizeMb: z.number().int().min(1).max(16_384),
  saxesMb: z.number().int().min(1),
  updDocuments: z.number().int().min(10),
  rounds: z.number().int().min(1).max(10),
  regenerate: z.boolean(),
});
export type BenchOptions = z.output<typeof benchOptionsSchema>;

export function parseBenchOptions(argv: readonly string[], env: NodeJS.ProcessEnv): BenchOptions {
  const value = (name: string): number | undefined => {
    const index = argv.indexOf(name);
    return index < 0 ? undefined : Number(argv[index + 1]);
  };
  const sizeMb = value('--size-mb') ?? (env['SLEDOPYT_BENCH_SIZE_MB'] === undefined ? 1024 : Number(env['SLEDOPYT_BENCH_SIZE_MB']));
  return benchOptionsSchema.parse({
    sizeMb,
    saxesMb: Math.min(value('--saxes-mb') ?? 256, sizeMb),
    updDocuments: value('--upd-docs') ?? 2000,
    rounds: value('--rounds') ?? 3,
    regenerate: argv.includes('--regenerate'),
  });
}
