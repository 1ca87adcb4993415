import { QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createHashRouter, RouterProvider } from 'react-router';
import i18n from '../i18n/i18n';
import { createQueryClient } from './query-client';

/**
 * Hash routing because the app is served from a custom protocol (and file-like URLs in the
 * preview), where path URLs would not resolve on reload. A data router with one catch-all route (the
 * screens declare their own <Routes>), so a screen can hold a navigation back (useBlocker: Settings
 * with unsaved changes), whether it came from a link, the command palette or the OS menu.
 */
export function AppProviders({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(() => createHashRouter([{ path: '*', element: children }]));
  return (
    <QueryClientProvider client={queryClient}>
      <I18nextProvider i18n={i18n}>
        <RouterProvider router={router} />
      </I18nextProvider>
    </QueryClientProvider>
  );
}
