import { readFileSync } from 'node:fs';
import { z } from 'zod';

const Credentials = z.strictObject({ email: z.string().min(1), password: z.string().min(1) });

/**
 * Who the kit signs in as. The authorization matrix needs an owner, another user of the owner's
 * company, a user of another company, and a company admin with a colleague whose requests the admin
 * may read. `throwaway` is erased at the end (the erasure check runs only when it is given).
 */
export const UsersFileSchema = z.strictObject({
  owner: Credentials,
  otherUser: Credentials.meta({ description: "Same company as the owner, not an admin." }),
  otherCompany: Credentials,
  companyAdmin: Credentials,
  adminColleague: Credentials.meta({ description: "A non-admin user of the company admin's company." }),
  throwaway: Credentials.optional(),
});
export type ConformanceUsers = z.infer<typeof UsersFileSchema>;
export type Role = Exclude<keyof ConformanceUsers, 'throwaway'> | 'throwaway';

/**
 * The reference API's demo seed (server/db/seed-demo.ts; a test keeps the two equal): Alice and
 * Bernd of Northwind, Chen (Contoso's company admin) and Li of Contoso. No throwaway: erasing a demo
 * user of a server someone uses would destroy their demo, so that check asks for a users file.
 */
export const DEMO_USERS_FILE: ConformanceUsers = {
  owner: { email: 'alice@northwind.example', password: 'support-demo-2026' },
  otherUser: { email: 'bernd@northwind.example', password: 'support-demo-2026-bernd' },
  otherCompany: { email: 'chen.wei@contoso.example', password: 'support-demo-2026-chen' },
  companyAdmin: { email: 'chen.wei@contoso.example', password: 'support-demo-2026-chen' },
  adminColleague: { email: 'li.na@contoso.example', password: 'support-demo-2026-li' },
};

export function readUsersFile(path: string): ConformanceUsers {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read the users file ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = UsersFileSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`The users file ${path} is not valid: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`).join('; ')}`);
  return parsed.data;
}
