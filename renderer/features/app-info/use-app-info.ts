import { useQuery } from '@tanstack/react-query';
import { appInfoApi } from './app-info.api';

export function useAppInfo() {
  // Fixed for the life of the process.
  return useQuery({ queryKey: ['app-info'], queryFn: appInfoApi.info, staleTime: Infinity });
}
