import { call, support } from '../../app/bridge';

export const appInfoApi = {
  info: () => call(support().app.info()),
};
