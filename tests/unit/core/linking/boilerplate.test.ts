import { describe, expect, it } from 'vitest'
import { isBoilerplateSentence } from '../../../../src/core/linking/boilerplate'
import { suggestLinks } from '../../../../src/core/linking'
import { claimIn, makeDocument } from './helpers'

describe('boilerplate sentences', () => {
  it('recognises cross-links, appeals, cookie notices and copyright lines', () => {
    for (const text of [
      'Read also: Port strike halts grain exports from Odesa',
      'Related: Ministers meet to discuss the fishing quota',
      'Support independent journalism: become a member from $5 a month.',
      'We use cookies to improve your experience on this site.',
      '© 2026 Harbour Gazette. All rights reserved.',
      '(c) 2026 The Valley Courier',
    ]) {
      expect(isBoilerplateSentence(text), text).toBe(true)
    }
  })

  it('leaves reporting alone, even about the same topics', () => {
    for (const text of [
      'The union said it would read the offer closely before voting.',
      'Related talks in Geneva ended without agreement on Tuesday.',
      'The court ruled that the copyright claim had no merit.',
      'Officials said the cookies were recalled over a labelling error.',
    ]) {
      expect(isBoilerplateSentence(text), text).toBe(false)
    }
  })

  it('ranks a cross-link headline below the article sentence saying the same', () => {
    const source = makeDocument('a', ['Dockworkers in Rotterdam walked out over pay on Monday.'])
    const other = makeDocument('b', [
      'Read also: Dockworkers in Rotterdam walked out over pay',
      'Dockworkers in Rotterdam walked out over pay, the union said on Monday.',
    ])
    const claim = claimIn(source, 'Dockworkers in Rotterdam walked out over pay', 'c1')
    const [first] = suggestLinks(
      { claim, document: source },
      { documents: [source, other], claims: [] },
    )
    expect(first!.target.kind === 'sentence' && first!.target.text).toMatch(/^Dockworkers/)
  })
})
