/**
 * A text file written in chunks with the stream's backpressure respected, so that a report of any size
 * never becomes one giant string. It is written as `<name>.part` and renamed on `close()`: a run that
 * fails half-way leaves no file that looks complete.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';

const FLUSH_AT = 64 * 1024;

export class TextFile {
  private chunks: string[] = [];
  private buffered = 0;

  private constructor(
    readonly path: string,
    private readonly stream: WriteStream,
  ) {}

  static create(path: string): TextFile {
    return new TextFile(path, createWriteStream(`${path}.part`, { encoding: 'utf8' }));
  }

  /** Buffers the text; waits only when the buffer is flushed into a full stream. */
  async write(text: string): Promise<void> {
    this.chunks.push(text);
    this.buffered += text.length;
    if (this.buffered >= FLUSH_AT) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.chunks.length === 0) return;
    const data = this.chunks.join('');
    this.chunks = [];
    this.buffered = 0;
    if (!this.stream.write(data)) await once(this.stream, 'drain');
  }

  /** Writes what is left and gives the file its final name. */
  async close(): Promise<string> {
    await this.flush();
    this.stream.end();
    await finished(this.stream);
    await rename(`${this.path}.part`, this.path);
    return this.path;
  }

  /** Drops the unfinished file. */
  async abort(): Promise<void> {
    this.stream.destroy();
    await rm(`${this.path}.part`, { force: true });
  }
}
