import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { buildDoc } from '../../../../src/renderer/reader/build-doc'
import {
  blockAtPos,
  blockPieces,
  buildPositionMap,
  offsetToPos,
  offsetsToRange,
  posToOffset,
  rangeToOffsets,
} from '../../../../src/renderer/reader/positions'
import { anyDocument, canonicalDocument, makeDocument } from '../documents'

/** Every offset that lies inside a block (its end included). */
function offsetsInsideBlocks(blocks: { start: number; end: number }[]): number[] {
  return blocks.flatMap((block) =>
    Array.from({ length: block.end - block.start + 1 }, (_, i) => block.start + i),
  )
}

/** Every ProseMirror position inside a textblock's content, found by walking the real PM doc. */
function textPositions(doc: ReturnType<typeof buildDoc>): number[] {
  const positions: number[] = []
  doc.descendants((node, offset) => {
    if (!node.isTextblock) return true
    for (let i = 0; i <= node.content.size; i++) positions.push(offset + 1 + i)
    return false
  })
  return positions
}

describe('positions: offsets <-> ProseMirror positions', () => {
  it('round-trips every offset inside a block', () => {
    fc.assert(
      fc.property(anyDocument, ({ blocks }) => {
        const map = buildPositionMap(blocks)
        for (const offset of offsetsInsideBlocks(blocks)) {
          expect(posToOffset(map, offsetToPos(map, offset))).toBe(offset)
        }
      }),
    )
  })

  it('round-trips every text position of the built document', () => {
    fc.assert(
      fc.property(anyDocument, (document) => {
        const doc = buildDoc(document)
        const map = buildPositionMap(document.blocks)
        expect(map.docSize).toBe(doc.content.size)
        for (const pos of textPositions(doc)) {
          expect(offsetToPos(map, posToOffset(map, pos))).toBe(pos)
        }
      }),
    )
  })

  it('maps a block range to the same text in the ProseMirror document', () => {
    fc.assert(
      fc.property(
        canonicalDocument,
        fc.nat(),
        fc.nat(),
        fc.nat(),
        fc.nat(),
        (document, blockA, blockB, a, b) => {
          const { text, blocks } = document
          const first = blocks[blockA % blocks.length]!
          const second = blocks[blockB % blocks.length]!
          const offsetA = first.start + (a % (first.end - first.start + 1))
          const offsetB = second.start + (b % (second.end - second.start + 1))
          const start = Math.min(offsetA, offsetB)
          const end = Math.max(offsetA, offsetB)
          const doc = buildDoc(document)
          const map = buildPositionMap(blocks)
          const { from, to } = offsetsToRange(map, start, end)
          expect(doc.textBetween(from, to, '\n\n')).toBe(text.slice(start, end))
          expect(rangeToOffsets(map, from, to)).toEqual({ start, end })
        },
      ),
    )
  })

  it('maps every offset and position, even outside blocks, into valid ranges monotonically', () => {
    fc.assert(
      fc.property(anyDocument, ({ text, blocks }) => {
        const map = buildPositionMap(blocks)
        let previousPos = -1
        for (let offset = -1; offset <= text.length + 1; offset++) {
          const pos = offsetToPos(map, offset)
          expect(pos).toBeGreaterThanOrEqual(2)
          expect(pos).toBeLessThanOrEqual(map.docSize - 2)
          expect(pos).toBeGreaterThanOrEqual(previousPos)
          previousPos = pos
        }
        let previousOffset = -1
        for (let pos = 0; pos <= map.docSize; pos++) {
          const offset = posToOffset(map, pos)
          expect(offset).toBeGreaterThanOrEqual(0)
          expect(offset).toBeLessThanOrEqual(text.length)
          expect(offset).toBeGreaterThanOrEqual(previousOffset)
          previousOffset = offset
        }
      }),
    )
  })

  it('orders reversed ranges', () => {
    const { blocks } = makeDocument([{ type: 'paragraph', text: 'Hello world' }])
    const map = buildPositionMap(blocks)
    // Text starts at 2: after the opening tokens of the first section and its paragraph.
    expect(rangeToOffsets(map, 8, 3)).toEqual({ start: 1, end: 6 })
    expect(offsetsToRange(map, 6, 1)).toEqual({ from: 3, to: 8 })
  })
})

describe('positions: hand-written cases', () => {
  const document = makeDocument([
    { type: 'heading', text: 'Flood 🇺🇦 report', level: 1 },
    { type: 'paragraph', text: 'Officials said 😀 12 people' },
    { type: 'quote', text: '“We were not warned.”' },
    { type: 'list-item', text: 'First', ordered: true, depth: 0 },
  ])
  const doc = buildDoc(document)
  const map = buildPositionMap(document.blocks)

  function textOf(start: number, end: number): string {
    const { from, to } = offsetsToRange(map, start, end)
    return doc.textBetween(from, to, '\n\n')
  }

  it('maps block starts and ends', () => {
    const [heading, paragraph, quote, item] = document.blocks
    expect(offsetToPos(map, heading!.start)).toBe(2)
    expect(offsetToPos(map, heading!.end)).toBe(2 + 'Flood 🇺🇦 report'.length)
    expect(offsetToPos(map, paragraph!.start)).toBe(heading!.end - heading!.start + 4)
    expect(textOf(quote!.start, quote!.end)).toBe('“We were not warned.”')
    expect(textOf(item!.start, item!.end)).toBe('First')
  })

  it('extracts text with astral characters inside and across blocks', () => {
    const text = document.text
    const flag = text.indexOf('🇺🇦')
    expect(textOf(flag, flag + 4)).toBe('🇺🇦')
    const smiley = text.indexOf('😀')
    expect(textOf(flag, smiley + 2)).toBe(text.slice(flag, smiley + 2))
    expect(textOf(0, text.length)).toBe(text)
  })

  it('maps offsets in the separator to the end of the preceding block', () => {
    const [heading, paragraph] = document.blocks
    const endOfHeading = offsetToPos(map, heading!.end)
    expect(offsetToPos(map, heading!.end + 1)).toBe(endOfHeading)
    expect(offsetToPos(map, paragraph!.start - 1)).toBe(endOfHeading)
    // The position between the two textblocks belongs to neither: it also maps to the heading's end.
    expect(posToOffset(map, endOfHeading + 1)).toBe(heading!.end)
  })

  it('clamps offsets and positions outside the document', () => {
    expect(offsetToPos(map, -5)).toBe(2)
    expect(offsetToPos(map, document.text.length + 10)).toBe(map.docSize - 2)
    expect(posToOffset(map, 0)).toBe(0)
    expect(posToOffset(map, map.docSize + 3)).toBe(document.text.length)
  })

  it('copes with an empty document and a document of empty blocks', () => {
    const empty = buildPositionMap([])
    expect(offsetToPos(empty, 0)).toBe(2)
    expect(posToOffset(empty, 2)).toBe(0)
    expect(buildDoc({ text: '', blocks: [] }).content.size).toBe(empty.docSize)

    const blanks = makeDocument([
      { type: 'paragraph', text: '' },
      { type: 'paragraph', text: '' },
    ])
    const blankMap = buildPositionMap(blanks.blocks)
    expect(offsetToPos(blankMap, 0)).toBe(2)
    expect(offsetToPos(blankMap, 1)).toBe(2)
    expect(offsetToPos(blankMap, 2)).toBe(4)
    expect(posToOffset(blankMap, 4)).toBe(2)
  })
})

describe('blockPieces: a range cut at block edges', () => {
  it('cuts a range into non-empty pieces, one per block it covers, with the same text', () => {
    fc.assert(
      fc.property(anyDocument, fc.nat(), fc.nat(), (document, a, b) => {
        const length = document.text.length + 1
        const start = Math.min(a % length, b % length)
        const end = Math.max(a % length, b % length)
        const doc = buildDoc(document)
        const map = buildPositionMap(document.blocks)
        const pieces = blockPieces(map, start, end)
        const { from, to } = offsetsToRange(map, start, end)
        let previous = -1
        for (const piece of pieces) {
          expect(piece.from).toBeLessThan(piece.to)
          expect(piece.block).toBeGreaterThan(previous)
          previous = piece.block
          // Inside the content of its block, both ends.
          expect(blockAtPos(map, piece.from)).toBe(piece.block)
          expect(blockAtPos(map, piece.to)).toBe(piece.block)
          expect(doc.resolve(piece.from).parent).toBe(doc.resolve(piece.to).parent)
        }
        const text = pieces.map((piece) => doc.textBetween(piece.from, piece.to)).join('')
        expect(text).toBe(from < to ? doc.textBetween(from, to) : '')
      }),
    )
  })
})
