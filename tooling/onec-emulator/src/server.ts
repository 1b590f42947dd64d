/**
 * `startOneCEmulator`: a 1C standard OData publication on a real port (127.0.0.1, port 0 by default),
 * backed by a seeded base of the chosen configuration profile.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { z } from 'zod';
import { EmulatedBase, baseOptionsSchema } from './data/base.js';
import { ServiceSchema } from './edm/schema.js';
import { createEmulatorApp } from './http/app.js';
import { userSchema } from './http/auth.js';
import { FaultInjector } from './http/faults.js';
import { RequestStats } from './http/stats.js';
import { ODataService } from './odata/service.js';

const DEFAULT_PUBLICATION = { bp30: 'buh', ut115: 'trade' } as const;

export const emulatorOptionsSchema = baseOptionsSchema.extend({
  host: z.string().default('127.0.0.1'),
  port: z.number().int().min(0).max(65_535).default(0),
  /** Publication name in the URL; defaults to `buh` (БП) or `trade` (УТ). May be Cyrillic. */
  publication: z.string().regex(/^[^/?#]+$/).optional(),
  /** Objects left out of the OData composition (`Document_X`, `AccumulationRegister_X`), as an admin who did not tick them. */
  omitEntitySets: z.array(z.string()).default([]),
  /** Infobase users for Basic auth; omit or `null` for a publication without authentication. */
  users: z.array(userSchema).nullable().default(null),
  /** Seed of the fault injector's probabilities. */
  faultSeed: z.number().int().default(1),
});

export type OneCEmulatorOptions = z.input<typeof emulatorOptionsSchema>;

export interface OneCEmulator {
  /** The service root, with a trailing slash: `http://127.0.0.1:PORT/buh/odata/standard.odata/`. */
  readonly url: string;
  readonly base: EmulatedBase;
  readonly schema: ServiceSchema;
  readonly stats: RequestStats;
  readonly faults: FaultInjector;
  close(): Promise<void>;
}

export async function startOneCEmulator(options: OneCEmulatorOptions = {}): Promise<OneCEmulator> {
  const parsed = emulatorOptionsSchema.parse(options);
  const base = new EmulatedBase(parsed);
  const schema = new ServiceSchema(base.profile.objects, parsed.omitEntitySets);
  const publication = parsed.publication ?? DEFAULT_PUBLICATION[base.profile.name];
  const stats = new RequestStats();
  const faults = new FaultInjector(parsed.faultSeed);
  const closing = new AbortController();
  const app = createEmulatorApp({
    service: new ODataService(base, schema),
    publication,
    users: parsed.users,
    faults,
    stats,
    closing: closing.signal,
  });
  const server = await new Promise<Server>((resolve) => {
    const started = serve({ fetch: app.fetch, hostname: parsed.host, port: parsed.port }, () => resolve(started as Server));
  });
  const address = server.address() as AddressInfo;
  const root = `http://${parsed.host}:${address.port}/${encodeURIComponent(publication)}/odata/standard.odata/`;
  return {
    url: root,
    base,
    schema,
    stats,
    faults,
    close: () =>
      new Promise<void>((resolve, reject) => {
        closing.abort();
        server.close((error) => (error === undefined ? resolve() : reject(error)));
        server.closeAllConnections();
      }),
  };
}
