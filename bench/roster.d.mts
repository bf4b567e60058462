export const HEADER: string;
export function phoneFor(i: number): string;
export function writeRoster(path: string, rows: number, communities: string[]): Promise<void>;
