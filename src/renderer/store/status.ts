/**
 * The status module: who annotates, whether their file is saved, what undo and redo would do,
 * and the notices. Notices time out (Notices.tsx pauses that while one is hovered or focused),
 * a notice repeated while still shown is counted rather than stacked, and only the newest few
 * are kept: a burst of failures must not bury the workspace.
 */
import type { AnnotationStatus } from '../../shared/api'
import type { Action, NoticeInput } from './actions'

export interface Notice extends NoticeInput {
  id: number
  /** How many times it was raised while shown. */
  count: number
}

export interface StatusState {
  /** Null until the backend's first answer. */
  annotation: AnnotationStatus | null
  notices: readonly Notice[]
  nextNoticeId: number
}

/** The most notices shown at once; older ones give way. */
export const MAX_NOTICES = 4

export const initialStatus: StatusState = { annotation: null, notices: [], nextNoticeId: 1 }

function addNotice(state: StatusState, input: NoticeInput): StatusState {
  const same = state.notices.find(
    (notice) =>
      notice.kind === input.kind &&
      notice.title === input.title &&
      notice.message === input.message,
  )
  if (same) {
    // Counted, and moved to the end with a new id: its time starts again.
    const repeated: Notice = { ...same, id: state.nextNoticeId, count: same.count + 1 }
    return {
      ...state,
      notices: [...state.notices.filter((notice) => notice !== same), repeated],
      nextNoticeId: state.nextNoticeId + 1,
    }
  }
  const notice: Notice = { ...input, id: state.nextNoticeId, count: 1 }
  return {
    ...state,
    notices: [...state.notices, notice].slice(-MAX_NOTICES),
    nextNoticeId: state.nextNoticeId + 1,
  }
}

export function statusReducer(state: StatusState, action: Action): StatusState {
  switch (action.type) {
    case 'backend/session':
    case 'backend/status':
      return { ...state, annotation: action.status }
    case 'backend/save':
      return state.annotation
        ? { ...state, annotation: { ...state.annotation, save: action.save } }
        : state
    case 'backend/changed':
      return state.annotation
        ? { ...state, annotation: { ...state.annotation, history: action.change.history } }
        : state
    case 'notice/add':
      return addNotice(state, action.notice)
    case 'notice/dismiss':
      return { ...state, notices: state.notices.filter((notice) => notice.id !== action.id) }
    default:
      return state
  }
}
