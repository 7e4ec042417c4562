/** Dismissible error messages; each names the file or action it is about. */

export interface Notice {
  id: number
  title: string
  message: string
  /** 'info': a confirmation (an export saved); errors otherwise. */
  kind?: 'error' | 'info'
}

interface NoticesProps {
  notices: Notice[]
  onDismiss(id: number): void
}

export function Notices({ notices, onDismiss }: NoticesProps) {
  if (notices.length === 0) return null
  return (
    <div className="notices">
      {notices.map((notice) => (
        <div
          key={notice.id}
          className={notice.kind === 'info' ? 'notice info' : 'notice'}
          role={notice.kind === 'info' ? 'status' : 'alert'}
          data-testid={notice.kind === 'info' ? 'toast' : 'error-message'}
        >
          <div className="notice-text">
            <strong>{notice.title}</strong>
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
      ))}
    </div>
  )
}
