/**
 * One measurement per child process (so that its peak RSS is its own): the reference (read in 4 MiB chunks +
 * TextDecoder('windows-1251')), the byte-scanner reader (in batches and line by line), saxes alone, and the
 * saxes-based reader of the package. Each prints one JSON line on stdout.
 */
import { readFileChunks, readNdsLines, readNdsLinesWithSaxes } from '@sledopyt/formats';
import { SaxesParser } from 'saxes';

export const MEASUREMENTS = ['reference', 'scanner-batches', 'scanner-lines', 'saxes-events', 'saxes-reader'] as const;
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
    case 'scanner-batches':
      for await (const batch of readNdsLines(path).batches()) {
        items += batch.length;
        for (const line of batch) entries += line.СвРегНом.length;
      }
      break;
    case 'scanner-lines':
      for await (const line of readNdsLines(path)) {
        items++;
        entries += line.СвРегНом.length;
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
          for (const line of batch) entries += line.СвРегНом.length;
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
  return {
    measurement,
    bytes,
    seconds,
    items,
    entries,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    sampledRssMb: sampled / 1024 / 1024,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
  };
}
