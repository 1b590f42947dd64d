/** The part of ssh2-sftp-client 12 we use (it ships no types; @types/ssh2-sftp-client lags behind). */
declare module 'ssh2-sftp-client' {
  export interface FileInfo {
    type: 'd' | '-' | 'l';
    name: string;
    size: number;
    modifyTime: number;
  }
  export interface FileStats {
    size: number;
    modifyTime: number;
    isDirectory: boolean;
    isFile: boolean;
  }
  export interface ConnectOptions {
    host: string;
    port: number;
    username: string;
    password?: string;
    privateKey?: Buffer | string;
    passphrase?: string;
    readyTimeout?: number;
    hostHash?: 'sha256' | 'md5';
    hostVerifier?: (hash: string) => boolean;
    retries?: number;
    keepaliveInterval?: number;
    keepaliveCountMax?: number;
    algorithms?: Record<string, unknown>;
  }
  export default class SftpClient {
    constructor(name?: string);
    connect(options: ConnectOptions): Promise<unknown>;
    list(path: string): Promise<FileInfo[]>;
    stat(path: string): Promise<FileStats>;
    exists(path: string): Promise<false | 'd' | '-' | 'l'>;
    fastGet(remote: string, local: string): Promise<string>;
    fastPut(local: string, remote: string): Promise<string>;
    put(input: Buffer | string | NodeJS.ReadableStream, remote: string): Promise<string>;
    rename(from: string, to: string): Promise<string>;
    mkdir(path: string, recursive?: boolean): Promise<string>;
    delete(path: string, notFoundOK?: boolean): Promise<string>;
    end(): Promise<boolean>;
    on(event: string, listener: (...args: unknown[]) => void): this;
  }
}
