import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { EventPayload, MethodInput } from '../../../shared/contract';
import { docsApi } from './docs.api';

const DOCS_KEY = ['docs'] as const;
export const LIBRARIES_KEY = [...DOCS_KEY, 'libraries'] as const;

/** The library list, refreshed whenever main says a library changed. */
export function useLibraries() {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      docsApi.onLibrariesChanged(() => {
        void queryClient.invalidateQueries({ queryKey: DOCS_KEY });
      }),
    [queryClient],
  );
  return useQuery({ queryKey: LIBRARIES_KEY, queryFn: docsApi.libraries });
}

/** Live download and import progress per library. */
export function useLibraryProgress() {
  const [progress, setProgress] = useState<Record<string, EventPayload<'docs.onProgress'>>>({});
  useEffect(() => docsApi.onProgress((p) => setProgress((old) => ({ ...old, [p.libraryId]: p }))), []);
  return progress;
}

export function useLibraryAction(action: 'install' | 'pause' | 'resume' | 'cancel' | 'remove') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (libraryId: string) => docsApi[action](libraryId),
    onSettled: () => queryClient.invalidateQueries({ queryKey: DOCS_KEY }),
  });
}

export function useSearch(input: MethodInput<'docs.search'> | null) {
  return useQuery({
    queryKey: [...DOCS_KEY, 'search', input],
    queryFn: () => docsApi.search(input!),
    enabled: Boolean(input && input.query.trim()),
    placeholderData: keepPreviousData,
    retry: false,
    // While a search index upgrade runs, the same search is asked again for its progress and for the upgraded results.
    refetchInterval: (query) => (query.state.data?.indexUpgrade ? 1000 : false),
  });
}

export function useTopic(library: string, topicId: string) {
  return useQuery({ queryKey: [...DOCS_KEY, 'topic', library, topicId], queryFn: () => docsApi.topic({ library, topicId }), retry: false });
}

export function useToc(library: string, enabled: boolean) {
  return useQuery({ queryKey: [...DOCS_KEY, 'toc', library], queryFn: () => docsApi.toc(library), enabled, retry: false });
}

export function useBookmarks() {
  return useQuery({ queryKey: [...DOCS_KEY, 'bookmarks'], queryFn: docsApi.bookmarks });
}

export function useHistory() {
  return useQuery({ queryKey: [...DOCS_KEY, 'history'], queryFn: docsApi.history });
}

export function useScopes() {
  return useQuery({ queryKey: [...DOCS_KEY, 'scopes'], queryFn: docsApi.scopes });
}

/** Any docs write that changes lists: refresh the docs queries afterwards. */
export function useDocsMutation<I, O>(fn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: DOCS_KEY }) });
}
