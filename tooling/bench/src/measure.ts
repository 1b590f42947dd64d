/**
 * One measurement per child process (so that its peak RSS is its own): the reference (read in 4 MiB chunks +
 * TextDecoder('windows-1251')), the byte-scanner reader (column batches, line objects in batches, line by
 * line), saxes alone, and the saxes-based reader of the package. Each prints one JSON line on stdout.
 *
 * The readers' consumers touch every field the reconciler uses (НомерПор, НомСчФПрод, ДатаСчФПрод,
 * НомИспрСчФ, НомКСчФПрод, КодВидОпер, the first counterparty's ИНН/КПП, every СвРегНом with РегНомПросл, its
 * canonical number, ОКЕИ, КолТовПросл, СтоимТовПросл, and КодВидТовар), so that nothing is measured that a
 * real consumer would have to pay for later.
 */
import { readFileChunks, readNdsColumns, readNdsLines, readNdsLinesWithSaxes, type NdsLine, type NdsLineColumns, type NdsReadStats } from '@sledopyt/formats';
import { SaxesParser } from 'saxes';

export const MEASUREMENTS = ['reference', 'scanner-columns', 'scanner-columns-1-thread', 'scanner-batches', 'scanner-lines', 'saxes-events', 'saxes-reader'] as const;
export type Measurement = (typeof MEASUREMENTS)[number];

export interface MeasurementResult {
  measurement: Measurement;
  bytes: number;
  seconds: number;
  /** Lines (book lines) or characters (reference) or events (saxes). */
  items: number;
  entries: number;
  peakRssMb: number;
  sampledRssMb: number;
  /** CPU time of the process (all threads: GC and compiler included), less sensitive to a busy machine. */
  cpuSeconds: number;
  /** A sum over the touched fields (the same for every reader of the same bytes). */
  checksum: number;
  /** Scanner readers: lines read by the WebAssembly fast path. */
  fastLines?: number;
  /** Of those, lines tokenised ahead by the worker thread. */
  aheadLines?: number;
}

/** What the consumers compute from the fields: lengths of texts, numbers, kopecks, units. */
class Touch {
  sum = 0;
  entries = 0;

  line(line: NdsLine): void {
    const party = line.book === 'sales' ? line.СвПокуп[0] : line.СвПрод[0];
    const inn = party === undefined ? '' : party.kind === 'СведЮЛ' ? party.ИННЮЛ : party.ИННФЛ;
    const kpp = party?.kind === 'СведЮЛ' ? (party.КПП ?? '') : '';
    this.sum += line.НомерПор + line.НомСчФПрод.length + (line.ДатаСчФПрод?.length ?? 0) + (line.НомИспрСчФ ?? 0) + (line.НомКСчФПрод?.length ?? 0);
    this.sum += inn.length + kpp.length + line.КодВидОпер.length + (line.book === 'sales' ? line.КодВидТовар.length : 0);
    for (const entry of line.СвРегНом) {
      this.entries++;
      this.sum += entry.РегНомПросл.length + entry.number.length + (entry.ОКЕИ?.length ?? 0);
      this.sum += Number((entry.КолТовПросл ?? 0n) / 100_000_000_000n) + Number(entry.СтоимТовПросл ?? 0n);
    }
  }

  columns(batch: NdsLineColumns): void {
    // Positions of the invoice attributes (the same in both books, structure.ts order).
    for (let i = 0; i < batch.length; i++) {
      const values = batch.values[i] ?? [];
      const date = values[2] as string | undefined;
      this.sum += (values[0] as number) + (values[1] as string).length + (date?.length ?? 0) + ((values[3] as number | undefined) ?? 0) + ((values[5] as string | undefined)?.length ?? 0);
      this.sum += (batch.counterpartyInn[i]?.length ?? 0) + (batch.counterpartyKpp[i]?.length ?? 0);
    }
    this.sum += batch.operationCodes.length + batch.goodsCodes.length;
    for (let entry = 0; entry < batch.entryCount; entry++) {
      this.entries++;
      this.sum += (batch.РегНомПросл[entry] as string).length + (batch.number[entry] as string).length + (batch.ОКЕИ[entry]?.length ?? 0);
      const units = batch.КолТовПросл[entry] as number;
      const kopecks = batch.СтоимТовПросл[entry] as number;
      this.sum += (Number.isNaN(units) ? 0 : units) + (Number.isNaN(kopecks) ? 0 : kopecks);
    }
  }
}

const CHUNK = 4 * 1024 * 1024;

/** The first `limit` bytes of the file, in 4 MiB chunks. */
async function* limited(path: string, limit: number): AsyncGenerator<Uint8Array> {
  let seen = 0;
  for await (const chunk of readFileChunks(path, CHUNK)) {
    const part = seen + chunk.length > limit ? chunk.subarray(0, limit - seen) : chunk;
    seen += part.length;
    yield part;
    if (seen >= limit) return;
  }
}

export async function measure(measurement: Measurement, path: string, limitBytes: number): Promise<MeasurementResult> {
  let sampled = process.memoryUsage().rss;
  const timer = setInterval(() => {
    sampled = Math.max(sampled, process.memoryUsage().rss);
  }, 20);
  timer.unref();
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  let bytes = 0;
  let items = 0;
  let entries = 0;
  const touch = new Touch();
  const stats: NdsReadStats = { fastLines: 0, aheadLines: 0 };
  switch (measurement) {
    case 'reference': {
      const decoder = new TextDecoder('windows-1251');
      for await (const chunk of readFileChunks(path, CHUNK)) {
        bytes += chunk.length;
        items += decoder.decode(chunk, { stream: true }).length;
      }
      items += decoder.decode().length;
      break;
    }
    case 'scanner-columns':
    case 'scanner-columns-1-thread':
      // The default tokenises one chunk ahead in a worker thread; '-1-thread' keeps everything on this one.
      for await (const batch of readNdsColumns(path, { stats, worker: measurement === 'scanner-columns' }).batches()) {
        items += batch.length;
        touch.columns(batch);
      }
      break;
    case 'scanner-batches':
      for await (const batch of readNdsLines(path, { stats }).batches()) {
        items += batch.length;
        for (const line of batch) touch.line(line);
      }
      break;
    case 'scanner-lines':
      for await (const line of readNdsLines(path, { stats })) {
        items++;
        touch.line(line);
      }
      break;
    case 'saxes-events': {
      const parser = new SaxesParser({ xmlns: false });
      parser.on('opentag', (tag) => {
        items++;
        entries += Object.keys(tag.attributes).length;
      });
      const decoder = new TextDecoder('windows-1251');
      for await (const chunk of limited(path, limitBytes)) {
        bytes += chunk.length;
        parser.write(decoder.decode(chunk, { stream: true }));
      }
      break;
    }
    case 'saxes-reader':
      // The prefix ends inside a line: the reader then reports a truncated file, which is expected here.
      try {
        for await (const batch of readNdsLinesWithSaxes(limited(path, limitBytes)).batches()) {
          items += batch.length;
          for (const line of batch) touch.line(line);
        }
      } catch (error) {
        if ((error as { code?: string }).code !== 'XML_TRUNCATED') throw error;
      }
      bytes = limitBytes;
      break;
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStarted);
  clearInterval(timer);
  sampled = Math.max(sampled, process.memoryUsage().rss);
  if (bytes === 0) bytes = (await import('node:fs/promises').then((fs) => fs.stat(path))).size;
  if (touch.entries > 0) entries = touch.entries;
  return {
    checksum: touch.sum,
    measurement,
    bytes,
    seconds,
    items,
    entries,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    sampledRssMb: sampled / 1024 / 1024,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    ...(measurement.startsWith('scanner') ? { fastLines: stats.fastLines, aheadLines: stats.aheadLines } : {}),
  };
}
