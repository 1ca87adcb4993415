import type { Database } from 'better-sqlite3';
import type { MyData } from '../../shared/api/privacy';
import type { AccountState } from './account-state';
import { availableCategories } from './categories';
import { recordGoesAt } from './retention';

const LATEST = 50;

/** P5.1: everything held about the person, by category, each with what, why, how long and where. */
export class MyDataService {
  constructor(
    private readonly db: Database,
    private readonly now: () => number,
    private readonly state: AccountState,
  ) {}

  for(userId: string): MyData {
    return {
      generatedAt: new Date(this.now()).toISOString(),
      restricted: this.state.isRestricted(userId),
      categories: availableCategories(this.db).map((category) => {
        const records = category.latest(this.db, userId, LATEST);
        return { ...category.info, count: category.count(this.db, userId), records, goesAt: records.map((record) => recordGoesAt(category.info, record)) };
      }),
    };
  }
}
