/**
 * Fault injection controlled from a test: per entity set (or `$metadata`, or every request), a fixed
 * number of times or with a probability drawn from a seeded generator, optionally after letting
 * `skip` matching requests through. Latency combines with any other fault; of the other kinds the
 * first rule that fires wins.
 */
import { Random } from '@sledopyt/generators';
import { z } from 'zod';

export const FAULT_KINDS = [
  /** Answer late (then normally, unless another fault fires). */
  'latency',
  /** HTTP 500 with `odata.error` code -1, as an exception in 1C code gives. */
  'http-500',
  /** An HTML error page with status 200, as a misconfigured web server or publication gives. */
  'html-200',
  /** Headers and part of the body, then the socket is destroyed. */
  'drop-connection',
  /** A complete HTTP response whose JSON body is cut in the middle. */
  'truncated-json',
  /** Never answer (until the client gives up or the emulator closes). */
  'timeout',
] as const;

export type FaultKind = (typeof FAULT_KINDS)[number];

export const faultRuleSchema = z.object({
  kind: z.enum(FAULT_KINDS),
  /** Entity set name (`Document_X` also matches its keys and `/$count`), `$metadata`, or omitted for every request. */
  entitySet: z.string().optional(),
  /** Fire this many times, then stop (default: no limit). */
  times: z.number().int().positive().optional(),
  /** Fire with this probability per matching request (default 1). */
  probability: z.number().min(0).max(1).optional(),
  /** Let this many matching requests through first. */
  skip: z.number().int().nonnegative().optional(),
  /** Delay for `latency`, milliseconds. */
  latencyMs: z.number().int().nonnegative().optional(),
});

export type FaultRule = z.input<typeof faultRuleSchema>;

interface ActiveRule {
  readonly id: number;
  readonly rule: z.output<typeof faultRuleSchema>;
  skipLeft: number;
  timesLeft: number;
  hits: number;
}

export interface FaultHandle {
  readonly id: number;
  /** How many times the rule fired. */
  readonly hits: number;
  remove(): void;
}

export interface FaultDecision {
  readonly latencyMs: number;
  readonly fault: Exclude<FaultKind, 'latency'> | null;
}

export class FaultInjector {
  readonly #random: Random;
  #rules: ActiveRule[] = [];
  #nextId = 1;

  constructor(seed: number) {
    this.#random = new Random(seed);
  }

  add(input: FaultRule): FaultHandle {
    const rule = faultRuleSchema.parse(input);
    const active: ActiveRule = { id: this.#nextId, rule, skipLeft: rule.skip ?? 0, timesLeft: rule.times ?? Number.POSITIVE_INFINITY, hits: 0 };
    this.#nextId += 1;
    this.#rules.push(active);
    return {
      id: active.id,
      get hits() {
        return active.hits;
      },
      remove: () => {
        this.#rules = this.#rules.filter((r) => r !== active);
      },
    };
  }

  clear(): void {
    this.#rules = [];
  }

  /** The rules still in force. */
  list(): z.output<typeof faultRuleSchema>[] {
    return this.#rules.filter((r) => r.timesLeft > 0).map((r) => r.rule);
  }

  /** Decides the faults for one request to `target` (an entity set, `$metadata` or `` for the service document). */
  decide(target: string | null): FaultDecision {
    let latencyMs = 0;
    let fault: FaultDecision['fault'] = null;
    for (const active of this.#rules) {
      const { rule } = active;
      if (rule.entitySet !== undefined && rule.entitySet !== target) continue;
      if (active.timesLeft <= 0) continue;
      if (rule.kind !== 'latency' && fault !== null) continue;
      if (active.skipLeft > 0) {
        active.skipLeft -= 1;
        continue;
      }
      if (rule.probability !== undefined && this.#random.next() >= rule.probability) continue;
      active.timesLeft -= 1;
      active.hits += 1;
      if (rule.kind === 'latency') latencyMs += rule.latencyMs ?? 1000;
      else fault = rule.kind;
    }
    return { latencyMs, fault };
  }
}
