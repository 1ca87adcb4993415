import { QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { HashRouter } from 'react-router';
import i18n from '../i18n/i18n';
import { createQueryClient } from './query-client';

/**
 * Hash routing because the app is served from a custom protocol (and file-like URLs in the
 * preview), where path URLs would not resolve on reload.
 */
export function AppProviders({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <I18nextProvider i18n={i18n}>
        <HashRouter>{children}</HashRouter>
      </I18nextProvider>
    </QueryClientProvider>
  );
}
