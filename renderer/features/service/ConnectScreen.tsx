import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { ServiceStatus } from '../../../shared/contract/service-contract';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Field } from '../../ui/Field';
import { StatusMessage } from '../../ui/StatusMessage';
import { useServiceChoice } from './use-service';

// https, or http on this computer only; main checks it again (assertSafeApiUrl) before saving.
const ConnectFormSchema = z.object({
  url: z
    .string()
    .trim()
    .refine((value) => {
      try {
        const url = new URL(value);
        return url.protocol === 'https:' || (url.protocol === 'http:' && /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/.test(url.hostname));
      } catch {
        return false;
      }
    }),
});
type ConnectForm = z.infer<typeof ConnectFormSchema>;

type Props = { status: ServiceStatus };

/**
 * The first screen when there is no usable service address (issue 14): a first run ("Connect to
 * your support service", with "Try the demo" in builds that carry it), or a saved address that
 * failed, with the reason, which is Settings' connection section on its own.
 */
export function ConnectScreen({ status }: Props) {
  const { t } = useTranslation();
  const { connect, startDemo, dismiss } = useServiceChoice();
  const problem = status.problem;
  const form = useForm<ConnectForm>({ resolver: zodResolver(ConnectFormSchema), defaultValues: { url: problem?.url && problem.url !== 'demo' ? problem.url : '' } });
  const error = form.formState.errors.url;
  const busy = connect.isPending || startDemo.isPending || connect.isSuccess || startDemo.isSuccess;

  return (
    <main id="main" className="sign-in" tabIndex={-1}>
      <div className="sign-in__card">
        <h1 className="sign-in__title">{t(problem ? 'service.problemTitle' : 'service.title')}</h1>
        {problem ? (
          <div className="alert" role="alert">
            <p>{t(`service.problems.${problem.code}`, { url: problem.url })}</p>
            {problem.detail && <p className="alert__detail">{t('service.detail', { detail: problem.detail })}</p>}
          </div>
        ) : (
          <p>{t('service.intro')}</p>
        )}
        <form noValidate onSubmit={(event) => void form.handleSubmit(({ url }) => connect.mutate(url))(event)} aria-label={t('service.formLabel')}>
          <Field id="service-url" label={t('service.url')} hint={t('service.urlHint')} error={error ? t('service.urlInvalid') : undefined}>
            {(control) => <input className="input" type="url" inputMode="url" spellCheck={false} autoComplete="url" placeholder="https://support.example.com/api" {...control} {...form.register('url')} />}
          </Field>
          {connect.isError && <ErrorAlert error={connect.error} />}
          <div className="form__actions">
            <button type="submit" className="button button--primary" disabled={busy}>
              {t('service.connect')}
            </button>
            {problem && problem.code !== 'insecure_url' && (
              <button type="button" className="button" disabled={busy} onClick={() => dismiss.mutate()}>
                {t('service.continueAnyway')}
              </button>
            )}
          </div>
        </form>
        {status.demoAvailable && (
          <section className="sign-in__demo" aria-labelledby="service-demo-title">
            <h2 id="service-demo-title">{t('service.demoTitle')}</h2>
            <p>{t('service.demoHint')}</p>
            {startDemo.isError && <ErrorAlert error={startDemo.error} />}
            <button type="button" className="button" disabled={busy} onClick={() => startDemo.mutate()}>
              {t('service.tryDemo')}
            </button>
          </section>
        )}
        <StatusMessage message={busy ? t('service.starting') : undefined} />
      </div>
    </main>
  );
}
