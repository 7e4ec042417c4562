/**
 * Keyboard movement in a data grid (the WAI-ARIA grid pattern): arrows move one cell, Home and
 * End to the row's ends, Ctrl+Home and Ctrl+End to the grid's corners, Page Up and Page Down by
 * a screenful of rows. Pure, so the component only maps the result to focus and scrolling.
 */

export interface GridCell {
  row: number
  column: number
}

export interface GridKey {
  key: string
  ctrlKey: boolean
  metaKey: boolean
}

/**
 * The cell a key moves to from `at`, clamped to the grid; null when the key is not a movement
 * key (let it through). Moving against an edge returns `at` itself: the key is still consumed,
 * so the page does not scroll instead.
 */
export function moveInGrid(
  at: GridCell,
  key: GridKey,
  size: { rows: number; columns: number; pageRows: number },
): GridCell | null {
  if (size.rows <= 0 || size.columns <= 0) return null
  const corner = key.ctrlKey || key.metaKey
  let { row, column } = at
  switch (key.key) {
    case 'ArrowUp':
      row -= 1
      break
    case 'ArrowDown':
      row += 1
      break
    case 'ArrowLeft':
      column -= 1
      break
    case 'ArrowRight':
      column += 1
      break
    case 'Home':
      column = 0
      if (corner) row = 0
      break
    case 'End':
      column = size.columns - 1
      if (corner) row = size.rows - 1
      break
    case 'PageUp':
      row -= Math.max(1, size.pageRows)
      break
    case 'PageDown':
      row += Math.max(1, size.pageRows)
      break
    default:
      return null
  }
  return {
    row: Math.min(size.rows - 1, Math.max(0, row)),
    column: Math.min(size.columns - 1, Math.max(0, column)),
  }
}
