import type { RendererErrorReport } from '../../../shared/contract/logs-contract';
import { call, support } from '../../app/bridge';

export const logsApi = {
  report: (report: RendererErrorReport) => call(support().logs.report(report)),
  info: () => call(support().logs.info()),
  openFolder: () => call(support().logs.openFolder()),
  show: () => call(support().logs.show()),
};
