/** Notices: identical repeats are counted, not stacked; only the newest few are kept. */
import { describe, expect, it } from 'vitest'
import { initialStatus, MAX_NOTICES, statusReducer } from '../../../../src/renderer/store/status'
import type { NoticeInput } from '../../../../src/renderer/store/actions'

const add = (state: typeof initialStatus, notice: NoticeInput) =>
  statusReducer(state, { type: 'notice/add', notice })
const failure = (message: string): NoticeInput => ({
  kind: 'error',
  title: 'Could not link',
  message,
})

describe('notices', () => {
  it('counts a repeat of a notice still shown, and moves it last with a new id', () => {
    let state = add(initialStatus, failure('already linked'))
    state = add(state, { kind: 'info', title: 'Exported', message: 'claims.csv' })
    const firstId = state.notices[0]!.id
    state = add(state, failure('already linked'))
    expect(state.notices.map((notice) => [notice.title, notice.count])).toEqual([
      ['Exported', 1],
      ['Could not link', 2],
    ])
    expect(state.notices[1]!.id).not.toBe(firstId)
  })

  it('tells apart notices that differ in kind, title or message', () => {
    let state = add(initialStatus, failure('a'))
    state = add(state, failure('b'))
    state = add(state, { ...failure('a'), kind: 'info' })
    expect(state.notices).toHaveLength(3)
  })

  it('keeps the newest few', () => {
    let state = initialStatus
    for (let n = 0; n < MAX_NOTICES + 3; n++) state = add(state, failure(`failure ${n}`))
    expect(state.notices).toHaveLength(MAX_NOTICES)
    expect(state.notices.at(-1)!.message).toBe(`failure ${MAX_NOTICES + 2}`)
    expect(state.notices[0]!.message).toBe('failure 3')
  })

  it('dismisses by id', () => {
    const state = add(initialStatus, failure('a'))
    const dismissed = statusReducer(state, { type: 'notice/dismiss', id: state.notices[0]!.id })
    expect(dismissed.notices).toEqual([])
  })
})
