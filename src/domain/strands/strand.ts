// What one strand of the Ten Ones (十个一) declares, so the weekly report, the
// programme dashboard and a worker's record are assembled from declarations
// instead of each naming every strand (ARCHITECTURE.md, "add a Ten-Ones strand").
import type { Db } from '../context.js';
import type { Scope } from '../reports/figures.js';
import type { Period } from '../reports/period.js';
import type { VocabularyKind } from '../vocabulary.js';

export type { Db };

/** One area's figures for a period, keyed as in the report's JSON contract. */
export type AreaFigures = { [key: string]: number };
export type FigureLoader<F extends AreaFigures = AreaFigures> = (db: Db, p: Period, scope: Scope) => Promise<F>;

/** Reads an area's figures for the period once, however many actions use them. */
export type Load = <F extends AreaFigures>(loader: FigureLoader<F>) => Promise<F>;

/** One of the ten actions on the programme dashboard: its number, key and figures. */
export type ProgrammeAction = { no: number; key: string; figures(load: Load): Promise<AreaFigures> };

/** A column of a strand's table in `worker show`: header `col.<label>`, a closed-list value shown by its label. */
export type RecordColumn<Row> = { label: string; value(row: Row): unknown; term?: VocabularyKind; money?: boolean };

/** A strand's part of a worker's record: a list under `key` in `worker show --json`, a table under the message `title`. */
export type RecordPart<Row, Key extends string = string> = {
  key: Key;
  title: string;
  load(db: Db, workerId: number, today: string): Promise<Row[]>;
  columns: RecordColumn<Row>[];
  /** Amounts in fen also given as yuan text in the JSON (`amountFen` → `amount`). */
  yuan?: Record<string, keyof Row & string>;
};

export type Strand<Area extends string = string, F extends AreaFigures = AreaFigures, Row = unknown, Key extends string = string, Weekly extends boolean = boolean> = {
  /** Its key in the weekly JSON and its label `report.area.<area>` (figures: `report.other.<key>`). */
  area: Area;
  figures: FigureLoader<F>;
  /** Whether its figures are a section of the weekly report (else only its actions use them). */
  weekly: Weekly;
  /** Rows it puts on the programme dashboard. */
  actions: ProgrammeAction[];
  record?: RecordPart<Row, Key>;
};

/** Declares a strand, keeping its area, figures, record rows and key as types. */
export function strand<const Area extends string, F extends AreaFigures, Row = never, const Key extends string = never, const Weekly extends boolean = boolean>(
  s: Strand<Area, F, Row, Key, Weekly>,
): Strand<Area, F, Row, Key, Weekly> {
  return s;
}

/** Picks `keys` (renamed where given as [key, from]) from one area's figures. */
export function pick<F extends AreaFigures>(loader: FigureLoader<F>, keys: ((keyof F & string) | [string, keyof F & string])[]) {
  return async (load: Load): Promise<AreaFigures> => {
    const figures = await load(loader);
    return Object.fromEntries(keys.map((k) => (Array.isArray(k) ? [k[0], figures[k[1]] ?? 0] : [k, figures[k] ?? 0])));
  };
}

export const count = (v: unknown) => Number(v ?? 0);
