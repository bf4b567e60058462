import type { Migration } from 'kysely';
import * as m0001 from './0001_foundation.js';
import * as m0002 from './0002_workers.js';
import * as m0003 from './0003_points.js';
import * as m0004 from './0004_settings.js';
import * as m0005 from './0005_wishes.js';
import * as m0006 from './0006_report_indexes.js';
import * as m0007 from './0007_programme.js';
import * as m0008 from './0008_hardening.js';
import * as m0009 from './0009_scrubbable_notes.js';
import * as m0010 from './0010_seed_event_types.js';
import * as m0011 from './0011_drop_redundant_index.js';
import * as m0012 from './0012_opinions.js';
import * as m0013 from './0013_units.js';
import * as m0014 from './0014_targets.js';
import * as m0015 from './0015_outreach.js';
import * as m0016 from './0016_postgres_port.js';
import * as m0017 from './0017_districts.js';

/**
 * All migrations, by name (sorted by name when applied). Imported statically so
 * the bundled CLI carries them; add each new file here.
 */
export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_workers': m0002,
  '0003_points': m0003,
  '0004_settings': m0004,
  '0005_wishes': m0005,
  '0006_report_indexes': m0006,
  '0007_programme': m0007,
  '0008_hardening': m0008,
  '0009_scrubbable_notes': m0009,
  '0010_seed_event_types': m0010,
  '0011_drop_redundant_index': m0011,
  '0012_opinions': m0012,
  '0013_units': m0013,
  '0014_targets': m0014,
  '0015_outreach': m0015,
  '0016_postgres_port': m0016,
  '0017_districts': m0017,
};
