import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { TicketListQuery } from '../../../shared/api/tickets';
import type { EventPayload } from '../../../shared/contract';
import { useNetworkStatus } from '../network/use-network';
import { PROFILE_KEY } from '../profile/use-profile';
import { USER_DATA_KEY } from '../session/use-session';
import { ticketsApi } from './tickets.api';

// Under the user-data prefix so that signing out drops everything from the cache.
export const TICKETS_KEY = [...USER_DATA_KEY, 'tickets'] as const;
const keys = {
  list: (query: object) => [...TICKETS_KEY, 'list', query] as const,
  detail: (id: string) => [...TICKETS_KEY, 'detail', id] as const,
  drafts: [...TICKETS_KEY, 'drafts'] as const,
  draft: (id: string) => [...TICKETS_KEY, 'draft', id] as const,
  outbox: [...TICKETS_KEY, 'outbox'] as const,
  devices: [...TICKETS_KEY, 'devices'] as const,
  capabilities: [...TICKETS_KEY, 'capabilities'] as const,
  replyDraft: (id: string) => [...TICKETS_KEY, 'reply-draft', id] as const,
};

export function useTicketList(query: Omit<TicketListQuery, 'limit'>) {
  return useQuery({ queryKey: keys.list(query), queryFn: () => ticketsApi.list(query), placeholderData: (previous) => previous });
}

export function useTicket(id: string) {
  return useQuery({ queryKey: keys.detail(id), queryFn: () => ticketsApi.get(id) });
}

export const useDrafts = () => useQuery({ queryKey: keys.drafts, queryFn: ticketsApi.drafts });
// A draft is loaded once into the form; later saves come from the form itself, so no refetch is wanted.
export const useDraft = (id: string) => useQuery({ queryKey: keys.draft(id), queryFn: () => ticketsApi.getDraft(id), staleTime: Infinity, gcTime: 0 });
export const useOutbox = () => useQuery({ queryKey: keys.outbox, queryFn: ticketsApi.outbox });
export const useDevices = () => useQuery({ queryKey: keys.devices, queryFn: ticketsApi.devices, staleTime: 5 * 60_000 });
export const useCapabilities = () => useQuery({ queryKey: keys.capabilities, queryFn: ticketsApi.capabilities, staleTime: Infinity });
export const useReplyDraft = (ticketId: string) => useQuery({ queryKey: keys.replyDraft(ticketId), queryFn: () => ticketsApi.replyDraft(ticketId) });

/** Keeps lists, details and the outbox current as main reports changes. */
export function useTicketEvents() {
  const queryClient = useQueryClient();
  useEffect(() => {
    const off = ticketsApi.on('tickets.onDidChange', ({ reason, ticketIds }) => {
      if (reason === 'outbox') {
        void queryClient.invalidateQueries({ queryKey: keys.outbox });
        // A delivered item changes the list (a new request) or a thread (a reply).
        void queryClient.invalidateQueries({ queryKey: [...TICKETS_KEY, 'list'] });
        void queryClient.invalidateQueries({ queryKey: [...TICKETS_KEY, 'reply-draft'] });
        void queryClient.invalidateQueries({ queryKey: [...TICKETS_KEY, 'detail'] });
      }
      if (reason === 'drafts' || reason === 'outbox') void queryClient.invalidateQueries({ queryKey: keys.drafts });
      if (reason === 'remote') {
        void queryClient.invalidateQueries({ queryKey: [...TICKETS_KEY, 'list'] });
        for (const id of ticketIds) void queryClient.invalidateQueries({ queryKey: keys.detail(id) });
      }
    });
    return () => void off();
  }, [queryClient]);
}

/**
 * When the network comes back, what was read offline is read again: the list (from the copy on
 * this computer until then) and the profile (a request started offline gets its contact details).
 */
export function useRefreshOnReconnect() {
  const queryClient = useQueryClient();
  const online = useNetworkStatus().data?.online;
  const before = useRef(online);
  useEffect(() => {
    if (before.current === false && online) {
      void queryClient.invalidateQueries({ queryKey: [...TICKETS_KEY, 'list'] });
      void queryClient.invalidateQueries({ queryKey: PROFILE_KEY });
    }
    before.current = online;
  }, [online, queryClient]);
}

/** Upload progress per outbox item, from main's events. */
export function useUploadProgress() {
  const [progress, setProgress] = useState<Record<number, EventPayload<'tickets.onUploadProgress'>>>({});
  useEffect(() => {
    const off = ticketsApi.on('tickets.onUploadProgress', (p) => setProgress((all) => ({ ...all, [p.seq]: p })));
    return () => void off();
  }, []);
  return progress;
}

export function useTicketAction(kind: 'close' | 'reopen', id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => (kind === 'close' ? ticketsApi.close(id) : ticketsApi.reopen(id)),
    onSuccess: (ticket) => {
      queryClient.setQueryData(keys.detail(id), ticket);
      void queryClient.invalidateQueries({ queryKey: [...TICKETS_KEY, 'list'] });
    },
  });
}

export function useSendNow() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: ticketsApi.sendNow, onSuccess: (items) => queryClient.setQueryData(keys.outbox, items) });
}

export { keys as ticketKeys };
