import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { SessionState } from '../../../shared/contract';
import { sessionApi } from './session.api';

export const SESSION_KEY = ['session'] as const;
/** Everything cached under this prefix belongs to the signed-in user and is dropped on sign-out. */
export const USER_DATA_KEY = ['user'] as const;
/** Notices for the sign-in screen (what an erasure removed): they outlive the sign-out that caused them, until the next sign-in. */
export const SIGNED_OUT_NOTICE_KEY = ['signed-out-notice'] as const;

export function useSession() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: sessionApi.get });
}

/** Keeps the cached session in step with main, which owns it (browser callback, expiry, sign-out). */
export function useSessionEvents(): void {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      sessionApi.onDidChange((state) => {
        const previous = queryClient.getQueryData<SessionState>(SESSION_KEY);
        const previousUser = previous?.status === 'signed-in' ? previous.user.id : undefined;
        const currentUser = state.status === 'signed-in' ? state.user.id : undefined;
        if (previousUser !== currentUser) queryClient.removeQueries({ queryKey: USER_DATA_KEY });
        if (currentUser && previousUser !== currentUser) queryClient.removeQueries({ queryKey: SIGNED_OUT_NOTICE_KEY });
        queryClient.setQueryData(SESSION_KEY, state);
      }),
    [queryClient],
  );
}

function useSessionMutation<T>(mutationFn: () => Promise<T>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    // The event normally arrives first; refetching covers a missed one.
    onSettled: () => queryClient.invalidateQueries({ queryKey: SESSION_KEY }),
  });
}

export const useSignIn = () => useSessionMutation(sessionApi.signIn);
export const useCancelSignIn = () => useSessionMutation(sessionApi.cancelSignIn);
export const useSignOut = () => useSessionMutation(sessionApi.signOut);
