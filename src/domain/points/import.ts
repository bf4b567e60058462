import { NuanxinError } from '../../errors.js';
import { cellOf, type HeaderAliases } from '../../import/headers.js';
import { RowRejection, type RowParser } from '../../import/parse-records.js';
import type { ImportPlan } from '../imports/run.js';
import type { Ctx } from '../context.js';
import { EARLIEST_BUSINESS_DATE, parseDate } from '../text/dates.js';
import { normalizeText, optionalText } from '../text/normalize.js';
import { validPhone, WorkerProblem } from '../workers/validate.js';
import { awardIn } from './operations.js';

type Field = 'phone' | 'rule' | 'date' | 'note' | 'ref' | 'name';

export const AWARD_HEADERS: HeaderAliases<Field> = {
  phone: ['手机号码', '手机号', '联系电话', '电话'],
  rule: ['积分规则', '规则', '服务项目', '项目', 'rule_code'],
  date: ['日期', '服务日期', '业务日期', 'business_date'],
  note: ['备注', '说明'],
  ref: ['编号', '外部编号', '单号', '参考号', '流水号', 'reference'],
  // Accepted so a sheet with names raises no warning; the phone identifies the worker.
  name: ['姓名'],
};

type Row = { phone: string; rule: string; date?: string; note?: string; ref?: string };

export function awardRowParser(today: string): RowParser<Field, Row> {
  return {
    aliases: AWARD_HEADERS,
    dateFields: ['date'],
    required: ['phone', 'rule'],
    parse(map, cells) {
      let phone: string;
      try {
        phone = validPhone(cellOf(map, cells, 'phone'));
      } catch (error) {
        // Stryker disable next-line ConditionalExpression: equivalent — validPhone throws nothing but a WorkerProblem
        if (error instanceof WorkerProblem) throw new RowRejection(error.problem);
        throw error;
      }
      const rule = normalizeText(cellOf(map, cells, 'rule'));
      if (!rule) throw new RowRejection({ key: 'reject.required', params: { field: 'rule' } });
      const rawDate = optionalText(cellOf(map, cells, 'date'));
      const date = rawDate === undefined ? undefined : parseDate(rawDate);
      if (date === null) throw new RowRejection({ key: 'reject.date', params: { field: 'date', value: rawDate } });
      if (date && date > today) throw new RowRejection({ key: 'invalid.future_date', params: { field: 'date', value: date } });
      if (date && date < EARLIEST_BUSINESS_DATE) throw new RowRejection({ key: 'invalid.date_early', params: { field: 'date', value: date, min: EARLIEST_BUSINESS_DATE } });
      return { phone, rule, date, note: optionalText(cellOf(map, cells, 'note')), ref: optionalText(cellOf(map, cells, 'ref')) };
    },
    keyOf: (row) => row.ref,
    keyField: () => 'ref',
  };
}

/** Bulk awards: each row is an award with every rule of `points award` (caps, inactive workers, refs). */
export function awardImportPlan(ctx: Ctx): ImportPlan<Row> {
  return {
    kind: 'points',
    tables: ['point_entries', 'point_balances', 'point_daily'],
    async apply(trx, row, importId): Promise<'inserted'> {
      try {
        await awardIn(trx, ctx, { worker: row.phone, rule: row.rule, date: row.date, note: row.note, ref: row.ref, importId, dedupe: true });
        return 'inserted';
      } catch (error) {
        if (error instanceof NuanxinError && error.kind !== 'unavailable') throw new RowRejection({ key: error.key, params: error.params, terms: error.terms });
        throw error;
      }
    },
  };
}
