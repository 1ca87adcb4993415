import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { CategoryCard } from './CategoryCard';
import { useMyData } from './use-privacy';

/** P5.1: everything the service holds, by category; P5.2: correct it on the profile page. */
export function MyDataSection() {
  const { t } = useTranslation();
  const data = useMyData();
  return (
    <div>
      <h2 className="privacy__sr-only">{t('privacy.sections.data')}</h2>
      <p>
        {t('privacy.myData.intro')} <Link to="/profile">{t('privacy.myData.correct')}</Link>
      </p>
      {data.isPending && <p>{t('app.loading')}</p>}
      {data.isError && <ErrorAlert error={data.error} title={t('privacy.loadFailed')} onRetry={() => void data.refetch()} />}
      {data.data?.restricted && <p className="notice">{t('privacy.myData.restricted')}</p>}
      {data.data?.categories.map((category) => <CategoryCard key={category.id} category={category} />)}
    </div>
  );
}
