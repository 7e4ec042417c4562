import { describe, expect, it } from 'vitest'
import { fuzziness, processTerm, tokenize } from '../../../../src/backend/annotations/search-terms'

const terms = (text: string) =>
  tokenize(text)
    .map(processTerm)
    .filter((term) => term !== null)

describe('claim search terms', () => {
  it('reads a figure as its value, however it is written', () => {
    for (const written of ['13000', '13,000', '13K', '13 thousand', 'thirteen thousand']) {
      expect(terms(written), written).toContain('13000')
      expect(terms(written), written).not.toContain('000')
    }
    expect(terms('more than 13 thousand containers')).toEqual([
      'more',
      'than',
      'thousand',
      'containers',
      '13000',
    ])
    expect(terms('152mm shells')).toEqual(['shells', '152'])
  })

  it('keeps dates as words', () => {
    expect(terms('since mid-2022')).toEqual(['since', 'mid', '2022'])
  })

  it('folds case and accents; drops function words and stray letters', () => {
    expect(terms('Amélie DURAND of the Kremlin’s office')).toEqual([
      'amelie',
      'durand',
      'kremlin',
      'office',
    ])
  })

  it('forgives typos in longer words only, never in figures', () => {
    expect(fuzziness('dia')).toBe(false)
    expect(fuzziness('tumangan')).toBeGreaterThan(0)
    expect(fuzziness('13000')).toBe(false)
  })
})
