import { QueryClient } from '@tanstack/react-query';
import type { ErrorCode } from '../../shared/errors';
import { isBridgeError } from './bridge';

// Retrying cannot fix these: the input is wrong or the user must sign in again.
const NOT_RETRYABLE: readonly ErrorCode[] = ['validation', 'unauthorized', 'forbidden', 'not_found', 'conflict'];

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (failureCount, error) =>
          !(isBridgeError(error) && NOT_RETRYABLE.includes(error.code)) && failureCount < 2,
        // Bridge data changes through events, not because the window regained focus.
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}
