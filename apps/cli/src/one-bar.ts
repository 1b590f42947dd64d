/**
 * A terminal shows one progress bar at a time (cli-progress SingleBar redraws its own line). When a task
 * starts inside another — a declaration's lines inside the count of files — the outer bar stops where it is
 * and comes back, with its count, when the inner task finishes. Only for the interactive bar: log lines need
 * no such care.
 */
import type { Progress, ProgressTask } from '@sledopyt/contract';

interface Slot {
  label: string;
  unit: string | undefined;
  total: number | undefined;
  done: number;
  shown: ProgressTask | undefined;
}

export function oneBarAtATime(progress: Progress): Progress {
  const stack: Slot[] = [];
  const show = (slot: Slot): void => {
    slot.shown = progress.task(slot.label, { total: slot.total, unit: slot.unit });
    if (slot.done > 0) slot.shown.advance(slot.done);
  };
  const hide = (slot: Slot | undefined): void => {
    slot?.shown?.finish();
    if (slot !== undefined) slot.shown = undefined;
  };
  return {
    task(label, options = {}) {
      hide(stack.at(-1));
      const slot: Slot = { label, unit: options.unit, total: options.total, done: 0, shown: undefined };
      stack.push(slot);
      show(slot);
      return {
        advance: (units) => {
          slot.done += units;
          slot.shown?.advance(units);
        },
        setTotal: (total) => {
          slot.total = total;
          slot.shown?.setTotal(total);
        },
        finish: () => {
          hide(slot);
          const index = stack.indexOf(slot);
          if (index >= 0) stack.splice(index, 1);
          const top = stack.at(-1);
          if (top !== undefined && top.shown === undefined) show(top);
        },
      };
    },
  };
}
