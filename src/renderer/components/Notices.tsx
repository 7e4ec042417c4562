/**
 * Notices: what failed (each names the file or action it is about) and what was done (an export
 * saved). Each goes by itself after a few seconds, unless the pointer is over it or the focus in
 * it (then it waits until left); a repeat shows as a count rather than a second notice.
 */
import { useEffect, useState } from 'react'
import type { Notice } from '../store/status'

/** How long a notice stays: long enough to read an error's sentence, short enough not to pile. */
export const NOTICE_MS = { error: 8000, info: 4000 } as const

interface NoticesProps {
  notices: readonly Notice[]
  onDismiss(id: number): void
}

export function Notices({ notices, onDismiss }: NoticesProps) {
  if (notices.length === 0) return null
  return (
    <div className="notices">
      {notices.map((notice) => (
        <NoticeItem key={notice.id} notice={notice} onDismiss={onDismiss} />
      ))}
    </div>
  )
}

function NoticeItem({ notice, onDismiss }: { notice: Notice; onDismiss(id: number): void }) {
  const [hovered, setHovered] = useState(false)
  const [focused, setFocused] = useState(false)
  const held = hovered || focused
  useEffect(() => {
    if (held) return
    const timer = setTimeout(() => onDismiss(notice.id), NOTICE_MS[notice.kind])
    return () => clearTimeout(timer)
  }, [held, notice.id, notice.kind, onDismiss])

  const info = notice.kind === 'info'
  return (
    <div
      className={info ? 'notice info' : 'notice'}
      role={info ? 'status' : 'alert'}
      data-testid={info ? 'toast' : 'error-message'}
      data-count={notice.count}
      onMouseEnter={() => setHovered(true)}
      onMouseLeave={() => setHovered(false)}
      onFocus={() => setFocused(true)}
      onBlur={() => setFocused(false)}
    >
      <div className="notice-text">
        <strong>
          {notice.title}
          {notice.count > 1 && (
            <span className="notice-count" data-testid="notice-count">
              ×{notice.count}
            </span>
          )}
        </strong>
        <span>{notice.message}</span>
      </div>
      <button
        type="button"
        className="icon-button"
        data-testid="error-dismiss"
        aria-label="Dismiss"
        title="Dismiss"
        onClick={() => onDismiss(notice.id)}
      >
        ×
      </button>
    </div>
  )
}
