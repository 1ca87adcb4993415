import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccessApplication, CatalogueQuery } from '../../../shared/api/software';
import type { DownloadProgressView } from '../../../shared/contract/software-contract';
import { USER_DATA_KEY } from '../session/use-session';
import { softwareApi } from './software.api';

// Under the user-data prefix: access states, applications and downloads belong to the signed-in user.
const SOFTWARE_KEY = [...USER_DATA_KEY, 'software'] as const;
const CATALOGUE_KEY = [...SOFTWARE_KEY, 'catalogue'] as const;
const DOWNLOADS_KEY = [...SOFTWARE_KEY, 'downloads'] as const;
const APPLICATIONS_KEY = [...SOFTWARE_KEY, 'applications'] as const;

// Summaries and licence texts come in the app's language (the API reads Accept-Language): the language is part of their keys.
const useLanguage = () => useTranslation().i18n.language;

export function useCatalogue(query: CatalogueQuery) {
  return useQuery({ queryKey: [...CATALOGUE_KEY, query, useLanguage()], queryFn: () => softwareApi.catalogue(query), placeholderData: keepPreviousData });
}

/** The unfiltered catalogue, for the product and version choices. */
export function useCatalogueChoices() {
  return useQuery({ queryKey: [...CATALOGUE_KEY, {}, useLanguage()], queryFn: () => softwareApi.catalogue({}) });
}

/** Downloads and their history, refreshed whenever main reports a state change. */
export function useDownloads() {
  const queryClient = useQueryClient();
  useEffect(() => softwareApi.onDownloadChanged(() => void queryClient.invalidateQueries({ queryKey: DOWNLOADS_KEY })), [queryClient]);
  return useQuery({ queryKey: DOWNLOADS_KEY, queryFn: softwareApi.downloads });
}

/** Live bytes, speed and time left per download id. */
export function useDownloadProgress() {
  const [progress, setProgress] = useState<Record<string, DownloadProgressView>>({});
  useEffect(() => softwareApi.onDownloadProgress((p) => setProgress((old) => ({ ...old, [p.id]: p }))), []);
  return progress;
}

export function useDownloadAction(action: 'pause' | 'resume' | 'cancel' | 'remove' | 'showInFolder') {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: (id: string): Promise<unknown> => softwareApi[action](id), onSettled: () => queryClient.invalidateQueries({ queryKey: DOWNLOADS_KEY }) });
}

export function useStartDownload() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ productId, fileId }: { productId: string; fileId: string }) => softwareApi.download(productId, fileId),
    onSettled: () => queryClient.invalidateQueries({ queryKey: DOWNLOADS_KEY }),
  });
}

export function useDownloadFolder() {
  return useQuery({ queryKey: [...SOFTWARE_KEY, 'folder'], queryFn: softwareApi.downloadFolder });
}

/** Applications; a decision announced by main (P2.2) refreshes them and the access states. */
export function useApplications(onDecided: (application: AccessApplication) => void) {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      softwareApi.onApplicationDecided((application) => {
        onDecided(application);
        void queryClient.invalidateQueries({ queryKey: SOFTWARE_KEY });
      }),
    [queryClient, onDecided],
  );
  return useQuery({ queryKey: APPLICATIONS_KEY, queryFn: softwareApi.applications });
}

/** Any software write that changes what the catalogue shows (licence, application). */
export function useSoftwareMutation<I, O>(fn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: SOFTWARE_KEY }) });
}

export function useLicence(productId: string | null) {
  return useQuery({ queryKey: [...SOFTWARE_KEY, 'licence', productId, useLanguage()], queryFn: () => softwareApi.licence(productId!), enabled: productId !== null });
}

export function useProfileForContact(enabled: boolean) {
  return useQuery({ queryKey: [...USER_DATA_KEY, 'profile'], queryFn: softwareApi.profile, enabled });
}
