import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { TicketForm } from './TicketForm';
import { useDraft } from './use-tickets';

export function DraftEditorPage() {
  const { t } = useTranslation();
  const { draftId = '' } = useParams();
  const draft = useDraft(draftId);
  return (
    <section className="page">
      <h1>{t('tickets.form.title')}</h1>
      <p className="page__intro">{t('tickets.form.intro')}</p>
      {draft.isPending && <p role="status">{t('app.loading')}</p>}
      {draft.isError && <ErrorAlert error={draft.error} title={t('tickets.form.loadFailed')} />}
      {draft.data && <TicketForm key={draft.data.id} draft={draft.data} />}
    </section>
  );
}
