import { NuanxinError } from '../../errors.js';
import { cellOf, type HeaderAliases } from '../../import/headers.js';
import { RowRejection, type RowParser } from '../../import/parse-records.js';
import type { ImportPlan } from '../imports/run.js';
import type { Ctx } from '../context.js';
import { normalizeText, optionalText } from '../text/normalize.js';
import { parseMobile } from '../workers/fields.js';
import { insertWishIn, type WishInput } from './write.js';

type Field = 'title' | 'category' | 'worker' | 'site' | 'detail' | 'estimate' | 'source' | 'collected_on' | 'station' | 'community' | 'name';

export const WISH_HEADERS: HeaderAliases<Field> = {
  title: ['心愿', '心愿内容', '微心愿', '标题'],
  category: ['类别', '心愿类别', '分类'],
  worker: ['手机号码', '手机号', '联系电话', 'phone'],
  site: ['集体', '站点', '网点', '单位', '集体名称'],
  detail: ['详情', '说明', '具体需求'],
  estimate: ['预估金额', '预算', '金额', '预估金额(元)', 'estimate_yuan'],
  source: ['来源', '收集方式'],
  collected_on: ['收集日期', '日期', 'collected'],
  station: ['驿站编号', '驿站'],
  community: ['社区', '所属社区', '所在社区'],
  // Accepted so a sheet with names raises no warning; the phone identifies the worker.
  name: ['姓名'],
};

/** Reads one wish row; the key (who + what) keeps a re-saved sheet from adding the wish twice. */
export const wishRowParser: RowParser<Field, WishInput & { key: string }> = {
  aliases: WISH_HEADERS,
  dateFields: ['collected_on'],
  required: ['title', 'category'],
  parse(map, cells) {
    const get = (f: Field) => optionalText(cellOf(map, cells, f));
    const title = get('title');
    if (!title) throw new RowRejection({ key: 'reject.required', params: { field: 'title' } });
    const rawPhone = get('worker');
    let worker: string | undefined;
    if (rawPhone) {
      const phone = parseMobile(rawPhone);
      if (!phone.ok) throw new RowRejection({ key: phone.excel ? 'reject.phone_excel' : 'reject.phone', params: { value: phone.value } });
      worker = phone.phone;
    }
    const site = get('site');
    return {
      title,
      category: get('category') ?? '',
      worker,
      site,
      detail: get('detail'),
      estimate: get('estimate'),
      source: get('source'),
      collectedOn: get('collected_on'),
      station: get('station'),
      community: get('community'),
      key: `${worker ?? site ?? ''}\u0000${normalizeText(title)}`,
    };
  },
  keyOf: (row) => row.key,
  keyField: () => 'title',
};

/** Bulk collection: each row a new `collected` wish; the same who + what already on file is unchanged. */
export function wishImportPlan(ctx: Ctx): ImportPlan<WishInput & { key: string }> {
  return {
    kind: 'wishes',
    tables: ['wishes', 'wish_events'],
    async apply(trx, row, importId) {
      try {
        let existing = trx.selectFrom('wishes as w').leftJoin('workers as k', 'k.id', 'w.worker_id').select('w.id').where('w.title', '=', normalizeText(row.title));
        // Stryker disable next-line StringLiteral: equivalent — a row with neither worker nor site matches nothing and is refused below
        existing = row.worker ? existing.where('k.phone', '=', row.worker) : existing.where('w.site', '=', row.site ?? '');
        if (await existing.executeTakeFirst()) return 'unchanged';
        await insertWishIn(trx, ctx, row, importId);
        return 'inserted';
      } catch (error) {
        if (error instanceof NuanxinError && error.kind !== 'unavailable') throw new RowRejection({ key: error.key, params: error.params, terms: error.terms });
        throw error;
      }
    },
  };
}
