import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { EventPayload } from '../../../shared/contract';
import { Toasts, useToastQueue } from '../../ui/Toasts';
import { docsApi } from './docs.api';

/**
 * Feedback written offline is sent later, when the user may be elsewhere in the app: if the service
 * refuses it then, say so wherever they are (P2.1), with the service's reason and the page it was about.
 */
export function FeedbackRefusedNotices() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { items, push, dismiss } = useToastQueue<EventPayload<'docs.onFeedbackRefused'>>();

  useEffect(() => {
    const off = docsApi.onFeedbackRefused((refusal) => push(refusal));
    return () => void off();
  }, [push]);

  const toasts = items.map((refusal) => ({
    key: refusal.key,
    text: t('docs.feedback.refused', { library: refusal.library, message: refusal.message }),
    action: { label: t('docs.feedback.openPage'), run: () => void navigate(`/docs/read/${refusal.library}/${refusal.topicId}`) },
    dismissLabel: t('docs.feedback.dismiss'),
  }));
  return <Toasts label={t('docs.feedback.region')} toasts={toasts} onDismiss={dismiss} urgency="assertive" />;
}
