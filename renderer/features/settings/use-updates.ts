import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { updatesApi } from './settings.api';

const UPDATES_KEY = ['desktop', 'updates'] as const;

/** The updater's state; main pushes every change (progress included), so it never refetches on a timer. */
export function useUpdateStatus() {
  const queryClient = useQueryClient();
  useEffect(() => updatesApi.onStatus((status) => queryClient.setQueryData(UPDATES_KEY, status)), [queryClient]);
  return useQuery({ queryKey: UPDATES_KEY, queryFn: updatesApi.status, staleTime: Infinity });
}

export function useUpdateAction(action: 'check' | 'download' | 'install') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      if (action === 'install') return void (await updatesApi.install());
      const status = await updatesApi[action]();
      queryClient.setQueryData(UPDATES_KEY, status);
    },
  });
}
