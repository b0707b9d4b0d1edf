// How far apart two names are (insertions, deletions, substitutions and swaps of two neighbours,
// each costing one) and the nearest of a list of known names: the "did you mean …?" of config
// warnings.

/** The optimal string alignment distance: Levenshtein plus adjacent transpositions. */
export const editDistance = (a: string, b: string): number => {
  // rows[i][j]: the distance between a's first i and b's first j characters
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i += 1) {
    const row: number[] = [i];
    for (let j = 1; j <= b.length; j += 1) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const above = rows[i - 1] ?? [];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((above[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (above[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, (rows[i - 2]?.[j - 2] ?? 0) + 1);
      }
      row.push(best);
    }
    rows.push(row);
  }
  return rows[a.length]?.[b.length] ?? 0;
};

/** How many edits still count as a typo: one in three characters, at least one. */
const tolerance = (name: string): number => Math.max(1, Math.floor(name.length / 3));

/**
 * The known name closest to `name` (the first of equals, in `known`'s order), or undefined when
 * none is close enough to be a typo of it.
 */
export const nearestName = (name: string, known: Iterable<string>): string | undefined => {
  let best: string | undefined;
  let bestDistance = tolerance(name) + 1;
  for (const candidate of known) {
    const distance = editDistance(name, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
};
