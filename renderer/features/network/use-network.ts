import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { networkApi } from './network.api';

const NETWORK_KEY = ['network'] as const;

export function useNetworkStatus() {
  const queryClient = useQueryClient();
  useEffect(
    () => networkApi.onDidChangeStatus((status) => queryClient.setQueryData(NETWORK_KEY, status)),
    [queryClient],
  );
  // Main pushes every change, so the cached value never goes stale on its own.
  return useQuery({ queryKey: NETWORK_KEY, queryFn: networkApi.status, staleTime: Infinity });
}

export function useCheckNetwork() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: networkApi.check,
    onSuccess: (status) => queryClient.setQueryData(NETWORK_KEY, status),
  });
}
