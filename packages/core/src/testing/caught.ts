import { isSledopytError, type SledopytError } from '../errors.js';

/** Runs `action` and returns the SledopytError it throws; fails the test if it throws nothing or something else. */
export function caught(action: () => unknown): SledopytError {
  try {
    action();
  } catch (error) {
    if (isSledopytError(error)) return error;
    throw error;
  }
  throw new Error('expected a SledopytError');
}

/** Awaits `promise` and returns the SledopytError it rejects with; fails the test otherwise. */
export async function rejected(promise: Promise<unknown>): Promise<SledopytError> {
  try {
    await promise;
  } catch (error) {
    if (isSledopytError(error)) return error;
    throw error;
  }
  throw new Error('expected a SledopytError');
}
