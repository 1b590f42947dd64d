import type { RegisterCommand } from '../program.js';
import { registerClassify } from './classify.js';
import { registerDeadlines } from './deadlines.js';
import { registerDemo } from './demo.js';
import { registerImport } from './import.js';
import { registerParse } from './parse.js';
import { registerReconcile } from './reconcile.js';
import { registerSchedule } from './schedule.js';
import { registerSync } from './sync.js';
import { registerValidate } from './validate.js';
import { registerRnpt } from './rnpt.js';
import { registerSftp } from './sftp.js';

/** Every subcommand, in the order `sledopyt --help` lists them. */
export const COMMANDS: readonly RegisterCommand[] = [registerClassify, registerRnpt, registerDeadlines, registerParse, registerValidate, registerImport, registerSync, registerReconcile, registerSchedule, registerDemo, registerSftp];
