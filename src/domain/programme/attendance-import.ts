import { NuanxinError } from '../../errors.js';
import { cellOf, type HeaderAliases } from '../../import/headers.js';
import { RowRejection, type RowParser } from '../../import/parse-records.js';
import type { ImportPlan } from '../imports/run.js';
import type { Ctx } from '../context.js';
import { validPhone, WorkerProblem } from '../workers/validate.js';
import { attendIn } from './events.js';

type Field = 'phone' | 'name';

const HEADERS: HeaderAliases<Field> = { phone: ['手机号码', '手机号', '联系电话', '电话'], name: ['姓名', '签到人'] };

/** A sign-in sheet: one phone per row (names are accepted and not needed). */
export const attendanceRowParser: RowParser<Field, { phone: string }> = {
  aliases: HEADERS,
  required: ['phone'],
  parse(map, cells) {
    try {
      return { phone: validPhone(cellOf(map, cells, 'phone')) };
    } catch (error) {
      // Stryker disable next-line ConditionalExpression: validPhone throws nothing else
      if (error instanceof WorkerProblem) throw new RowRejection(error.problem);
      throw error;
    }
  },
  keyOf: (row) => row.phone,
  keyField: () => 'phone',
};

export function attendanceImportPlan(ctx: Ctx, eventId: number, options: { overCapacity?: boolean }): ImportPlan<{ phone: string }> {
  return {
    // Per event: the same sheet may not be imported twice for one event.
    kind: `attendance:${eventId}`,
    // Stryker disable next-line ArrayDeclaration,StringLiteral: locked on PostgreSQL only (SQLite's write lock is the whole file)
    tables: ['event_attendance'],
    async apply(trx, row, importId) {
      try {
        return (await attendIn(trx, ctx, eventId, row.phone, { overCapacity: options.overCapacity, importId })) === 'attended' ? 'inserted' : 'unchanged';
      } catch (error) {
        if (error instanceof NuanxinError && error.kind !== 'unavailable') throw new RowRejection({ key: error.key, params: error.params, terms: error.terms });
        throw error;
      }
    },
  };
}
