import type { Database } from 'better-sqlite3';
import { accountCategory } from './account';
import type { CategoryProvider } from './category-provider';
import { consentsCategory } from './consents';
import { devicesCategory } from './devices';
import { feedbackCategory } from './feedback';
import { identityCategory } from './identity';
import { policyCategory } from './policy';
import { rightsRequestsCategory } from './rights-requests';
import { serviceRequestsCategory } from './service-requests';
import { signInHistoryCategory } from './sign-in-history';
import { softwareCategory } from './software';

/** Every category of personal data, in the order the My data screen shows them. Identity goes last in erasure. */
export const CATEGORIES: readonly CategoryProvider[] = [
  identityCategory,
  accountCategory,
  serviceRequestsCategory,
  softwareCategory,
  feedbackCategory,
  devicesCategory,
  consentsCategory,
  signInHistoryCategory,
  rightsRequestsCategory,
  policyCategory,
];

export const availableCategories = (db: Database) => CATEGORIES.filter((category) => category.available(db));
