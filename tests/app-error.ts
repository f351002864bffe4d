/** Catching a domain refusal in a test: the AppError itself, so its code, status and details can be asserted. */
import { AppError } from '@/lib/app-error';

/** The AppError `fn` throws; any other outcome (a return, another error) fails the test. */
export function appErrorFrom(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('Expected an AppError, but the call returned normally');
}

export async function appErrorFromAsync(fn: () => Promise<unknown>): Promise<AppError> {
  try {
    await fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('Expected an AppError, but the call resolved normally');
}
