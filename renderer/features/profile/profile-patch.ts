import { EDITABLE_PROFILE_FIELDS, type Profile, type ProfilePatch } from '../../../shared/api/profile';

export type ProfileFields = Pick<Profile, (typeof EDITABLE_PROFILE_FIELDS)[number]>;
export type ProfileField = keyof ProfileFields;

/** Only what the user changed, so a save never overwrites a field someone else edited meanwhile. */
export function profilePatch(before: ProfileFields, after: ProfileFields): ProfilePatch {
  const patch: ProfilePatch = {};
  for (const field of EDITABLE_PROFILE_FIELDS) {
    if (after[field] !== before[field]) patch[field] = after[field];
  }
  return patch;
}

export function isProfileField(name: string): name is ProfileField {
  return (EDITABLE_PROFILE_FIELDS as string[]).includes(name);
}
