/** Generators of canonical-looking documents for the renderer tests. */
import fc from 'fast-check'
import type { Block, BlockType } from '../../../src/core/document/types'

export interface BlockSpec {
  type: BlockType
  text: string
  level?: number
  ordered?: boolean
  depth?: number
}

/** Joins block texts with the canonical "\n\n" separator and records each block's range. */
export function makeDocument(specs: readonly BlockSpec[]): { text: string; blocks: Block[] } {
  const blocks: Block[] = []
  let text = ''
  for (const spec of specs) {
    if (blocks.length > 0) text += '\n\n'
    const start = text.length
    text += spec.text
    const block: Block = { type: spec.type, start, end: text.length }
    if (spec.level !== undefined) block.level = spec.level
    if (spec.ordered !== undefined) block.ordered = spec.ordered
    if (spec.depth !== undefined) block.depth = spec.depth
    blocks.push(block)
  }
  return { text, blocks }
}

// Includes astral characters (surrogate pairs), a flag sequence, a combining mark
// and a letter whose lower case is longer than itself.
const textUnit = fc.constantFrom('a', 'B', ' ', 'é', 'e\u0301', '🇺🇦', '😀', '中', '.', 'İ', '’')

export const blockSpec: fc.Arbitrary<BlockSpec> = fc.oneof(
  fc.record({
    type: fc.constant<BlockType>('heading'),
    text: fc.string({ unit: textUnit, maxLength: 12 }),
    level: fc.integer({ min: 1, max: 6 }),
  }),
  fc.record({
    type: fc.constantFrom<BlockType>('paragraph', 'quote'),
    text: fc.string({ unit: textUnit, maxLength: 40 }),
  }),
  fc.record({
    type: fc.constant<BlockType>('list-item'),
    text: fc.string({ unit: textUnit, maxLength: 20 }),
    ordered: fc.boolean(),
    depth: fc.integer({ min: 0, max: 3 }),
  }),
)

/** Documents whose blocks may be empty (canonical documents drop those, but the view must cope). */
export const anyDocument = fc.array(blockSpec, { maxLength: 12 }).map(makeDocument)

/** Documents as core/document produces them: at least one block, no empty blocks. */
export const canonicalDocument = fc
  .array(
    blockSpec.filter((spec) => spec.text.length > 0),
    { minLength: 1, maxLength: 12 },
  )
  .map(makeDocument)
