/** Dismissible error messages; each names the file or action it is about. */

export interface Notice {
  id: number
  title: string
  message: string
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
        <div key={notice.id} className="notice" role="alert" data-testid="error-message">
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
