import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { reportError } from '../features/logs/report-errors';

type Props = { children: ReactNode };
type State = { failed: boolean };

/** Keeps a crash in one page from blanking the whole window (header and nav stay usable). */
export class RouteErrorBoundary extends Component<Props, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // Into main's renderer log through the bridge (issue 14), with the component stack.
    reportError('boundary', error instanceof Error ? Object.assign(new Error(error.message), { name: error.name, stack: `${error.stack ?? ''}\n${info.componentStack ?? ''}` }) : error);
  }

  override render(): ReactNode {
    return this.state.failed ? <CrashMessage /> : this.props.children;
  }
}

function CrashMessage() {
  const { t } = useTranslation();
  return (
    <section className="page" role="alert">
      <h1>{t('errors.title')}</h1>
      <p>{t('errors.boundary')}</p>
      <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
        {t('errors.reload')}
      </button>
    </section>
  );
}
