import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TopicView } from '../../../shared/contract/docs-contract';

/** "This topic in version X": links to the same topic in the other installed versions of the product. */
export function TopicVersions({ versions }: { versions: TopicView['otherVersions'] }) {
  const { t } = useTranslation();
  if (versions.length === 0) return null;
  return (
    <nav className="docs-reader__versions" aria-label={t('docs.versions.label')}>
      <span>{t('docs.versions.label')}</span>
      <ul>
        {versions.map((v) => (
          <li key={v.library}>
            <Link to={`/docs/read/${encodeURIComponent(v.library)}/${encodeURIComponent(v.topicId)}`}>{t('docs.versions.version', { version: v.version })}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
