import { ProfileSchema, type Profile, type ProfilePatch } from '../../../shared/api';
import type { ApiClient } from '../api/api-client';

/** The signed-in user's own profile on the support service (P5.1 see it, P5.2 correct it). */
export class ProfileService {
  constructor(
    private readonly api: ApiClient,
    private readonly onChanged: (profile: Profile) => Promise<void> | void,
  ) {}

  get(): Promise<Profile> {
    return this.api.request({ method: 'GET', path: '/me', schema: ProfileSchema });
  }

  async update(patch: ProfilePatch): Promise<Profile> {
    const profile = await this.api.request({ method: 'PATCH', path: '/me', schema: ProfileSchema, body: patch });
    await this.onChanged(profile);
    return profile;
  }
}
