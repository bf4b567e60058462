// The weekly and programme JSON outputs against their published schemas (docs/schema/).
// Every such output in the suite is checked by the helpers (test/helpers/contract.ts);
// here: the schemas cover every strand, the check is not blind, and a real district holds.
import { describe, expect, it } from 'vitest';
import { OTHER_AREAS } from '../../src/domain/reports/weekly.js';
import { ACTIONS } from '../../src/domain/reports/programme.js';
import { freshCli } from '../helpers/cli.js';
import { contractErrors, schemaOf } from '../helpers/contract.js';

async function district() {
  const fresh = await freshCli({ NUANXIN_NOW: '2026-11-25T02:00:00Z' });
  const ok = async (argv: string[]) => {
    const r = await fresh.cli(argv);
    if (r.code !== 0) throw new Error(`${argv.join(' ')}: ${r.stderr}`);
  };
  await ok(['community', 'add', '夹马营社区', '--subdistrict', '张掖路街道']);
  await ok(['station', 'add', '--code', 'A', '--name', '夹马营驿站', '--community', '夹马营社区', '--amenities', 'seating,water', '--opened', '2026-11-01']);
  await ok(['worker', 'add', '--name', '王小明', '--phone', '13800138000', '--occupation', '外卖骑手', '--community', '夹马营社区']);
  await ok(['points', 'rule', 'add', 'errand', '--name', '爱心跑腿', '--points', '10']);
  await ok(['points', 'award', '13800138000', '--rule', 'errand']);
  await ok(['sponsor', 'add', '区总工会', '--type', 'union']);
  await ok(['wish', 'add', '--title', '电饭煲', '--category', 'appliance', '--worker', '13800138000', '--estimate', '200']);
  await ok(['wish', 'list-publish']);
  await ok(['wish', 'claim', '1', '--sponsor', '区总工会', '--pledge', '180', '--due', '2026-12-20']);
  return fresh;
}

describe('the published JSON contracts', () => {
  it('the weekly schema names every area the report holds, each strand included', () => {
    const schema = schemaOf('weekly') as { required: string[]; properties: Record<string, { required?: string[] }> };
    for (const area of ['workers', 'stations', 'points', 'wishes', ...OTHER_AREAS]) {
      expect(schema.required).toContain(area);
      expect(schema.properties.change!.required).toContain(area);
    }
  });

  it('the programme schema lists every action key', () => {
    const schema = schemaOf('programme') as { properties: { actions: { items: { properties: { key: { enum: string[] } } } } } };
    expect([...schema.properties.actions.items.properties.key.enum].sort()).toEqual(ACTIONS.map((a) => a.key).sort());
    expect(ACTIONS.map((a) => a.no)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('a real week holds, and the check refuses a missing figure, an unknown one, an unmasked phone and a fractional count', async () => {
    const { cli } = await district();
    const weekly = JSON.parse((await cli(['report', 'weekly', '--week', '2026-W48', '--format', 'json'])).stdout);
    expect(contractErrors('weekly', weekly)).toEqual([]);
    // The same document for one community, and programme's alias: the helpers check them too.
    expect((await cli(['report', 'community', '夹马营社区', '--week', '2026-W48', '--json'])).code).toBe(0);
    expect((await cli(['report', 'program', '--week', '2026-W48', '--json'])).code).toBe(0);
    expect(weekly.details.top_volunteers[0].phone).toBe('138****8000');

    const missing = structuredClone(weekly);
    delete missing.housing.open;
    expect(contractErrors('weekly', missing).join('\n')).toContain("must have required property 'open'");
    const extra = structuredClone(weekly);
    extra.events.surprise = 1;
    expect(contractErrors('weekly', extra).join('\n')).toContain('must NOT have additional properties');
    const unmasked = structuredClone(weekly);
    unmasked.details.top_volunteers[0].phone = '13800138000';
    expect(contractErrors('weekly', unmasked).join('\n')).toContain('/details/top_volunteers/0/phone must match pattern');
    const fractional = structuredClone(weekly);
    fractional.childcare.enrolled = 1.5;
    expect(contractErrors('weekly', fractional).join('\n')).toContain('/childcare/enrolled must be integer');
  });

  it('a community programme report holds, and a missing action is refused', async () => {
    const { cli } = await district();
    const programme = JSON.parse((await cli(['report', 'programme', '--week', '2026-W48', '--community', '夹马营社区', '--json'])).stdout);
    expect(contractErrors('programme', programme)).toEqual([]);
    programme.actions.pop();
    expect(contractErrors('programme', programme).join('\n')).toContain('/actions must NOT have fewer than 10 items');
  });
});
