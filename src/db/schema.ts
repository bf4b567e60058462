import type { Generated } from 'kysely';

/** Row types, one interface per table, matching migrations/ (dates are ISO text). */
export interface SubdistrictsTable {
  id: Generated<number>;
  name: string;
  created_at: string;
}

export interface CommunitiesTable {
  id: Generated<number>;
  name: string;
  subdistrict_id: number | null;
  created_at: string;
}

export interface StationsTable {
  id: Generated<number>;
  code: string;
  name: string;
  community_id: number;
  address: string | null;
  host: string | null;
  contact_name: string | null;
  contact_phone: string | null;
  hours: string | null;
  opened_on: string | null;
  status: Generated<'open' | 'closed'>;
  closed_reason: string | null;
  closed_on: string | null;
  medicine_expires_on: string | null;
  created_at: string;
  updated_at: string;
}

export interface StationAmenitiesTable {
  station_id: number;
  amenity: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  operator: string;
  command: string;
  action: string;
  entity: string;
  entity_key: string;
  detail: string | null;
}

export interface ImportsTable {
  id: Generated<number>;
  kind: string;
  file_name: string;
  sha256: string;
  size: number;
  at: string;
  operator: string;
  source: string | null;
  encoding: string | null;
  inserted: Generated<number>;
  updated: Generated<number>;
  unchanged: Generated<number>;
  rejected: Generated<number>;
}

export interface WorkersTable {
  id: Generated<number>;
  phone: string | null;
  name: string;
  id_number: string | null;
  gender: string | null;
  occupation: string;
  platform: string | null;
  site: string | null;
  community_id: number | null;
  subdistrict: string | null;
  joined_on: string | null;
  note: string | null;
  active: Generated<number>;
  deactivated_on: string | null;
  deactivated_reason: string | null;
  registered_on: string;
  import_id: number | null;
  purged_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface WorkerHistoryTable {
  id: Generated<number>;
  worker_id: number;
  at: string;
  operator: string;
  action: string;
  import_id: number | null;
  changes: string | null;
}

export interface AccessLogTable {
  id: Generated<number>;
  at: string;
  operator: string;
  worker_id: number | null;
  fields: string;
  reason: string;
  command: string;
}

export interface DB {
  subdistricts: SubdistrictsTable;
  communities: CommunitiesTable;
  stations: StationsTable;
  station_amenities: StationAmenitiesTable;
  audit_log: AuditLogTable;
  imports: ImportsTable;
  workers: WorkersTable;
  worker_history: WorkerHistoryTable;
  access_log: AccessLogTable;
}
