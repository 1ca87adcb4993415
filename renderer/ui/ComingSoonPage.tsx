import { useTranslation } from 'react-i18next';

type Props = { feature: 'docs' | 'software' | 'tickets' | 'privacy' };

/** Says plainly what the section will do and that it is not there yet, instead of an empty page. */
export function ComingSoonPage({ feature }: Props) {
  const { t } = useTranslation();
  return (
    <section className="page">
      <h1>{t(`placeholder.${feature}.title`)}</h1>
      <p>{t(`placeholder.${feature}.body`)}</p>
      <div className="notice">
        <h2 className="notice__title">{t('placeholder.notYet')}</h2>
        <p>{t('placeholder.notYetBody')}</p>
      </div>
    </section>
  );
}
