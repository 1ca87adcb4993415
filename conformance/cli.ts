import { parseArgs } from 'node:util';
import { formatTable } from './report';
import { ALL_CHECKS, runConformance } from './run-conformance';
import { readUsersFile } from './users';

const USAGE = `Usage: npm run conformance -- --api <url> [--users <file>] [--only <prefix>[,<prefix>]] [--list]

Runs the Support API contract's behaviour against the API at <url> and prints a table of checks.
Exits 1 when a check fails, 2 on a usage error.
  --users  JSON with owner, otherUser, otherCompany, companyAdmin, adminColleague and optionally
           throwaway (each {email, password}); default: the reference API's demo users, no throwaway
  --only   run only the checks whose id starts with one of these (oauth, idempotency, feed.paging, ...)
  --list   list the checks and exit`;

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ options: { api: { type: 'string' }, users: { type: 'string' }, only: { type: 'string' }, list: { type: 'boolean' }, help: { type: 'boolean' } } }));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) return void console.log(USAGE), 0;
  if (values.list) return void console.log(ALL_CHECKS.map((check) => `${check.id}  ${check.title}`).join('\n')), 0;
  if (!values.api || !URL.canParse(values.api)) {
    console.error(`--api must be the API's base URL, such as http://127.0.0.1:4010.\n\n${USAGE}`);
    return 2;
  }
  const users = values.users ? readUsersFile(values.users) : undefined;
  const only = values.only?.split(',').map((s) => s.trim()).filter(Boolean);
  console.log(`Checking ${values.api} against the Support API contract${only ? ` (only ${only.join(', ')})` : ''}...`);
  const results = await runConformance({ apiUrl: values.api, ...(users ? { users } : {}), ...(only ? { only } : {}), onResult: (r) => process.stderr.write(r.status === 'failed' ? 'F' : '.') });
  process.stderr.write('\n');
  console.log(formatTable(results));
  return results.some((r) => r.status === 'failed') || results.length === 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 2;
  },
);
