import { useEffect } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { recoveryApi } from './recovery.api';

const KEY = ['recovery'];

/** What was recovered from a damaged data folder; kept current when damage is found while the app runs. */
export function useRecoveryReport() {
  const queryClient = useQueryClient();
  useEffect(() => {
    const off = recoveryApi.onDidChange((report) => {
      // Recovered while running: every screen's data came from the database that was replaced.
      if (report.items.length) void queryClient.invalidateQueries();
      queryClient.setQueryData(KEY, report);
    });
    return () => void off();
  }, [queryClient]);
  return useQuery({ queryKey: KEY, queryFn: recoveryApi.report, staleTime: Infinity });
}

export function useDismissRecovery() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: recoveryApi.dismiss,
    onSuccess: () => queryClient.setQueryData(KEY, (report: { dataFolder: string } | undefined) => (report ? { ...report, items: [] } : report)),
  });
}
