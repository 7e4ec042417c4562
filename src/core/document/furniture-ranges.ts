/**
 * Whether a range of the canonical text lies on page furniture. Claims made there (a teaser, an
 * appeal, a "Related" line) stay the analyst's, but count nowhere: suggestions, search, clusters,
 * the matrix and the claim counts leave them out, as they leave the furniture itself out.
 */
import type { Block } from './types'

/**
 * True when every block that [start, end) touches is furniture (a range in the blank line
 * between two blocks touches neither and is not on furniture). Blocks are in text order, so the
 * first one is found by binary search.
 */
export function isOnFurniture(
  blocks: readonly Pick<Block, 'start' | 'end' | 'boilerplate'>[],
  start: number,
  end: number,
): boolean {
  let low = 0
  let high = blocks.length
  // The first block that ends after `start`.
  while (low < high) {
    const middle = (low + high) >>> 1
    if (blocks[middle]!.end <= start) low = middle + 1
    else high = middle
  }
  let touched = 0
  for (let i = low; i < blocks.length && blocks[i]!.start < Math.max(end, start + 1); i++) {
    if (blocks[i]!.boilerplate !== true) return false
    touched++
  }
  return touched > 0
}
