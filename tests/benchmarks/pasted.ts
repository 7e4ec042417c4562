/**
 * Pasted pages: 1 MB of text pasted from web pages, one paragraph per line, with their menus,
 * appeals and footers (the synthetic pages of tests/fixtures/pasted, repeated), parsed with
 * furniture detection. Median of runs, beside the floor measured in the same run: decoding the
 * bytes, normalising them (NFC) and cutting them into lines, which any reading of them does.
 */
import { performance } from 'node:perf_hooks'
import { parseDocument } from '../../src/core/document/parse'
import { pastedPages } from '../unit/core/document/pasted-pages'
import { median } from './measure'

export function pastedText(bytes: number): string {
  const pages = pastedPages().map((page) => page.text)
  const parts: string[] = []
  let size = 0
  for (let i = 0; size < bytes; i++) {
    const page = pages[i % pages.length]!
    parts.push(page)
    size += Buffer.byteLength(page) + 1
  }
  return parts.join('\n')
}

export function benchPasted(): void {
  console.log('\n## Pasted page text with furniture detection (bytes -> canonical document)')
  console.log('size       lines   blocks  furniture  runs  median ms  floor ms')
  for (const size of [30 * 1024, 1024 * 1024]) {
    const text = pastedText(size)
    const bytes = Buffer.from(text, 'utf8')
    const runs = size < 100_000 ? 30 : 7
    parseDocument(bytes, 'warm-up.txt')
    const times: number[] = []
    const floor: number[] = []
    let blocks = 0
    let furniture = 0
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now()
      const doc = parseDocument(bytes, 'pasted.txt')
      times.push(performance.now() - t0)
      blocks = doc.blocks.length
      furniture = doc.blocks.filter((block) => block.boilerplate).length
      const t1 = performance.now()
      new TextDecoder().decode(bytes).normalize('NFC').split('\n')
      floor.push(performance.now() - t1)
    }
    const sizeLabel = `${(bytes.length / 1024).toFixed(0)} KB`
    console.log(
      `${sizeLabel.padEnd(10)} ${String(text.split('\n').length).padEnd(7)} ${String(blocks).padEnd(7)} ${String(furniture).padEnd(10)} ${String(runs).padEnd(5)} ${median(times).toFixed(1).padStart(9)}  ${median(floor).toFixed(1).padStart(8)}`,
    )
  }
}
