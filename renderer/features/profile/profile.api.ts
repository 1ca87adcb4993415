import type { ProfilePatch } from '../../../shared/api/profile';
import { call, support } from '../../app/bridge';

export const profileApi = {
  get: () => call(support().profile.get()),
  update: (patch: ProfilePatch) => call(support().profile.update(patch)),
};
