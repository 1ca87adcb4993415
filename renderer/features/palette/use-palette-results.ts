import { useQueries } from '@tanstack/react-query';
import { useDeferredValue, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { rankPaletteEntries, type PaletteEntry, type RankedEntry } from '../../../shared/palette-ranking';
import { paletteSources, type PaletteSource } from './palette.api';
import { staticPaletteEntries } from './palette-entries';

const SOURCES = Object.keys(paletteSources) as PaletteSource[];

/** Pages and settings at once, plus each domain's own search; one slow or failing domain never hides the others. */
export function usePaletteResults(rawQuery: string): { entries: RankedEntry[]; searching: boolean; failed: PaletteSource[] } {
  const { t } = useTranslation();
  const query = useDeferredValue(rawQuery.trim());
  const remote = useQueries({
    queries: SOURCES.map((source) => ({
      queryKey: ['palette', source, query],
      queryFn: () => paletteSources[source](query),
      enabled: query.length >= 2,
      staleTime: 30_000,
      retry: false,
    })),
  });
  const fixed = useMemo(() => staticPaletteEntries(t), [t]);
  const found = remote.flatMap((result) => result.data ?? []);
  const entries = rankPaletteEntries(query, [...fixed, ...found] as PaletteEntry[]);
  return {
    entries,
    searching: remote.some((result) => result.isFetching),
    failed: SOURCES.filter((_source, i) => remote[i]?.isError),
  };
}
