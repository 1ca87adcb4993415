import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { SettingsPatch } from '../../../shared/contract';
import { settingsApi } from './settings.api';

const SETTINGS_KEY = ['settings'] as const;

export function useSettings() {
  const queryClient = useQueryClient();
  useEffect(
    () => settingsApi.onDidChange((settings) => queryClient.setQueryData(SETTINGS_KEY, settings)),
    [queryClient],
  );
  // Main pushes every change (also from other windows or the tray), so never refetch on a timer.
  return useQuery({ queryKey: SETTINGS_KEY, queryFn: settingsApi.get, staleTime: Infinity });
}

export function useUpdateSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: SettingsPatch) => settingsApi.update(patch),
    onSuccess: (settings) => queryClient.setQueryData(SETTINGS_KEY, settings),
  });
}
