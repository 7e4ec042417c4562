import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { expect } from 'vitest'
import { parseDocument } from '../../../../src/core/document/parse'
import { type Block, type CanonicalDocument } from '../../../../src/core/document'

export const fixturesDir = fileURLToPath(new URL('../../../fixtures/articles/', import.meta.url))

export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(fixturesDir + name))
}

export function parseFixture(name: string): CanonicalDocument {
  return parseDocument(fixtureBytes(name), name)
}

export function parseString(text: string, fileName: string): CanonicalDocument {
  return parseDocument(new TextEncoder().encode(text), fileName)
}

export function blockText(doc: CanonicalDocument, block: Block): string {
  return doc.text.slice(block.start, block.end)
}

/** Blocks as [type, text] pairs, the shape most assertions read best in. */
export function outline(doc: CanonicalDocument): [string, string][] {
  return doc.blocks.map((block) => [block.type, blockText(doc, block)])
}

/** The invariants every canonical document keeps, whatever its source. */
export function expectCanonical(doc: CanonicalDocument): void {
  expect(doc.blocks.length).toBeGreaterThan(0)
  expect(doc.text).not.toMatch(/\r/)
  expect(doc.text.normalize('NFC')).toBe(doc.text)
  expect(doc.id).toBe(createHash('sha256').update(Buffer.from(doc.text, 'utf8')).digest('hex'))
  expect(doc.blocks[0]!.start).toBe(0)
  expect(doc.blocks[doc.blocks.length - 1]!.end).toBe(doc.text.length)
  doc.blocks.forEach((block, i) => {
    const text = blockText(doc, block)
    expect(block.end).toBeGreaterThan(block.start)
    expect(text).not.toMatch(/\n/)
    expect(text).toBe(text.trim())
    expect(text).not.toMatch(/\s\s/)
    expect(text).not.toMatch(/\u00A0/)
    if (i > 0) {
      expect(block.start).toBe(doc.blocks[i - 1]!.end + 2)
      expect(doc.text.slice(doc.blocks[i - 1]!.end, block.start)).toBe('\n\n')
    }
    if (block.type === 'heading') expect(block.level).toBeGreaterThanOrEqual(1)
    if (block.type === 'heading') expect(block.level).toBeLessThanOrEqual(6)
    if (block.type === 'list-item') {
      expect(typeof block.ordered).toBe('boolean')
      expect(block.depth).toBeGreaterThanOrEqual(0)
    }
  })
  expect(doc.blocks.map((block) => blockText(doc, block)).join('\n\n')).toBe(doc.text)
}
