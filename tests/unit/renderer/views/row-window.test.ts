import { describe, expect, it } from 'vitest'
import {
  itemsPerPage,
  itemsToDraw,
  itemWindow,
  sameWindow,
  scrollToReveal,
} from '../../../../src/renderer/views/row-window'

// Rows of 40 px under a 60 px sticky header, in a viewport 460 px tall.
const base = { leading: 60, itemSize: 40, overscan: 2, viewport: 460 }

describe('rowWindow', () => {
  it('draws the rows under the header plus overscan below at the top', () => {
    // 400 px below the header: rows 0-9 visible, 2 more below.
    expect(itemWindow({ ...base, scroll: 0, count: 500 })).toEqual({ first: 0, end: 12 })
  })

  it('follows the scroll position, with overscan on both sides', () => {
    // scrollTop 1000: row 25 at the top edge (1000 / 40), 10 rows visible, 25-34.
    expect(itemWindow({ ...base, scroll: 1000, count: 500 })).toEqual({ first: 23, end: 37 })
    // Half a row scrolled: row 25 partly hidden, row 35 partly shown.
    expect(itemWindow({ ...base, scroll: 1020, count: 500 })).toEqual({ first: 23, end: 38 })
  })

  it('stops at the last row and at the first', () => {
    expect(itemWindow({ ...base, scroll: 19_600, count: 500 })).toEqual({
      first: 488,
      end: 500,
    })
    // Elastic overscroll can report a negative scrollTop.
    expect(itemWindow({ ...base, scroll: -30, count: 500 })).toEqual({ first: 0, end: 12 })
    // Scrolled beyond the end (the rows just shrank): the window is empty, not inverted.
    expect(itemWindow({ ...base, scroll: 19_600, count: 3 })).toEqual({ first: 3, end: 3 })
  })

  it('draws everything when everything fits, and nothing when there is nothing', () => {
    expect(itemWindow({ ...base, scroll: 0, count: 4 })).toEqual({ first: 0, end: 4 })
    expect(itemWindow({ ...base, scroll: 0, count: 0 })).toEqual({ first: 0, end: 0 })
  })

  it('draws at least one row in a viewport no taller than the header (not measured yet)', () => {
    expect(itemWindow({ ...base, viewport: 0, scroll: 0, count: 10 })).toEqual({
      first: 0,
      end: 3,
    })
  })

  it('stays small whatever the table size: the point of windowing', () => {
    const window = itemWindow({ ...base, scroll: 8000, count: 100_000 })
    expect(window.end - window.first).toBeLessThanOrEqual(10 + 1 + 2 * base.overscan)
  })

  it('serves columns too: document columns right of the sticky claim columns', () => {
    // 104 px columns right of 484 px of claim columns in a 1100 px wide grid, scrolled 520 px:
    // columns 5-10 in view (616 px), one more each side.
    expect(
      itemWindow({
        scroll: 520,
        viewport: 1100,
        leading: 484,
        itemSize: 104,
        count: 50,
        overscan: 1,
      }),
    ).toEqual({ first: 4, end: 12 })
  })
})

describe('sameWindow', () => {
  it('compares both ends', () => {
    expect(sameWindow({ first: 1, end: 5 }, { first: 1, end: 5 })).toBe(true)
    expect(sameWindow({ first: 1, end: 5 }, { first: 1, end: 6 })).toBe(false)
  })
})

describe('itemsToDraw', () => {
  it('is the window when the kept row is inside it or there is none', () => {
    expect(itemsToDraw({ first: 3, end: 6 }, 4, 10)).toEqual([3, 4, 5])
    expect(itemsToDraw({ first: 3, end: 6 }, null, 10)).toEqual([3, 4, 5])
  })

  it('adds the focused row before or after the window, in row order', () => {
    expect(itemsToDraw({ first: 3, end: 6 }, 0, 10)).toEqual([0, 3, 4, 5])
    expect(itemsToDraw({ first: 3, end: 6 }, 9, 10)).toEqual([3, 4, 5, 9])
  })

  it('ignores a kept row that no longer exists', () => {
    expect(itemsToDraw({ first: 0, end: 2 }, 7, 2)).toEqual([0, 1])
  })
})

describe('scrollToReveal', () => {
  const view = { leading: 60, itemSize: 40, viewport: 460 }

  it('leaves the scroll position alone when the row is in view', () => {
    expect(scrollToReveal(5, { ...view, scroll: 0 })).toBe(0)
    expect(scrollToReveal(9, { ...view, scroll: 0 })).toBe(0)
  })

  it('scrolls as little as possible: a row below comes in at the bottom edge', () => {
    // Row 10 ends at 440; 400 px are visible below the header.
    expect(scrollToReveal(10, { ...view, scroll: 0 })).toBe(40)
  })

  it('brings a row above in at the top, just under the header', () => {
    expect(scrollToReveal(3, { ...view, scroll: 1000 })).toBe(120)
  })
})

describe('itemsPerPage', () => {
  it('counts whole rows below the header, at least one', () => {
    expect(itemsPerPage(460, 60, 40)).toBe(10)
    expect(itemsPerPage(50, 60, 40)).toBe(1)
  })
})
