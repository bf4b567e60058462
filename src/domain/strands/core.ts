// Actions 1 (stations), 7 (points) and 10 (wishes): the core areas, whose weekly
// sections carry lists of their own (src/domain/reports/weekly.ts).
import { pointFigures, stationFigures, wishFigures, type StationFigures } from '../reports/figures.js';
import { reachFigures } from './reach.js';
import { pick, type FigureLoader, type ProgrammeAction } from './strand.js';

const stationTotals: FigureLoader<StationFigures> = async (db, p, scope) => {
  const { byCommunity: _byCommunity, openStations: _openStations, ...figures } = await stationFigures(db, p, scope);
  return figures;
};

export const CORE_ACTIONS: ProgrammeAction[] = [
  { no: 1, key: 'stations', figures: pick(stationTotals, ['open', 'fully_equipped', 'medicine_expired']) },
  { no: 7, key: 'points', figures: pick(pointFigures, ['awarded', 'redeemed', 'earners']) },
  {
    no: 10,
    key: 'wishes',
    figures: async (load) => ({
      ...(await pick(wishFigures, ['collected', 'claimed', 'fulfilled', 'overdue'])(load)),
      ...(await pick(reachFigures, [['workers_reached', 'wishes']])(load)),
    }),
  },
];
