import type { RendererErrorReport } from '../../../shared/contract/logs-contract';
import { AppError } from '../../../shared/errors';
import { redactor, type LogSink } from './log';
import { newestLogFile, tailOfLog, type LogProcess } from './log-files';

export interface LogsServiceDeps {
  folder: string;
  /** This process's own log file name: main in the app, preview in the browser preview. */
  mainProcess: LogProcess;
  /** renderer.log; entries are redacted before they reach it. */
  rendererSink: LogSink;
  /** Electron's shell.openPath; absent in the preview. */
  openPath?: ((path: string) => Promise<void>) | undefined;
  now?: () => number;
}

const REPORTS_PER_MINUTE = 30;

/** The renderer's errors into renderer.log, the log folder for Settings, the log's tail for diagnostics (issue 14). */
export class LogsService {
  private window = { start: 0, count: 0, dropped: 0 };

  constructor(private readonly deps: LogsServiceDeps) {}

  /** A window that throws in a loop must not fill the disk: at most 30 a minute, the rest counted. */
  report(report: RendererErrorReport): void {
    const now = (this.deps.now ?? Date.now)();
    if (now - this.window.start >= 60_000) {
      if (this.window.dropped) this.deps.rendererSink.write('warn', `${this.window.dropped} more window errors were not logged (limit ${REPORTS_PER_MINUTE} a minute)`, undefined);
      this.window = { start: now, count: 0, dropped: 0 };
    }
    if (++this.window.count > REPORTS_PER_MINUTE) {
      this.window.dropped++;
      return;
    }
    const context = redactor.value({ kind: report.kind, ...(report.stack ? { stack: report.stack } : {}), ...(report.route ? { route: report.route.split('?')[0] } : {}) }) as Record<string, unknown>;
    this.deps.rendererSink.write('error', redactor.text(report.message), context);
  }

  info(): { folder: string; canOpen: boolean } {
    return { folder: this.deps.folder, canOpen: Boolean(this.deps.openPath) };
  }

  async openFolder(): Promise<void> {
    await this.open(this.deps.folder);
  }

  async show(): Promise<void> {
    const file = newestLogFile(this.deps.folder, this.deps.mainProcess);
    if (!file) throw new AppError('not_found', 'Nothing has been logged yet.');
    await this.open(file);
  }

  /** The newest lines of this process's log, for the diagnostics bundle the user reads before attaching it. */
  tail(lines = 200): string[] {
    return tailOfLog(this.deps.folder, this.deps.mainProcess, lines);
  }

  private async open(path: string): Promise<void> {
    if (!this.deps.openPath) throw new AppError('forbidden', `Opening files needs the desktop app. The logs are in ${this.deps.folder}.`);
    await this.deps.openPath(path);
  }
}
