import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { StatusMessage } from '../../ui/StatusMessage';
import { docsApi } from './docs.api';
import { newRequestPath, TICKETS_AVAILABLE } from './service-request';
import { useDocsMutation } from './use-docs';

type Props = { library: string; topicId: string; online: boolean };

/**
 * "Was this helpful?" with an optional comment, kept against the user so the vendor can reply (P2.1).
 * Offline it is still sent: main keeps it on this computer and delivers it once the service answers.
 */
export function TopicFeedback({ library, topicId, online }: Props) {
  const { t } = useTranslation();
  const [helpful, setHelpful] = useState<boolean | null>(null);
  const [comment, setComment] = useState('');
  const send = useDocsMutation(docsApi.feedback);

  return (
    <section className="docs-feedback" aria-labelledby="docs-feedback-title">
      <h2 id="docs-feedback-title" className="docs-feedback__title">{t('docs.feedback.question')}</h2>
      <div className="form__actions">
        <button type="button" className="button button--small" aria-pressed={helpful === true} onClick={() => setHelpful(true)}>
          {t('docs.feedback.yes')}
        </button>
        <button type="button" className="button button--small" aria-pressed={helpful === false} onClick={() => setHelpful(false)}>
          {t('docs.feedback.no')}
        </button>
        {TICKETS_AVAILABLE && (
          <Link className="button button--small" to={newRequestPath({ library, topicId })}>
            {t('docs.feedback.didNotHelp')}
          </Link>
        )}
      </div>
      {helpful !== null && !send.isSuccess && (
        <form
          className="form"
          onSubmit={(event) => {
            event.preventDefault();
            send.mutate({ library, topicId, helpful, comment });
          }}
        >
          <div className="field">
            <label htmlFor="docs-feedback-comment">{t('docs.feedback.comment')}</label>
            <textarea id="docs-feedback-comment" className="input" maxLength={2000} rows={3} value={comment} onChange={(e) => setComment(e.target.value)} />
            <p className="field__hint">{t('docs.feedback.privacy')}</p>
          </div>
          <div className="form__actions">
            <button type="submit" className="button button--primary" disabled={send.isPending}>
              {t('docs.feedback.send')}
            </button>
          </div>
          {!online && <p className="field__hint">{t('docs.feedback.offline')}</p>}
        </form>
      )}
      {send.isError && <ErrorAlert error={send.error} title={t('docs.feedback.failed')} />}
      <StatusMessage message={send.data ? t(send.data.state === 'sent' ? 'docs.feedback.thanks' : 'docs.feedback.saved') : undefined} />
    </section>
  );
}
