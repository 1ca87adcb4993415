import { Navigate, Route, Routes } from 'react-router';
import { DocsPage } from '../features/docs/DocsPage';
import { PrivacyPage } from '../features/privacy/PrivacyPage';
import { ProfilePage } from '../features/profile/ProfilePage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { SoftwarePage } from '../features/software/SoftwarePage';
import { TicketsRoutes } from '../features/tickets/TicketsRoutes';

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/docs/*" element={<DocsPage />} />
      <Route path="/software" element={<SoftwarePage />} />
      <Route path="/tickets/*" element={<TicketsRoutes />} />
      <Route path="/privacy/*" element={<PrivacyPage />} />
      <Route path="/settings" element={<SettingsPage />} />
      <Route path="/profile" element={<ProfilePage />} />
      <Route path="*" element={<Navigate to="/docs" replace />} />
    </Routes>
  );
}
