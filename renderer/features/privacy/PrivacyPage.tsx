import { useTranslation } from 'react-i18next';
import { Navigate, NavLink, Route, Routes } from 'react-router';
import { ConsentsSection } from './ConsentsSection';
import { DeviceDataSection } from './DeviceDataSection';
import { DisclosuresSection } from './DisclosuresSection';
import { ExportSection } from './ExportSection';
import { MyDataSection } from './MyDataSection';
import { PolicySection } from './PolicySection';
import { RequestsSection } from './RequestsSection';
import { UsageSection } from './UsageSection';
import './privacy.css';

const SECTIONS = [
  { path: 'data', element: <MyDataSection /> },
  { path: 'consents', element: <ConsentsSection /> },
  { path: 'requests', element: <RequestsSection /> },
  { path: 'export', element: <ExportSection /> },
  { path: 'device', element: <DeviceDataSection /> },
  { path: 'usage', element: <UsageSection /> },
  { path: 'disclosures', element: <DisclosuresSection /> },
  { path: 'policy', element: <PolicySection /> },
] as const;

/** The privacy center: each promise of the policy a screen or a button (issue 6). */
export function PrivacyPage() {
  const { t } = useTranslation();
  return (
    <section className="page privacy">
      <h1>{t('privacy.title')}</h1>
      <p className="page__intro">{t('privacy.intro')}</p>
      <nav aria-label={t('privacy.sectionsLabel')} className="privacy__tabs">
        {SECTIONS.map((section) => (
          <NavLink key={section.path} to={`/privacy/${section.path}`} className="privacy__tab">
            {t(`privacy.sections.${section.path}`)}
          </NavLink>
        ))}
      </nav>
      <Routes>
        {SECTIONS.map((section) => (
          <Route key={section.path} path={section.path} element={section.element} />
        ))}
        <Route path="*" element={<Navigate to="data" replace />} />
      </Routes>
    </section>
  );
}
