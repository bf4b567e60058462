/** Levenshtein distance over code points (names are short; O(n·m) is fine). */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[y.length]!;
}

/** Up to `limit` candidates closest to `wanted`: substring matches first, then by distance. */
export function closestNames(wanted: string, candidates: string[], limit = 3): string[] {
  const scored = candidates.map((name) => {
    const contains = name.includes(wanted) || wanted.includes(name);
    return { name, score: contains ? 0 : editDistance(wanted, name) };
  });
  const threshold = Math.max(1, Math.floor([...wanted].length / 3));
  return scored
    .filter((s) => s.score <= threshold)
    .sort((p, q) => p.score - q.score || p.name.localeCompare(q.name))
    .slice(0, limit)
    .map((s) => s.name);
}
