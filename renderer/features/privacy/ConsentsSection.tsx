import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONSENT_KINDS, type ConsentKind } from '../../../shared/api/privacy';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDateTime } from './format';
import { useConsents, useRecommendations, useSetConsent } from './use-privacy';

/** P2.4, P2.6, P5.5: consent switches that act at once, with every change kept as a receipt. */
export function ConsentsSection() {
  const { t, i18n } = useTranslation();
  const consents = useConsents();
  const setConsent = useSetConsent();
  const recommendations = useRecommendations();

  const [pending, setPending] = useState<{ kind: ConsentKind; granted: boolean }>();
  const toggle = (kind: ConsentKind, granted: boolean) => {
    setPending({ kind, granted });
    setConsent.mutate({ kind, granted }, { onSettled: () => setPending(undefined) });
  };

  return (
    <div>
      <h2>{t('privacy.consents.title')}</h2>
      <p>{t('privacy.consents.intro')}</p>
      {consents.isError && <ErrorAlert error={consents.error} title={t('privacy.loadFailed')} onRetry={() => void consents.refetch()} />}
      {setConsent.isError && <ErrorAlert error={setConsent.error} title={t('privacy.consents.saveFailed')} />}
      {consents.data && (
        <ul className="privacy__switches">
          {CONSENT_KINDS.map((kind) => (
            <li key={kind} className="privacy__switch">
              <input
                id={`consent-${kind}`}
                type="checkbox"
                role="switch"
                aria-describedby={`consent-${kind}-hint`}
                // Shows the choice at once while it is saved; a failure puts the stored value back.
                checked={pending?.kind === kind ? pending.granted : consents.data.values[kind]}
                disabled={setConsent.isPending}
                onChange={(event) => toggle(kind, event.target.checked)}
              />
              <label htmlFor={`consent-${kind}`}>{t(`privacy.consents.kinds.${kind}`)}</label>
              <p id={`consent-${kind}-hint`} className="field__hint">
                {t(`privacy.consents.hints.${kind}`)}
              </p>
            </li>
          ))}
        </ul>
      )}

      <h3>{t('privacy.consents.recommendations')}</h3>
      {recommendations.data &&
        (recommendations.data.status === 'on' ? (
          <ul>
            {recommendations.data.items.map((item) => (
              <li key={item.id}>
                {item.title} <span className="field__hint">({t(`privacy.consents.basedOn.${item.basedOn}`)})</span>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t(`privacy.consents.recommendationsOff.${recommendations.data.status}`)}</p>
        ))}

      <h3>{t('privacy.consents.receipts')}</h3>
      {consents.data && consents.data.receipts.length === 0 && <p>{t('privacy.consents.noReceipts')}</p>}
      {consents.data && consents.data.receipts.length > 0 && (
        <table className="privacy__table">
          <caption className="privacy__sr-only">{t('privacy.consents.receipts')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('privacy.consents.when')}</th>
              <th scope="col">{t('privacy.consents.consent')}</th>
              <th scope="col">{t('privacy.consents.change')}</th>
              <th scope="col">{t('privacy.consents.policyVersion')}</th>
            </tr>
          </thead>
          <tbody>
            {consents.data.receipts.map((receipt) => (
              <tr key={receipt.id}>
                <td>{formatDateTime(receipt.at, i18n.language)}</td>
                <td>{t(`privacy.consents.kinds.${receipt.kind}`)}</td>
                <td>
                  {t('privacy.consents.fromTo', {
                    from: t(receipt.oldValue ? 'privacy.consents.on' : 'privacy.consents.off'),
                    to: t(receipt.newValue ? 'privacy.consents.on' : 'privacy.consents.off'),
                  })}
                </td>
                <td>{receipt.policyVersion}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
