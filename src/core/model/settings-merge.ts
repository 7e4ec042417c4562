/**
 * Merging a change of a settings list (labels, relation types) into a copy of corroborate.json
 * that someone else changed meanwhile. Three-way, by id: `base` is the list the change was
 * made from, `ours` the list it made, `theirs` the list in the file now. An item only one side
 * changed (added, edited, removed) takes that side's change; an item both changed takes ours, the
 * later write. The order is ours, with items only they added appended in their order.
 *
 * The result may break a rule of the whole list (two labels given the same key by two people);
 * the caller validates it and refuses the write then, rather than dropping either side.
 */
export function mergeListById<T extends { id: string }>(
  base: readonly T[],
  ours: readonly T[],
  theirs: readonly T[],
): T[] {
  const baseById = new Map(base.map((item) => [item.id, item]))
  const theirsById = new Map(theirs.map((item) => [item.id, item]))
  const oursById = new Map(ours.map((item) => [item.id, item]))
  const pick = (id: string): T | undefined => {
    const before = baseById.get(id)
    const mine = oursById.get(id)
    return same(mine, before) ? theirsById.get(id) : mine
  }
  const merged: T[] = []
  for (const item of ours) {
    const kept = pick(item.id)
    if (kept !== undefined) merged.push(kept)
  }
  for (const item of theirs) {
    if (oursById.has(item.id)) continue
    const kept = pick(item.id)
    if (kept !== undefined) merged.push(kept)
  }
  return merged
}

/** Settings items are small plain JSON: compared by their text. */
function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}
