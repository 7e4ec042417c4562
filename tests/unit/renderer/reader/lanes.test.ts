import { describe, expect, it } from 'vitest'
import { laneSegments, laneStyle } from '../../../../src/renderer/reader/lanes'

const span = (lane: number, start: number, end: number) => ({
  lane,
  start,
  end,
  title: `${lane}:${start}-${end}`,
})

describe('laneSegments', () => {
  it('cuts the text where the set of lanes changes, leaving gaps out', () => {
    expect(laneSegments([span(0, 0, 10), span(1, 5, 15), span(0, 20, 25)])).toEqual([
      { start: 0, end: 5, lanes: [0], titles: ['0:0-10'] },
      { start: 5, end: 10, lanes: [0, 1], titles: ['0:0-10', '1:5-15'] },
      { start: 10, end: 15, lanes: [1], titles: ['1:5-15'] },
      { start: 20, end: 25, lanes: [0], titles: ['0:20-25'] },
    ])
  })

  it('draws a lane once where one annotator’s claims overlap, naming both', () => {
    expect(laneSegments([span(2, 0, 8), span(2, 4, 8)])).toEqual([
      { start: 0, end: 4, lanes: [2], titles: ['2:0-8'] },
      { start: 4, end: 8, lanes: [2], titles: ['2:0-8', '2:4-8'] },
    ])
  })

  it('gives each lane its own depth under the text', () => {
    const style = laneStyle([0, 2], ['#111111', '#222222', '#333333'])
    expect(style).toContain('linear-gradient(#111111, #111111), linear-gradient(#333333, #333333)')
    // Lane 0 lowest of three, lane 2 at the top of the lanes.
    expect(style).toContain('0 calc(100% - 6px), 0 calc(100% - 0px)')
  })
})
