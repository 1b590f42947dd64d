/**
 * The sync position per entity set, saved in the same transaction as each page's documents: a pass over
 * the set (from `since`, ordered by `Ref_Key`), how many rows of it are done, and whether it finished.
 * An interrupted pass resumes one page before where it stopped (pages may have shifted in between; the
 * overlap costs nothing, since unchanged objects are recognised by their DataVersion).
 */
import { calendarDateSchema } from '@sledopyt/core';
import type { CalendarDate } from '@sledopyt/core';
import type { Checkpoint, CheckpointInput } from '@sledopyt/store';
import { z } from 'zod';

export const passCursorSchema = z.object({
  v: z.literal(1),
  since: calendarDateSchema,
  /** When the pass started (ISO instant). */
  startedAt: z.string(),
  /** Rows of the pass already committed. */
  position: z.number().int().nonnegative(),
  complete: z.boolean(),
});
export type PassCursor = z.output<typeof passCursorSchema>;

export const checkpointSource = (sourceId: string): string => `onec:${sourceId}`;

/** The cursor of a saved checkpoint, or null when there is none or it is not ours (an older format). */
export function readCursor(checkpoint: Checkpoint | undefined): PassCursor | null {
  if (checkpoint?.cursor === null || checkpoint?.cursor === undefined) return null;
  try {
    const parsed = passCursorSchema.safeParse(JSON.parse(checkpoint.cursor));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export interface PassStart {
  since: CalendarDate;
  startAt: number;
  /** A fresh pass sees the whole set, so objects it does not see may have been deleted. */
  fresh: boolean;
  startedAt: string;
}

/** Where the pass over a set starts: where an unfinished pass of the same period stopped (one page back), or at 0. */
export function planPass(previous: PassCursor | null, since: CalendarDate, pageSize: number, now: Date): PassStart {
  if (previous !== null && !previous.complete && previous.since === since) {
    return { since, startAt: Math.max(0, previous.position - pageSize), fresh: false, startedAt: previous.startedAt };
  }
  return { since, startAt: 0, fresh: true, startedAt: now.toISOString() };
}

export function checkpointInput(sourceId: string, entitySet: string, cursor: PassCursor, dataVersion: string | null): CheckpointInput {
  return { source: checkpointSource(sourceId), entitySet, cursor: JSON.stringify(cursor), dataVersion };
}
