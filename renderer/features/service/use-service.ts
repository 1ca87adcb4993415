import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { serviceApi } from './service.api';

const KEY = ['service'] as const;

/** Which support service the app uses, what the organisation manages, and any start-up problem. */
export function useServiceStatus() {
  const queryClient = useQueryClient();
  useEffect(() => {
    const off = serviceApi.onDidChange((status) => {
      // A new service (connected, or the demo): every screen's data belonged to the old one.
      void queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== 'service' });
      queryClient.setQueryData(KEY, status);
    });
    return () => void off();
  }, [queryClient]);
  return useQuery({ queryKey: KEY, queryFn: serviceApi.status, staleTime: Infinity });
}

export function useServiceChoice() {
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: KEY });
  return {
    connect: useMutation({ mutationFn: serviceApi.connect }),
    startDemo: useMutation({ mutationFn: serviceApi.startDemo }),
    dismiss: useMutation({ mutationFn: serviceApi.dismissProblem, onSuccess: refresh }),
  };
}

/** Settings the organisation set or locked: their controls are disabled and say so. */
export function useManagedSettings(): ReadonlySet<string> {
  const status = useServiceStatus();
  return new Set(status.data?.managedSettings ?? []);
}
