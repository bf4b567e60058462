import { cellOf, type HeaderAliases } from '../../import/headers.js';
import { RowRejection, type RowParser } from '../../import/parse-records.js';
import { validPhone, validateWorker, WorkerProblem, type WorkerColumns, type WorkerInput } from './validate.js';

export type RosterField = 'name' | 'phone' | 'id_number' | 'gender' | 'occupation' | 'platform' | 'site' | 'community' | 'subdistrict' | 'joined_on' | 'note';

export const ROSTER_HEADERS: HeaderAliases<RosterField> = {
  name: ['姓名', '名字'],
  phone: ['手机号码', '手机号', '联系电话', '电话', '手机', 'mobile'],
  id_number: ['身份证号', '身份证号码', '身份证', 'id', 'idnumber'],
  gender: ['性别', 'sex'],
  occupation: ['从业类型', '职业', '岗位', '工种'],
  platform: ['所属平台', '平台', '所属企业', '企业'],
  site: ['所属站点', '站点', '网点', '营业部'],
  community: ['居住社区', '所在社区', '社区'],
  subdistrict: ['所属街道', '街道', '乡镇街道'],
  joined_on: ['入职日期', '加入日期', '入职时间', 'joined'],
  note: ['备注', 'notes'],
};

const INPUT_OF: Record<RosterField, keyof WorkerInput> = {
  name: 'name',
  phone: 'phone',
  id_number: 'idNumber',
  gender: 'gender',
  occupation: 'occupation',
  platform: 'platform',
  site: 'site',
  community: 'community',
  subdistrict: 'subdistrict',
  joined_on: 'joinedOn',
  note: 'note',
};

export type RosterRow = { phone: string; columns: WorkerColumns };

export type RosterParseOptions = { today: string; communities: [string, number][]; blankClears?: boolean };

/**
 * Reads and validates one roster row. Pure (plain data in, plain data out), so
 * it can run in a worker thread while the main thread writes earlier rows.
 */
export function rosterParser(options: RosterParseOptions): RowParser<RosterField, RosterRow> {
  const communities = new Map(options.communities);
  const fields = Object.keys(INPUT_OF) as RosterField[];
  return {
    aliases: ROSTER_HEADERS,
    dateFields: ['joined_on'],
    required: ['name', 'phone', 'occupation'],
    parse(map, cells) {
      const input: WorkerInput = {};
      for (const field of fields) {
        // An absent cell leaves the field undefined: not given.
        input[INPUT_OF[field]] = cellOf(map, cells, field);
      }
      try {
        const phone = validPhone(input.phone);
        return { phone, columns: validateWorker(input, { today: options.today, communities, blankClears: options.blankClears, requireCore: true }) };
      } catch (error) {
        // Stryker disable next-line ConditionalExpression: equivalent — validPhone and validateWorker throw nothing but a WorkerProblem
        if (error instanceof WorkerProblem) throw new RowRejection(error.problem);
        throw error;
      }
    },
    // A number key: a million-row file's duplicate check stays small in memory.
    keyOf: (value) => Number(value.phone),
    keyField: () => 'phone',
    // Only an ID number can still be refused when written (it may belong to someone else).
    mayBeRefused: (value) => Boolean(value.columns.id_number),
  };
}
