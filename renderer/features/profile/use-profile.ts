import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ProfilePatch } from '../../../shared/api/profile';
import { USER_DATA_KEY } from '../session/use-session';
import { profileApi } from './profile.api';

// Under the user-data prefix so that signing out drops it from the cache.
export const PROFILE_KEY = [...USER_DATA_KEY, 'profile'] as const;

export function useProfile() {
  return useQuery({ queryKey: PROFILE_KEY, queryFn: profileApi.get });
}

export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: ProfilePatch) => profileApi.update(patch),
    onSuccess: (profile) => queryClient.setQueryData(PROFILE_KEY, profile),
  });
}
