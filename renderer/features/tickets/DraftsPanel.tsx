import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../i18n/format';
import { ticketsApi } from './tickets.api';
import { ticketKeys, useDrafts } from './use-tickets';

/** Unsent drafts (also those the service sent back, with its reason), to continue or discard. */
export function DraftsPanel() {
  const { t, i18n } = useTranslation();
  const drafts = useDrafts();
  const queryClient = useQueryClient();
  const remove = useMutation({ mutationFn: ticketsApi.deleteDraft, onSuccess: () => queryClient.invalidateQueries({ queryKey: ticketKeys.drafts }) });
  if (!drafts.data?.length) return null;
  return (
    <section className="drafts" aria-labelledby="drafts-title">
      <h2 id="drafts-title">{t('tickets.drafts.title', { count: drafts.data.length })}</h2>
      <ul className="drafts__list">
        {drafts.data.map((draft) => (
          <li key={draft.id} className="drafts__item">
            <Link to={`/tickets/drafts/${draft.id}`}>{draft.title || t('tickets.drafts.untitled')}</Link>
            <span className="field__hint">{t('tickets.drafts.saved', { time: formatDateTime(draft.updatedAt, i18n.language) })}</span>
            {draft.error && <p className="field__error">{t('tickets.drafts.refused', { message: draft.error.message })}</p>}
            <button type="button" className="button button--small" onClick={() => remove.mutate(draft.id)} aria-label={t('tickets.drafts.deleteNamed', { title: draft.title || t('tickets.drafts.untitled') })}>
              {t('tickets.drafts.delete')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
