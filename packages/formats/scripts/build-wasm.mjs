#!/usr/bin/env node
// Compiles the book scanner's WebAssembly fast path (assembly/book-lines.ts → wasm/book-lines.wasm) with the
// AssemblyScript compiler from the package's devDependencies. No runtime and no allocations: the module
// works on memory the JavaScript side lays out (see the source's file comment). SIMD (WebAssembly 128-bit)
// is in every Node since 16.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import asc from 'assemblyscript/asc';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
mkdirSync(join(root, 'wasm'), { recursive: true });
const { error } = await asc.main(
  ['assembly/book-lines.ts', '--outFile', 'wasm/book-lines.wasm', '-O3', '--runtime', 'stub', '--noAssert', '--enable', 'simd', '--baseDir', root],
  { stdout: process.stdout, stderr: process.stderr },
);
if (error) {
  console.error(`build-wasm: ${error.message}`);
  process.exit(1);
}
