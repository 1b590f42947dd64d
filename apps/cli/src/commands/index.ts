import type { RegisterCommand } from '../program.js';
import { registerClassify } from './classify.js';
import { registerDeadlines } from './deadlines.js';
import { registerDemo } from './demo.js';
import { registerRnpt } from './rnpt.js';

/** Every subcommand, in the order `sledopyt --help` lists them. */
export const COMMANDS: readonly RegisterCommand[] = [registerClassify, registerRnpt, registerDeadlines, registerDemo];
