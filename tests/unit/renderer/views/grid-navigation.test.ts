import { describe, expect, it } from 'vitest'
import { moveInGrid } from '../../../../src/renderer/views/grid-navigation'

const size = { rows: 100, columns: 6, pageRows: 10 }
const key = (name: string, ctrlKey = false) => ({ key: name, ctrlKey, metaKey: false })
const at = { row: 50, column: 3 }

describe('moveInGrid', () => {
  it('moves one cell with the arrows', () => {
    expect(moveInGrid(at, key('ArrowUp'), size)).toEqual({ row: 49, column: 3 })
    expect(moveInGrid(at, key('ArrowDown'), size)).toEqual({ row: 51, column: 3 })
    expect(moveInGrid(at, key('ArrowLeft'), size)).toEqual({ row: 50, column: 2 })
    expect(moveInGrid(at, key('ArrowRight'), size)).toEqual({ row: 50, column: 4 })
  })

  it('goes to the ends of the row with Home and End, to the corners with Ctrl', () => {
    expect(moveInGrid(at, key('Home'), size)).toEqual({ row: 50, column: 0 })
    expect(moveInGrid(at, key('End'), size)).toEqual({ row: 50, column: 5 })
    expect(moveInGrid(at, key('Home', true), size)).toEqual({ row: 0, column: 0 })
    expect(moveInGrid(at, key('End', true), size)).toEqual({ row: 99, column: 5 })
    expect(moveInGrid(at, { key: 'End', ctrlKey: false, metaKey: true }, size)).toEqual({
      row: 99,
      column: 5,
    })
  })

  it('moves a page of rows with Page Up and Page Down', () => {
    expect(moveInGrid(at, key('PageUp'), size)).toEqual({ row: 40, column: 3 })
    expect(moveInGrid(at, key('PageDown'), size)).toEqual({ row: 60, column: 3 })
    expect(moveInGrid(at, key('PageDown'), { ...size, pageRows: 0 })).toEqual({
      row: 51,
      column: 3,
    })
  })

  it('stays inside the grid (and still takes the key) at its edges', () => {
    expect(moveInGrid({ row: 0, column: 0 }, key('ArrowUp'), size)).toEqual({ row: 0, column: 0 })
    expect(moveInGrid({ row: 0, column: 0 }, key('ArrowLeft'), size)).toEqual({
      row: 0,
      column: 0,
    })
    expect(moveInGrid({ row: 95, column: 5 }, key('PageDown'), size)).toEqual({
      row: 99,
      column: 5,
    })
    expect(moveInGrid({ row: 99, column: 5 }, key('ArrowRight'), size)).toEqual({
      row: 99,
      column: 5,
    })
  })

  it('leaves other keys, and empty grids, alone', () => {
    expect(moveInGrid(at, key('Enter'), size)).toBeNull()
    expect(moveInGrid(at, key('a'), size)).toBeNull()
    expect(moveInGrid(at, key('ArrowDown'), { ...size, rows: 0 })).toBeNull()
  })
})
