import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { libraryLabel } from '../../../shared/docs-search-location';
import { ticketsApi } from './tickets.api';
import { TICKETS_KEY } from './use-tickets';

const PAUSE_MS = 300;

/**
 * While the title is typed: topics of the documentation on this computer that may already answer
 * it (deflection). Searched after a pause in typing; opening one keeps the draft (it is saved).
 */
export function TopicSuggestions({ title }: { title: string }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState(title.trim());
  useEffect(() => {
    const timer = setTimeout(() => setQuery(title.trim()), PAUSE_MS);
    return () => clearTimeout(timer);
  }, [title]);
  const suggestions = useQuery({
    queryKey: [...TICKETS_KEY, 'suggest', query],
    queryFn: () => ticketsApi.suggestTopics(query),
    enabled: query.length >= 3,
    staleTime: 60_000,
  });
  if (!suggestions.data?.length) return null;
  return (
    <aside className="suggestions" aria-labelledby="ticket-suggestions-title">
      <h2 id="ticket-suggestions-title" className="suggestions__title">
        {t('tickets.suggest.title')}
      </h2>
      <ul>
        {suggestions.data.map((topic) => (
          <li key={`${topic.library}/${topic.topicId}`}>
            <Link to={`/docs/read/${encodeURIComponent(topic.library)}/${encodeURIComponent(topic.topicId)}`}>{topic.title}</Link>{' '}
            <span className="field__hint">{libraryLabel(topic.libraryTitle, topic.version)}</span>
            {topic.snippet && <p className="field__hint">{topic.snippet}</p>}
          </li>
        ))}
      </ul>
    </aside>
  );
}
