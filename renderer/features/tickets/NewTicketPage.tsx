import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { ticketsApi } from './tickets.api';

/**
 * /tickets/new[?fromTopic=<library>/<topic>]: starts a draft (contact details from the profile, the
 * originating page from the link) and continues at the draft's own address, so a reload or a crash
 * comes back to the same draft.
 */
export function NewTicketPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const fromTopic = params.get('fromTopic') ?? undefined;
  const create = useMutation({
    mutationFn: () => ticketsApi.newDraft(fromTopic),
    onSuccess: (draft) => void navigate(`/tickets/drafts/${draft.id}`, { replace: true }),
  });
  const started = useRef(false);
  useEffect(() => {
    // Strict mode mounts twice in development; one draft per visit.
    if (started.current) return;
    started.current = true;
    create.mutate();
  }, [create]);

  return (
    <section className="page">
      <h1>{t('tickets.form.title')}</h1>
      {create.isError ? <ErrorAlert error={create.error} title={t('tickets.form.startFailed')} onRetry={() => create.mutate()} /> : <p role="status">{t('app.loading')}</p>}
    </section>
  );
}
