import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ConsentChange, NewExport, NewRightsRequest } from '../../../shared/api/privacy';
import type { LocalErasure } from '../../../shared/contract/privacy-contract';
import { SIGNED_OUT_NOTICE_KEY, USER_DATA_KEY } from '../session/use-session';
import { privacyApi } from './privacy.api';

// Under the user-data prefix, so signing out drops all of it from the cache.
const KEY = [...USER_DATA_KEY, 'privacy'] as const;
const key = (name: string) => [...KEY, name] as const;

export const useMyData = () => useQuery({ queryKey: key('my-data'), queryFn: privacyApi.myData });
export const useDeviceData = () => useQuery({ queryKey: key('device'), queryFn: privacyApi.deviceData });
export const useConsents = () => useQuery({ queryKey: key('consents'), queryFn: privacyApi.consents });
export const useRecommendations = () => useQuery({ queryKey: key('recommendations'), queryFn: privacyApi.recommendations });
export const useDisclosures = () => useQuery({ queryKey: key('disclosures'), queryFn: privacyApi.disclosures });
export const usePolicy = () => useQuery({ queryKey: key('policy'), queryFn: privacyApi.policy });
export const useRequests = () => useQuery({ queryKey: key('requests'), queryFn: privacyApi.requests });
export const useUsage = () => useQuery({ queryKey: key('usage'), queryFn: privacyApi.usage });
// Not user data: the contact must show on the sign-in screen too (P5.7).
export const usePrivacyContact = () => useQuery({ queryKey: ['privacy-contact'], queryFn: privacyApi.contact, staleTime: Infinity });

/** Polls while an export is being prepared, then stops. */
export const useExports = () =>
  useQuery({
    queryKey: key('exports'),
    queryFn: privacyApi.exports,
    refetchInterval: (query) => (query.state.data?.some((job) => job.status === 'pending') ? 1000 : false),
  });

function useInvalidating<I, O>(fn: (input: I) => Promise<O>, ...names: string[]) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => Promise.all(names.map((name) => queryClient.invalidateQueries({ queryKey: key(name) }))),
  });
}

export function useSetConsent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: ConsentChange) => privacyApi.setConsent(change),
    onSuccess: async (consents) => {
      queryClient.setQueryData(key('consents'), consents);
      await Promise.all(['recommendations', 'usage', 'my-data'].map((name) => queryClient.invalidateQueries({ queryKey: key(name) })));
    },
  });
}
export const useAcknowledgePolicy = () => useInvalidating((version: string) => privacyApi.acknowledgePolicy(version), 'policy', 'my-data');
export const useCreateRequest = () =>
  useInvalidating((input: NewRightsRequest) => privacyApi.createRequest(input), 'requests', 'consents', 'recommendations', 'my-data');
// Outside the user-data prefix: the session ends with an erasure, and the sign-in screen still shows what went (P5.4).
const LOCAL_ERASURE_KEY = [...SIGNED_OUT_NOTICE_KEY, 'local-erasure'] as const;

export function useConfirmRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => privacyApi.confirmRequest(id),
    // Hook-level, so it runs even when the erasure's sign-out has already unmounted the screen that asked.
    onSuccess: async (request) => {
      if (request.localErasure) queryClient.setQueryData(LOCAL_ERASURE_KEY, request.localErasure);
      await Promise.all(['requests', 'recommendations', 'my-data'].map((name) => queryClient.invalidateQueries({ queryKey: key(name) })));
    },
  });
}

/** What the last erasure removed from this computer, until dismissed or the next sign-in. */
export function useLocalErasure() {
  const queryClient = useQueryClient();
  const query = useQuery<LocalErasure | null>({ queryKey: LOCAL_ERASURE_KEY, queryFn: () => null, enabled: false });
  return { erasure: query.data ?? null, dismiss: () => queryClient.setQueryData(LOCAL_ERASURE_KEY, null) };
}
export const useCreateExport = () => useInvalidating((input: NewExport) => privacyApi.createExport(input), 'exports', 'usage');
/** Refreshes the export list however it ends: a stopped download shows there with its resume button. */
export function useDownloadExport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => privacyApi.downloadExport(id),
    onSettled: () => Promise.all(['exports', 'device'].map((name) => queryClient.invalidateQueries({ queryKey: key(name) }))),
  });
}
export const useClearLocalData = () => useMutation({ mutationFn: privacyApi.clearLocalData });
