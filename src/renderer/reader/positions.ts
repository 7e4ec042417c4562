/**
 * Canonical-text offsets <-> ProseMirror positions: the one place where the two
 * coordinate systems meet.
 *
 * Offsets count UTF-16 code units into `CanonicalDocument.text`. The reading
 * view renders block i as one flat textblock (see schema.ts), inside section
 * s = floor(i / SECTION_SIZE), so the content of block i starts at position
 * `Σ_{j<i} (length_j + 2) + 2s + 2` (each textblock and each section adds an
 * opening and a closing token; block i's own section and block add one each).
 * ProseMirror also counts text in UTF-16 code units, so inside a block the two
 * systems differ by a constant.
 *
 * Text that lies outside every block (the "\n\n" separator between blocks, or
 * anything before the first block) has no position of its own: such an offset
 * maps to the end of the preceding block (or the start of the first block when
 * there is none before it). Positions that are not inside any textblock's
 * content (between or around blocks) map to the nearest block boundary in the
 * same way: the end of the block before them, or the start of the first block.
 *
 * A document with no blocks is rendered as one empty paragraph (see
 * `renderedBlocks`), so every offset then maps to position 1 and back to 0.
 */
import type { Block } from '../../core/document/types'
import { SECTION_SIZE } from './schema'

export interface PositionMap {
  /** Canonical start offset of each rendered block. */
  readonly blockStarts: readonly number[]
  /** Canonical end offset (exclusive) of each rendered block. */
  readonly blockEnds: readonly number[]
  /** ProseMirror position where each block's content starts. */
  readonly contentStarts: readonly number[]
  /** ProseMirror `doc.content.size`. */
  readonly docSize: number
}

export interface OffsetRange {
  start: number
  end: number
}

export interface PositionRange {
  from: number
  to: number
}

/** The blocks the view draws: the document's blocks, or one empty paragraph when it has none. */
export function renderedBlocks(blocks: readonly Block[]): readonly Block[] {
  return blocks.length > 0 ? blocks : [{ type: 'paragraph', start: 0, end: 0 }]
}

export function buildPositionMap(blocks: readonly Block[]): PositionMap {
  const rendered = renderedBlocks(blocks)
  const blockStarts: number[] = []
  const blockEnds: number[] = []
  const contentStarts: number[] = []
  let pos = 0
  rendered.forEach((block, index) => {
    if (index % SECTION_SIZE === 0) pos += index === 0 ? 1 : 2 // close a section, open the next
    const length = Math.max(0, block.end - block.start)
    blockStarts.push(block.start)
    blockEnds.push(block.start + length)
    contentStarts.push(pos + 1)
    pos += length + 2
  })
  return { blockStarts, blockEnds, contentStarts, docSize: pos + 1 }
}

/** Index of the last entry of the sorted `values` that is <= `target`, or -1. */
function lastAtOrBefore(values: readonly number[], target: number): number {
  let low = 0
  let high = values.length - 1
  let found = -1
  while (low <= high) {
    const middle = (low + high) >>> 1
    if (values[middle]! <= target) {
      found = middle
      low = middle + 1
    } else {
      high = middle - 1
    }
  }
  return found
}

/** The ProseMirror position of a canonical offset (separator offsets: end of the preceding block). */
export function offsetToPos(map: PositionMap, offset: number): number {
  const index = lastAtOrBefore(map.blockStarts, offset)
  if (index < 0) return map.contentStarts[0]!
  const start = map.blockStarts[index]!
  const end = map.blockEnds[index]!
  return map.contentStarts[index]! + Math.min(offset, end) - start
}

/** The canonical offset of a ProseMirror position (positions between blocks: end of the preceding block). */
export function posToOffset(map: PositionMap, pos: number): number {
  const index = lastAtOrBefore(map.contentStarts, pos)
  if (index < 0) return map.blockStarts[0]!
  const start = map.blockStarts[index]!
  const length = map.blockEnds[index]! - start
  return start + Math.min(pos - map.contentStarts[index]!, length)
}

/** Canonical offsets of a ProseMirror range, ordered so that start <= end. */
export function rangeToOffsets(map: PositionMap, from: number, to: number): OffsetRange {
  const a = posToOffset(map, from)
  const b = posToOffset(map, to)
  return a <= b ? { start: a, end: b } : { start: b, end: a }
}

/** ProseMirror positions of a canonical range, ordered so that from <= to. */
export function offsetsToRange(map: PositionMap, start: number, end: number): PositionRange {
  const a = offsetToPos(map, start)
  const b = offsetToPos(map, end)
  return a <= b ? { from: a, to: b } : { from: b, to: a }
}

/** A non-empty piece of a range inside one block, and that block's index. */
export interface BlockPiece extends PositionRange {
  block: number
}

/**
 * The ProseMirror ranges of a canonical range, cut at block edges: the pieces an inline
 * decoration over the range is drawn as (ProseMirror cuts a decoration that spans blocks the
 * same way when it draws it). Empty pieces (a block the range only touches at an edge, an
 * empty block) are left out.
 */
export function blockPieces(map: PositionMap, start: number, end: number): BlockPiece[] {
  const { from, to } = offsetsToRange(map, start, end)
  const pieces: BlockPiece[] = []
  if (from >= to) return pieces
  const starts = map.contentStarts
  for (let block = blockAtPos(map, from); block < starts.length; block++) {
    const contentFrom = starts[block]!
    if (contentFrom >= to) break
    const contentTo = contentFrom + map.blockEnds[block]! - map.blockStarts[block]!
    const pieceFrom = Math.max(from, contentFrom)
    const pieceTo = Math.min(to, contentTo)
    if (pieceFrom < pieceTo) pieces.push({ block, from: pieceFrom, to: pieceTo })
  }
  return pieces
}

/** The index of the block a position lies in (between blocks: the one before; before all: 0). */
export function blockAtPos(map: PositionMap, pos: number): number {
  return Math.max(0, lastAtOrBefore(map.contentStarts, pos))
}

/**
 * The index of the block an offset lies in (between blocks: the one before; before all: 0): the
 * block of `offsetToPos(map, offset)`, found with one search instead of two.
 */
export function blockAtOffset(map: PositionMap, offset: number): number {
  return Math.max(0, lastAtOrBefore(map.blockStarts, offset))
}

/** The section (of SECTION_SIZE blocks, see schema.ts) a block is drawn in. */
export function sectionOf(block: number): number {
  return Math.floor(block / SECTION_SIZE)
}

/** How many sections the view draws. */
export function sectionCount(map: PositionMap): number {
  return Math.ceil(map.contentStarts.length / SECTION_SIZE)
}
