/** `@sledopyt/sftp-drop/testing`: a real OpenSSH server for tests of the connector and the CLI. Not for production code. */
export * from './sshd.js';
