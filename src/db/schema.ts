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
  host_id: number | null;
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
  /** SHA-256 of the parsed rows (null for imports before 0008): one import per content and kind. */
  content_sha256: string | null;
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

export interface PointRulesTable {
  id: Generated<number>;
  code: string;
  name: string;
  points: number;
  daily_cap: number | null;
  description: string | null;
  retired_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface GiftsTable {
  id: Generated<number>;
  code: string;
  name: string;
  cost: number;
  stock: number;
  donor: string | null;
  retired_at: string | null;
  created_at: string;
}

export type EntryKind = 'award' | 'redeem' | 'reverse' | 'expire';

export interface PointEntriesTable {
  id: Generated<number>;
  worker_id: number;
  kind: EntryKind;
  points: number;
  rule_id: number | null;
  gift_id: number | null;
  qty: number | null;
  business_date: string;
  note: string | null;
  reason: string | null;
  ref: string | null;
  reverses_id: number | null;
  community_id: number | null;
  import_id: number | null;
  /** For imported rows without a ref: worker, rule, date and note, unique (so a re-import adds nothing). */
  dedupe_key: string | null;
  operator: string;
  created_at: string;
}

export interface PointBalancesTable {
  worker_id: number;
  balance: number;
  earned: number;
  redeemed: number;
  reversed: number;
  expired: number;
}

export interface PointDailyTable {
  business_date: string;
  community_id: number;
  kind: string;
  points: number;
  entries: number;
}

export interface GiftStockEntriesTable {
  id: Generated<number>;
  gift_id: number;
  delta: number;
  reason: 'initial' | 'restock' | 'redeem' | 'reverse';
  point_entry_id: number | null;
  note: string | null;
  operator: string;
  created_at: string;
}

export interface TeamsTable {
  id: Generated<number>;
  name: string;
  community_id: number | null;
  focus: string | null;
  created_at: string;
}

export interface TeamMembersTable {
  id: Generated<number>;
  team_id: number;
  worker_id: number;
  joined_on: string;
  left_on: string | null;
}

export interface SettingsTable {
  key: string;
  value: string;
  updated_at: string;
}

/** A unit (单位): department, 街道 office, enterprise, organisation… (was `sponsors` before 0013). */
export interface UnitsTable {
  id: Generated<number>;
  name: string;
  type: string;
  contact_name: string | null;
  contact_phone: string | null;
  created_at: string;
  parent_id: number | null;
}

export type WishStatus = 'collected' | 'listed' | 'claimed' | 'fulfilled' | 'followed_up' | 'cancelled';

export interface WishesTable {
  id: Generated<number>;
  title: string;
  category: string;
  worker_id: number | null;
  site: string | null;
  detail: string | null;
  estimate_fen: number | null;
  source: string;
  collected_on: string;
  station_id: number | null;
  community_id: number | null;
  status: WishStatus;
  listed_on: string | null;
  sponsor_id: number | null;
  pledge_fen: number | null;
  claimed_on: string | null;
  due_on: string | null;
  cost_fen: number | null;
  fulfilled_on: string | null;
  evidence: string | null;
  import_id: number | null;
  created_at: string;
  updated_at: string;
}

export interface WishEventsTable {
  id: Generated<number>;
  wish_id: number;
  at: string;
  business_date: string;
  operator: string;
  from_status: WishStatus | null;
  to_status: WishStatus;
  sponsor_id: number | null;
  amount_fen: number | null;
  due_on: string | null;
  note: string | null;
}

export interface EventsTable {
  id: Generated<number>;
  type: string;
  title: string;
  event_date: string;
  community_id: number | null;
  station_id: number | null;
  capacity: number | null;
  rule_id: number | null;
  created_at: string;
  organiser_id: number | null;
  headcount: number | null;
  headcount_note: string | null;
}
export interface EventAttendanceTable {
  id: Generated<number>;
  event_id: number;
  worker_id: number;
  status: 'attended' | 'waitlisted';
  point_entry_id: number | null;
  import_id: number | null;
  at: string;
}
export interface ChildcareSitesTable {
  id: Generated<number>;
  name: string;
  community_id: number;
  capacity: number;
  courses: string | null;
  from_on: string | null;
  to_on: string | null;
  volunteers: Generated<number>;
  created_at: string;
  partner_id: number | null;
}
export interface ChildcareEnrolmentsTable {
  id: Generated<number>;
  site_id: number;
  worker_id: number;
  child_name: string;
  child_age: number;
  course: string | null;
  status: 'enrolled' | 'waitlisted' | 'withdrawn';
  requested_at: string;
  enrolled_on: string | null;
  withdrawn_on: string | null;
}
export interface HousingApplicationsTable {
  id: Generated<number>;
  worker_id: number;
  household: number | null;
  note: string | null;
  status: string;
  reason: string | null;
  address: string | null;
  applied_on: string;
  updated_on: string;
}
export interface DisputesTable {
  id: Generated<number>;
  worker_id: number | null;
  type: string;
  via: string;
  employer: string | null;
  amount_fen: number | null;
  summary: string | null;
  status: string;
  outcome: string | null;
  recovered_fen: number | null;
  opened_on: string;
  resolved_on: string | null;
  updated_on: string;
  caller_name: string | null;
  caller_phone: string | null;
  community_id: number | null;
}
export interface CaseEventsTable {
  id: Generated<number>;
  case_type: 'housing' | 'dispute';
  case_id: number;
  business_date: string;
  at: string;
  operator: string;
  from_status: string | null;
  to_status: string;
  note: string | null;
}
export interface CareVisitsTable {
  id: Generated<number>;
  worker_id: number;
  visit_date: string;
  by_name: string;
  kind: string;
  support_fen: number | null;
  note: string | null;
  created_at: string;
}
export interface CommunityMeasuresTable {
  id: Generated<number>;
  community_id: number;
  measure: string;
  action: 'set' | 'unset';
  on_date: string;
  operator: string;
}
export interface MerchantsTable {
  id: Generated<number>;
  name: string;
  community_id: number;
  offers: string;
  added_on: string;
}

export interface OpinionsTable {
  id: Generated<number>;
  heard_on: string;
  text: string;
  topic: string;
  worker_id: number | null;
  source: string | null;
  community_id: number | null;
  status: string;
  referred_to: string | null;
  answered_on: string | null;
  resolved_on: string | null;
  status_on: string;
  note: string | null;
  created_at: string;
  updated_at: string;
  visit_id: number | null;
}

export interface VisitsTable {
  id: Generated<number>;
  visit_date: string;
  unit_id: number | null;
  place: string | null;
  community_id: number | null;
  by_name: string;
  workers_met: number | null;
  action: string | null;
  note: string | null;
  created_at: string;
}

export interface PublicityTable {
  id: Generated<number>;
  action: string;
  published_on: string;
  channel: string;
  title: string;
  url: string | null;
  reach: number | null;
  unit_id: number | null;
  community_id: number | null;
  wish_id: number | null;
  created_at: string;
}

export interface FundEntriesTable {
  id: Generated<number>;
  kind: 'in' | 'out' | 'reverse';
  action: string | null;
  amount_fen: number;
  unit_id: number | null;
  purpose: string | null;
  for_kind: string | null;
  for_id: number | null;
  community_id: number | null;
  business_date: string;
  reverses_id: number | null;
  note: string | null;
  operator: string;
  created_at: string;
}

export interface ChildcareVolunteersTable {
  id: Generated<number>;
  site_id: number;
  kind: string;
  count: number;
  added_on: string;
  created_at: string;
}
export interface ActionOwnersTable {
  id: Generated<number>;
  action: string;
  year: number;
  unit_id: number;
  role: 'lead' | 'responsible';
  created_at: string;
}

export interface TargetsTable {
  id: Generated<number>;
  action: string;
  metric: string;
  year: number;
  community_id: number | null;
  subdistrict_id: number | null;
  value: number;
  created_at: string;
  updated_at: string;
}

export interface DistrictsTable {
  id: Generated<number>;
  name: string;
  created_at: string;
}

export interface AccountsTable {
  id: Generated<number>;
  name: string;
  role: 'city' | 'district' | 'subdistrict' | 'community' | 'viewer';
  district_id: number | null;
  subdistrict_id: number | null;
  community_id: number | null;
  created_at: string;
  disabled_at: string | null;
}

export interface DB {
  districts: DistrictsTable;
  accounts: AccountsTable;
  subdistricts: SubdistrictsTable;
  communities: CommunitiesTable;
  stations: StationsTable;
  station_amenities: StationAmenitiesTable;
  audit_log: AuditLogTable;
  imports: ImportsTable;
  workers: WorkersTable;
  worker_history: WorkerHistoryTable;
  access_log: AccessLogTable;
  point_rules: PointRulesTable;
  gifts: GiftsTable;
  point_entries: PointEntriesTable;
  point_balances: PointBalancesTable;
  point_daily: PointDailyTable;
  gift_stock_entries: GiftStockEntriesTable;
  teams: TeamsTable;
  team_members: TeamMembersTable;
  settings: SettingsTable;
  units: UnitsTable;
  action_owners: ActionOwnersTable;
  targets: TargetsTable;
  visits: VisitsTable;
  publicity: PublicityTable;
  fund_entries: FundEntriesTable;
  childcare_volunteers: ChildcareVolunteersTable;
  wishes: WishesTable;
  wish_events: WishEventsTable;
  events: EventsTable;
  event_attendance: EventAttendanceTable;
  childcare_sites: ChildcareSitesTable;
  childcare_enrolments: ChildcareEnrolmentsTable;
  housing_applications: HousingApplicationsTable;
  disputes: DisputesTable;
  case_events: CaseEventsTable;
  care_visits: CareVisitsTable;
  opinions: OpinionsTable;
  community_measures: CommunityMeasuresTable;
  merchants: MerchantsTable;
}
