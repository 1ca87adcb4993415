import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes } from 'react-router';

// Each screen is its own chunk, loaded when first opened: the shell and sign-in parse only what they
// need (DOMPurify, the virtualised lists and the forms wait for their screens).
const DocsPage = lazy(() => import('../features/docs/DocsPage').then((m) => ({ default: m.DocsPage })));
const SoftwarePage = lazy(() => import('../features/software/SoftwarePage').then((m) => ({ default: m.SoftwarePage })));
const TicketsRoutes = lazy(() => import('../features/tickets/TicketsRoutes').then((m) => ({ default: m.TicketsRoutes })));
const PrivacyPage = lazy(() => import('../features/privacy/PrivacyPage').then((m) => ({ default: m.PrivacyPage })));
const SettingsPage = lazy(() => import('../features/settings/SettingsPage').then((m) => ({ default: m.SettingsPage })));
const ProfilePage = lazy(() => import('../features/profile/ProfilePage').then((m) => ({ default: m.ProfilePage })));

export function AppRoutes() {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
      <Routes>
        <Route path="/docs/*" element={<DocsPage />} />
        <Route path="/software" element={<SoftwarePage />} />
        <Route path="/tickets/*" element={<TicketsRoutes />} />
        <Route path="/privacy/*" element={<PrivacyPage />} />
        <Route path="/settings" element={<SettingsPage />} />
        <Route path="/profile" element={<ProfilePage />} />
        <Route path="*" element={<Navigate to="/docs" replace />} />
      </Routes>
    </Suspense>
  );
}
