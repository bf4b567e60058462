// Every strand beyond the core areas, in the order of the weekly JSON contract and
// of a worker's record. A new strand is one more module here (ARCHITECTURE.md).
import type { Scope } from '../reports/figures.js';
import type { Period } from '../reports/period.js';
import { careStrand } from './care.js';
import { childcareStrand } from './childcare.js';
import { CORE_ACTIONS } from './core.js';
import { disputesStrand } from './disputes.js';
import { eventsStrand } from './events.js';
import { friendlyStrand } from './friendly.js';
import { housingStrand } from './housing.js';
import { opinionsStrand } from './opinions.js';
import { fundsStrand, outreachStrand, publicityStrand } from './outreach.js';
import { safetyTeamStrand } from './safety-team.js';
import type { AreaFigures, Db, ProgrammeAction, RecordPart, Strand } from './strand.js';

export const STRANDS = [
  eventsStrand,
  childcareStrand,
  housingStrand,
  disputesStrand,
  careStrand,
  friendlyStrand,
  safetyTeamStrand,
  opinionsStrand,
  outreachStrand,
  publicityStrand,
  fundsStrand,
] as const;

type AnyStrand = (typeof STRANDS)[number];
type WeeklyStrand = Extract<AnyStrand, { weekly: true }>;
type FiguresOf<S> = S extends Strand<string, infer F, infer _Row, infer _Key, boolean> ? F : never;
type RecordOf<S> = S extends Strand<string, AreaFigures, infer Row, infer Key, boolean> ? ([Key] extends [never] ? never : { key: Key; row: Row }) : never;

/** The weekly report's sections after the four core areas, each typed by its strand. */
export type OtherFigures = { [S in WeeklyStrand as S['area']]: FiguresOf<S> };
export type OtherArea = keyof OtherFigures;
export const OTHER_AREAS = STRANDS.filter((s) => s.weekly).map((s) => s.area) as OtherArea[];

/** The other strands' figures, keyed as in the weekly JSON contract. */
export async function otherActionFigures(db: Db, p: Period, scope: Scope): Promise<OtherFigures> {
  const out: Record<string, unknown> = {};
  for (const s of STRANDS) if (s.weekly) out[s.area] = await s.figures(db, p, scope);
  return out as OtherFigures;
}

/** The ten actions of the programme dashboard, in the order of the district's plan. */
export const ACTIONS: ProgrammeAction[] = [...CORE_ACTIONS, ...STRANDS.flatMap((s) => s.actions)].sort((a, b) => a.no - b.no);

/** The strands' parts of a worker's record, under their keys. */
export type StrandRecords = { [R in RecordOf<AnyStrand> as R['key']]: R['row'][] };

export const RECORD_PARTS = STRANDS.flatMap((s) => ('record' in s && s.record ? [s.record as RecordPart<unknown>] : []));

export async function strandRecords(db: Db, workerId: number, today: string): Promise<StrandRecords> {
  const out: Record<string, unknown[]> = {};
  for (const part of RECORD_PARTS) out[part.key] = await part.load(db, workerId, today);
  return out as StrandRecords;
}
