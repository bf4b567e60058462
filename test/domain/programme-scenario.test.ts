// A summer of the programme's services in one district, compared whole: events and their seats, summer
// childcare and its waiting list, housing applications, labour disputes, visits to the ill, friendly
// communities and merchants — what each step returns (or why it is refused), what the lists say, one
// worker's whole record, and every row left behind. The snapshot was read against the rules when written.
import { describe, expect, it } from 'vitest';
import { addCommunity } from '../../src/domain/geo/communities.js';
import { addRule } from '../../src/domain/points/catalogue.js';
import { addMerchant, listMerchants, listVisits, measuresOn, recordVisit, setMeasures } from '../../src/domain/programme/care.js';
import { applyHousing, linkDispute, listDisputes, listHousing, moveHousing, openDispute, updateDispute } from '../../src/domain/programme/cases.js';
import { addSite, addVolunteers, enrol, listEnrolments, listSites, withdraw } from '../../src/domain/programme/childcare.js';
import { addEvent, attend, attendees, getEvent, listEvents } from '../../src/domain/programme/events.js';
import { workerRecord } from '../../src/domain/programme/worker-record.js';
import { addStation } from '../../src/domain/stations/write.js';
import { addUnit } from '../../src/domain/units/units.js';
import { addWorker } from '../../src/domain/workers/write.js';
import { freshCtx } from '../helpers/db.js';
import { onDay, scenarioRecorder } from '../helpers/scenario.js';
import { dumpTables } from '../helpers/dump.js';
import { onPostgres } from '../helpers/pg.js';

const ZHANG = '13800138000';
const LI = '13900139000';
const WANG = '13700137000';

describe.skipIf(onPostgres)('[SQLite] a summer of services, compared whole', () => {
  it('returns, refuses and records exactly what it did when the snapshot was read', async () => {
    const { ctx, close } = await freshCtx({ today: '2026-07-15', now: '2026-07-15T02:00:00.000Z' });
    const { steps, step } = scenarioRecorder();
    const on = (today: string) => onDay(ctx, today);
    try {
      await addCommunity(ctx, { name: '夹马营社区', subdistrict: '西关街道' });
      await addCommunity(ctx, { name: '和平里社区', subdistrict: '和平里街道' });
      await addWorker(ctx, { name: '张三', phone: ZHANG, occupation: 'rider', community: '夹马营社区' });
      await addWorker(ctx, { name: '李四', phone: LI, occupation: 'courier', community: '和平里社区' });
      await addWorker(ctx, { name: '王五', phone: WANG, occupation: 'taxi', community: '夹马营社区' });
      await addStation(ctx, { code: 'ST01', name: '和平里驿站', community: '和平里社区', amenities: 'seating,water' });
      await addUnit(ctx, { name: '区卫健委', type: 'department' });
      await addRule(ctx, { code: 'event', name: '参加活动', points: 3 });

      // Events: a place, a capacity, a points rule; seats, the waiting list and the headcount.
      await step('event', () => addEvent(ctx, { type: '急救培训', title: '骑手急救培训', date: '2026-07-20', station: 'ST01', capacity: 2, organiser: '区卫健委', rule: 'event' }));
      await step('event lecture', () => addEvent(ctx, { type: 'health_lecture', title: '夏季防暑讲座', date: '2026-07-10', community: '夹马营社区' }));
      await step('event bad type', () => addEvent(ctx, { type: '聚餐', title: 'x', date: '2026-07-10' }));
      await step('event both places', () => addEvent(ctx, { type: 'legal', title: 'x', date: '2026-07-10', community: '夹马营社区', station: 'ST01' }));
      await step('event no title', () => addEvent(ctx, { type: 'legal', title: ' ', date: '2026-07-10' }));
      await step('event zero capacity', () => addEvent(ctx, { type: 'legal', title: 'x', date: '2026-07-10', capacity: 0 }));
      await step('event two years ahead', () => addEvent(ctx, { type: 'legal', title: 'x', date: '2028-07-10' }));
      await step('attend two', () => attend(ctx, 1, [ZHANG, LI]));
      await step('attend full', () => attend(ctx, 1, [WANG]));
      await step('attend again', () => attend(ctx, 1, [ZHANG]));
      await step('attend all or nothing', () => attend(ctx, 2, [WANG, '13600136000']));
      await step('attend with headcount', () => attend(ctx, 2, [WANG], { headcount: 20, note: '20多名顺丰小哥' }));
      await step('headcount again', () => attend(ctx, 2, [], { headcount: 25 }));
      await step('headcount negative', () => attend(ctx, 2, [], { headcount: -1 }));
      await step('event 1', () => getEvent(ctx.db, 1));
      await step('attendees 1', () => attendees(ctx.db, 1));
      await step('events', () => listEvents(ctx.db, {}));
      await step('events first aid', () => listEvents(ctx.db, { type: 'first_aid' }));
      await step('events to 10th', () => listEvents(ctx.db, { to: '2026-07-10' }));
      await step('events 夹马营', () => listEvents(ctx.db, { community: '夹马营社区' }));

      // Summer childcare: places, the waiting list, a withdrawal promoting the first waiting.
      await step('site', () =>
        addSite(ctx, { name: '夹马营托管点', community: '夹马营社区', capacity: 1, courses: '篮球, 美术', from: '2026-07-01', to: '2026-08-31', partner: '区卫健委' }),
      );
      await step('site bad term', () => addSite(ctx, { name: '倒序', community: '夹马营社区', capacity: 1, from: '2026-08-01', to: '2026-07-01' }));
      await step('enrol 1', () => enrol(ctx, { site: '夹马营托管点', worker: ZHANG, child: '张小明', age: 8, course: '篮球' }));
      await step('enrol 2', () => enrol(ctx, { site: '夹马营托管点', worker: LI, child: '李小红', age: 9 }));
      await step('enrol 3', () => enrol(ctx, { site: '夹马营托管点', worker: WANG, child: '王小刚', age: 7 }));
      await step('enrol bad course', () => enrol(ctx, { site: '夹马营托管点', worker: WANG, child: '王小丽', age: 7, course: '钢琴' }));
      await step('enrol bad age', () => enrol(ctx, { site: '夹马营托管点', worker: WANG, child: '王小丽', age: 0 }));
      await step('withdraw first', () => withdraw(ctx, 1));
      await step('withdraw again', () => withdraw(ctx, 1));
      await step('withdraw waiting', () => withdraw(ctx, 3));
      await step('volunteers', () => addVolunteers(ctx, '夹马营托管点', 3, { kind: '大学生', date: '2026-07-10' }));
      await step('volunteers default', () => addVolunteers(ctx, '夹马营托管点', 1));
      await step('enrolments', () => listEnrolments(ctx.db, {}));
      await step('enrolled', () => listEnrolments(ctx.db, { status: 'enrolled' }));
      await step('sites', () => listSites(ctx.db));

      // Housing and disputes.
      await step('housing', () => applyHousing(ctx, { worker: LI, household: 3, note: '租房困难' }));
      await step('housing eligible', () => moveHousing(on('2026-07-16'), 1, 'eligible', {}));
      await step('housing allocate no address', () => moveHousing(on('2026-07-16'), 1, 'allocated', {}));
      await step('housing allocate', () => moveHousing(on('2026-07-20'), 1, 'allocated', { address: '瀍河区公租房3号楼' }));
      await step('housing list', () => listHousing(ctx.db, {}));
      await step('dispute', () =>
        openDispute(ctx, { worker: ZHANG, type: '欠薪', via: 'hotline', employer: '某配送站', amount: '3200', summary: '两个月工资', date: '2026-07-01' }),
      );
      await step('dispute caller', () => openDispute(ctx, { caller: '赵先生', phone: '0379-6123456', type: 'injury', via: '来访' }));
      await step('dispute caller on roster', () => openDispute(ctx, { caller: '王', phone: WANG, type: 'contract', via: 'workstation' }));
      await step('dispute bad phone', () => openDispute(ctx, { caller: '钱', phone: '12345', type: 'wages', via: 'hotline' }));
      await step('dispute mediating', () => updateDispute(on('2026-07-05'), 1, { status: 'mediating' }));
      await step('dispute resolved', () => updateDispute(on('2026-07-12'), 1, { status: 'resolved', outcome: '调解成功', recovered: '3000' }));
      await step('dispute link', () => linkDispute(ctx, 2, LI));
      await step('disputes', () => listDisputes(ctx.db, {}, '2026-07-15'));
      await step('disputes open over 10 days', () => listDisputes(ctx.db, { openLongerThan: 10 }, '2026-07-30'));

      // Care visits, friendly communities, merchants.
      await step('visit', () => recordVisit(ctx, { worker: WANG, date: '2026-07-14', by: '夹马营社区', kind: '受伤', support: '500', note: '送米面油' }));
      await step('visit default kind', () => recordVisit(ctx, { worker: LI, date: '2026-07-15', by: '区总工会' }));
      await step('visit future', () => recordVisit(ctx, { worker: LI, date: '2026-07-16', by: 'x' }));
      await step('visits', () => listVisits(ctx.db, {}));
      await step('visits from 15th', () => listVisits(ctx.db, { from: '2026-07-15' }));
      await step('measures', () => setMeasures(ctx, '夹马营社区', { set: '门牌,骑手停车点', date: '2026-07-01' }));
      await step('measures more', () => setMeasures(ctx, '夹马营社区', { set: 'hot_water', unset: 'door_signs' }));
      await step('measures nothing', () => setMeasures(ctx, '夹马营社区', {}));
      await step('measures on 2nd', () => measuresOn(ctx.db, 1, '2026-07-02'));
      await step('measures today', () => measuresOn(ctx.db, 1, '2026-07-15'));
      await step('merchant', () => addMerchant(ctx, { name: '老王面馆', community: '夹马营社区', offers: '免费热水, 歇脚座位' }));
      await step('merchants', () => listMerchants(ctx.db, {}));
      await step('record zhang', () => workerRecord(ctx.db, ZHANG, '2026-07-15'));
      await step('record wang', () => workerRecord(ctx.db, WANG, '2026-07-15'));

      const tables = await dumpTables(ctx.db, [
        'events',
        'event_attendance',
        'childcare_sites',
        'childcare_enrolments',
        'childcare_volunteers',
        'housing_applications',
        'disputes',
        'case_events',
        'care_visits',
        'community_measures',
        'merchants',
        'point_entries',
        'audit_log',
      ]);
      expect({ steps, tables }).toMatchSnapshot();
    } finally {
      await close();
    }
  });
});
