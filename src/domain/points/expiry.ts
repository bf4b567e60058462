import { ConflictError } from '../../errors.js';
import { recordAudit } from '../audit.js';
import { inTransaction, type Ctx } from '../context.js';
import { getSetting } from '../settings.js';
import { happenedDate } from '../text/dates.js';
import { appendEntry } from './ledger.js';

export type Expiry = { workerId: number; year: number; points: number; entryId: number | null };

/**
 * Expires points under the configured policy (`points.expiry`):
 * end_of_following_year — points earned in year Y expire after 31 December Y+1.
 * Spending and other debits use the oldest points first (FIFO), so only what
 * is left of old credits expires; one entry per worker and earning year,
 * oldest first. Running it again expires nothing more.
 */
export async function expirePoints(ctx: Ctx, input: { asOf: string; dryRun?: boolean }): Promise<Expiry[]> {
  const asOf = happenedDate(input.asOf, 'as-of', ctx.clock.today());
  const policy = await getSetting(ctx.db, 'points.expiry');
  if (policy === 'off') throw new ConflictError({ key: 'points.expiry_off', hintKey: 'points.expiry_off.hint' });
  const run = async (write: boolean): Promise<Expiry[]> =>
    inTransaction(ctx, async (trx) => {
      const entries = await trx
        .selectFrom('point_entries as e')
        .innerJoin('point_balances as b', 'b.worker_id', 'e.worker_id')
        .select(['e.worker_id', 'e.points', 'e.business_date'])
        .where('b.balance', '>', 0)
        .orderBy('e.worker_id')
        .orderBy('e.business_date')
        .orderBy('e.id')
        .execute();
      const due: Expiry[] = [];
      const byWorker = new Map<number, { points: number; business_date: string }[]>();
      for (const e of entries) {
        const list = byWorker.get(e.worker_id);
        if (list) list.push(e);
        else byWorker.set(e.worker_id, [e]);
      }
      for (const [workerId, list] of byWorker) {
        // Stryker disable next-line EqualityOperator: equivalent as <= — an entry of 0 points moves nothing
        let debits = -list.filter((e) => e.points < 0).reduce((s, e) => s + e.points, 0);
        const remainingByYear = new Map<number, number>();
        // Stryker disable next-line EqualityOperator: equivalent as >= — an entry of 0 points moves nothing
        for (const credit of list.filter((e) => e.points > 0)) {
          const used = Math.min(debits, credit.points);
          debits -= used;
          const year = Number(credit.business_date.slice(0, 4));
          if (credit.points - used > 0) remainingByYear.set(year, (remainingByYear.get(year) ?? 0) + credit.points - used);
        }
        // Oldest year first: credits arrive by business date, so the map's years are in order.
        for (const [year, points] of remainingByYear) {
          if (asOf <= `${year + 1}-12-31`) continue;
          const entry = write
            ? await appendEntry(trx, ctx, { workerId, kind: 'expire', points: -points, businessDate: asOf, note: `expired: points earned in ${year}`, reason: policy })
            : null;
          due.push({ workerId, year, points, entryId: entry?.id ?? null });
        }
      }
      if (write && due.length)
        await recordAudit(trx, ctx, { action: 'expire', entity: 'points', entityKey: asOf, detail: { entries: due.length, points: due.reduce((s, d) => s + d.points, 0) } });
      return due;
    });
  return run(!input.dryRun);
}
