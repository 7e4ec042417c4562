/**
 * Sentence candidates: Intl.Segmenter's cuts, mended after the abbreviations news copy writes
 * before a name or a number (invented places and outlets throughout).
 */
import { describe, expect, it } from 'vitest'
import { segmentSentences } from '../../../../src/core/linking'
import { makeDocument } from './helpers'

const sentencesOf = (...paragraphs: string[]) =>
  segmentSentences(makeDocument('doc', paragraphs)).map((sentence) => sentence.text)

describe('segmentSentences', () => {
  it('does not cut a dateline after the month', () => {
    expect(
      sentencesOf(
        'VELDMOOR, Aug. 27 (Lagoon Courier) -- Barges left the quay at dawn. The harbour stayed shut.',
      ),
    ).toEqual([
      'VELDMOOR, Aug. 27 (Lagoon Courier) -- Barges left the quay at dawn.',
      'The harbour stayed shut.',
    ])
    expect(sentencesOf('The ferry sailed on Sept. 3. Nobody at Ostrand saw it leave.')).toEqual([
      'The ferry sailed on Sept. 3.',
      'Nobody at Ostrand saw it leave.',
    ])
  })

  it('does not cut after a title or a rank', () => {
    expect(
      sentencesOf(
        'Rep. Anna Brisk said the dredging had stopped. Gen. Tomas Orr denied it. Sen. Ilse Marr asked Lt. Col. Ivo Pent and Dr. Hana Vos to testify.',
      ),
    ).toEqual([
      'Rep. Anna Brisk said the dredging had stopped.',
      'Gen. Tomas Orr denied it.',
      'Sen. Ilse Marr asked Lt. Col. Ivo Pent and Dr. Hana Vos to testify.',
    ])
  })

  it('does not cut after initials, nor after "No." before a number', () => {
    expect(
      sentencesOf(
        'Tugs of the U.S. Navy towed the dredger to No. 4 Pier at Kessel. It sank there.',
      ),
    ).toEqual([
      'Tugs of the U.S. Navy towed the dredger to No. 4 Pier at Kessel.',
      'It sank there.',
    ])
  })

  it('still cuts after a month or "no" that ends a sentence', () => {
    expect(sentencesOf('The council voted in Jan. The port reopened in March.')).toEqual([
      'The council voted in Jan.',
      'The port reopened in March.',
    ])
    expect(sentencesOf('Ostrand’s mayor said No. Then the strike began.')).toEqual([
      'Ostrand’s mayor said No.',
      'Then the strike began.',
    ])
  })

  it('keeps ranges that address the document text', () => {
    const document = makeDocument('doc', [
      'Heading at Kessel',
      'Gen. Tomas Orr left Kessel. He went home.',
    ])
    for (const sentence of segmentSentences(document)) {
      expect(document.text.slice(sentence.start, sentence.end)).toBe(sentence.text)
    }
  })
})

describe('sentences of page furniture', () => {
  it('are never candidates: a teaser echoes the claim it advertises', () => {
    const document = makeDocument('doc', [
      'Barges left the quay at Veldmoor at dawn on Tuesday.',
      'Read also: Barges left the quay at Veldmoor at dawn, again',
    ])
    document.blocks[1]!.boilerplate = true
    expect(segmentSentences(document).map((sentence) => sentence.text)).toEqual([
      'Barges left the quay at Veldmoor at dawn on Tuesday.',
    ])
  })
})
