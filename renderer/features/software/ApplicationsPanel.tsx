import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AccessApplication } from '../../../shared/api/software';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDateTime } from './format';

type Props = { applications: UseQueryResult<AccessApplication[]> };

/** The user's access applications and their results (P2.2), with the reason for a rejection. */
export function ApplicationsPanel({ applications }: Props) {
  const { t, i18n } = useTranslation();
  const date = (iso: string) => formatDateTime(iso, i18n.language);
  return (
    <section className="software-applications" aria-labelledby="software-applications-title">
      <h2 id="software-applications-title">{t('software.applications.title')}</h2>
      <p className="field__hint">{t('software.applications.purpose')}</p>
      {applications.isError && <ErrorAlert error={applications.error} onRetry={() => void applications.refetch()} />}
      {applications.data?.length === 0 && <p>{t('software.applications.empty')}</p>}
      <ul className="software-application-list">
        {applications.data?.map((a) => (
          <li key={a.id} className="software-application" data-testid="application">
            <strong>{a.productName}</strong> · <span>{t(`software.applications.status.${a.status}`)}</span> · {date(a.createdAt)}
            {a.decisionReason && <p className="field__error">{a.decisionReason}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}
