/**
 * How well page furniture is told from the article on synthetic pasted pages of seven outlet
 * styles (tests/fixtures/pasted): precision and recall of "furniture" over all their blocks.
 * Hiding an article sentence is worse than showing a menu, so precision has the higher floor.
 */
import { describe, expect, it } from 'vitest'
import { blockText, expectCanonical, parseString } from './helpers'
import { pastedPages } from './pasted-pages'

const PRECISION_FLOOR = 0.98
const RECALL_FLOOR = 0.9

describe('furniture detection on pasted pages', () => {
  const pages = pastedPages()

  it('has pages of at least six outlet styles', () => {
    expect(pages.length).toBeGreaterThanOrEqual(6)
  })

  it(`marks furniture with precision >= ${PRECISION_FLOOR} and recall >= ${RECALL_FLOOR}`, () => {
    let truePositives = 0
    let falsePositives = 0
    let falseNegatives = 0
    const mistakes: string[] = []
    for (const page of pages) {
      const doc = parseString(page.text, page.name)
      expectCanonical(doc)
      for (const block of doc.blocks) {
        const text = blockText(doc, block)
        const labelled = page.furniture.get(text)
        // Every block is one labelled line: the lines of a pasted page are never joined.
        expect(labelled, `${page.name}: block ${JSON.stringify(text)} is one line`).toBeDefined()
        const detected = block.boilerplate === true
        if (detected && labelled) truePositives++
        else if (detected) {
          falsePositives++
          mistakes.push(`${page.name}: article marked as furniture: ${text}`)
        } else if (labelled) {
          falseNegatives++
          mistakes.push(`${page.name}: furniture kept: ${text}`)
        }
      }
    }
    const precision = truePositives / (truePositives + falsePositives)
    const recall = truePositives / (truePositives + falseNegatives)
    console.log(
      `furniture on ${pages.length} pasted pages: precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)} ` +
        `(${truePositives} found, ${falsePositives} wrong, ${falseNegatives} missed)\n  ${mistakes.join('\n  ')}`,
    )
    expect(precision).toBeGreaterThanOrEqual(PRECISION_FLOOR)
    expect(recall).toBeGreaterThanOrEqual(RECALL_FLOOR)
  })
})
