export const HEADER: string[];
export type Community = { name: string; subdistrict: string };
export type RosterFacts = { rows: number; valid: number; rejected: number; repeats: number };
export function writeRoster(path: string, rows: number, communities: Community[], options?: { encoding?: 'utf-8' | 'gb18030' }): Promise<RosterFacts>;
