import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { normalizeBlockText } from '../../../../src/core/document'

/** The synthetic pasted pages of tests/fixtures/pasted (see its README for the labels). */
export const pastedDir = fileURLToPath(new URL('../../../fixtures/pasted/', import.meta.url))

export interface PastedPage {
  name: string
  /** The page as the analyst's file holds it: the labels' marks removed. */
  text: string
  /** Hand label of each line, by its normalised text (list markers removed). */
  furniture: Map<string, boolean>
}

const MARK = 'F| '
const LIST_MARKER = /^\s*(?:[-*\u2022]|\d{1,3}[.)])\s+/

export function pastedPages(): PastedPage[] {
  return readdirSync(pastedDir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => readPage(name))
}

export function readPage(name: string): PastedPage {
  const furniture = new Map<string, boolean>()
  const lines = readFileSync(pastedDir + name, 'utf8')
    .split('\n')
    .map((line) => {
      const marked = line.startsWith(MARK)
      return { marked, text: marked ? line.slice(MARK.length) : line }
    })
  lines.forEach(({ marked, text }, i) => {
    const key = normalizeBlockText(text.replace(LIST_MARKER, ''))
    if (key === '') return
    furniture.set(key, marked)
    // A line that continues the one before it ("214" / "comments") makes one block with it.
    const next = lines[i + 1]
    if (next !== undefined && next.marked === marked) {
      furniture.set(normalizeBlockText(`${key} ${next.text}`), marked)
    }
  })
  return { name, text: lines.map((line) => line.text).join('\n'), furniture }
}
