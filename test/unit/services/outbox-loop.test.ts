import { describe, expect, it } from 'vitest';
import { OutboxLoop } from '../../../main/services/outbox-loop';

describe('OutboxLoop (issue 19: no background task may end the process)', () => {
  it('a run that throws (the local database answered SQLITE_CORRUPT) is reported, and the flush resolves instead of rejecting unhandled', async () => {
    const corrupt = Object.assign(new Error('database disk image is malformed'), { code: 'SQLITE_CORRUPT' });
    const reported: unknown[] = [];
    const loop = new OutboxLoop(
      async () => {
        throw corrupt;
      },
      () => undefined,
      (error) => reported.push(error),
    );
    await expect(loop.flush()).resolves.toBeUndefined();
    expect(reported).toEqual([corrupt]);
    // The loop is free again: the next flush runs (and is reported) rather than waiting on a dead run.
    await loop.flush({ ignoreBackoff: true });
    expect(reported).toHaveLength(2);
  });
});
