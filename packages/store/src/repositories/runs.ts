/**
 * Runs: one row per job execution (import, 1С sync, SFTP poll, reconcile) with start, end, outcome and
 * counts — the scheduler's record and the reports' «when was this checked».
 */
import { hostname } from 'node:os';
import { isSledopytError } from '@sledopyt/core';
import { z } from 'zod';
import type { StoreContext } from '../context.js';
import { parseInput, readJson, writeJson } from '../values.js';

export const RUN_OUTCOMES = ['running', 'succeeded', 'failed', 'interrupted', 'skipped'] as const;
export type RunOutcome = (typeof RUN_OUTCOMES)[number];

export const jobNameSchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9_.:-]{0,99}$/, { message: 'имя задания — строчные латинские буквы, цифры и . _ : -' });

export const startRunInputSchema = z.object({ job: jobNameSchema });
export type StartRunInput = z.input<typeof startRunInputSchema>;

export const finishRunInputSchema = z.object({
  outcome: z.enum(['succeeded', 'failed', 'interrupted', 'skipped']),
  /** What the run did: files, documents, lines, discrepancies by severity… */
  counts: z.record(z.string(), z.number()).optional(),
  /** A SledopytError (its JSON is kept) or anything thrown. */
  error: z.unknown().optional(),
});
export type FinishRunInput = z.input<typeof finishRunInputSchema>;

export interface Run {
  id: bigint;
  job: string;
  instance: string;
  startedAt: string;
  finishedAt: string | null;
  outcome: RunOutcome;
  counts: Record<string, number> | null;
  error: unknown;
}

/** Which process ran it: host and pid, for several instances on one PostgreSQL. */
export const instanceName = (): string => `${hostname()}:${process.pid}`;

function errorJson(error: unknown): unknown {
  if (error === undefined) return undefined;
  if (isSledopytError(error)) return error.toJSON();
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { message: String(error) };
}

export async function startRun(ctx: StoreContext, input: StartRunInput): Promise<bigint> {
  const { job } = parseInput(startRunInputSchema, input, 'run', 'запуск задания');
  const row = await ctx.db
    .insertInto('runs')
    .values({ job, instance: instanceName(), started_at: ctx.now().toISOString(), finished_at: null, outcome: 'running', counts: null, error: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function finishRun(ctx: StoreContext, runId: bigint, input: FinishRunInput): Promise<void> {
  const run = parseInput(finishRunInputSchema, input, 'run result', 'итог задания');
  await ctx.db
    .updateTable('runs')
    .set({ finished_at: ctx.now().toISOString(), outcome: run.outcome, counts: writeJson(run.counts), error: writeJson(errorJson(run.error)) })
    .where('id', '=', runId)
    .execute();
}

export async function getRun(ctx: StoreContext, runId: bigint): Promise<Run | undefined> {
  const row = await ctx.db.selectFrom('runs').selectAll().where('id', '=', runId).executeTakeFirst();
  if (row === undefined) return undefined;
  return {
    id: row.id,
    job: row.job,
    instance: row.instance,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    outcome: row.outcome as RunOutcome,
    counts: readJson(row.counts) as Record<string, number> | null,
    error: readJson(row.error),
  };
}
