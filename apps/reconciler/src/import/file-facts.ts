/**
 * What every document of one file shares in the store: where it came from and its content hash.
 */
import type { DocumentSource } from '@sledopyt/store';

export interface FileFacts {
  source: Extract<DocumentSource, 'file' | 'sftp'>;
  /** The file's reference in the store (its absolute path, or what the caller makes of it). */
  sourceRef: string;
  contentHash: string;
  /** `Файл/@ВерсФорм`. */
  version: string;
}

/** A party as the details column keeps it. */
export interface PartyFacts {
  inn: string | null;
  kpp: string | null;
  name: string;
}
