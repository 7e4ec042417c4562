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

/**
 * A few blocks, or enough to fill several of the reader's sections (SECTION_SIZE blocks each), so
 * the properties cover the tokens between sections too.
 */
function blockList<T>(spec: fc.Arbitrary<T>, minLength = 0): fc.Arbitrary<T[]> {
  return fc.oneof(
    fc.array(spec, { minLength, maxLength: 12 }),
    fc.array(spec, { minLength: 30, maxLength: 80 }),
  )
}

/** Documents whose blocks may be empty (canonical documents drop those, but the view must cope). */
export const anyDocument = blockList(blockSpec).map(makeDocument)

/** Documents as core/document produces them: at least one block, no empty blocks. */
export const canonicalDocument = blockList(
  blockSpec.filter((spec) => spec.text.length > 0),
  1,
).map(makeDocument)
