/** First run: what Corroborate is for, and the three ways to start. */

interface WelcomeProps {
  busy: boolean
  onOpenSample(): void
  onChooseProject(): void
  onChooseFiles(): void
}

export function Welcome({ busy, onOpenSample, onChooseProject, onChooseFiles }: WelcomeProps) {
  return (
    <main className="welcome" data-testid="welcome">
      <div className="welcome-card">
        <h1>Welcome to Corroborate</h1>
        <p>
          Read articles from several outlets side by side, highlight their claims and check them
          against each other. Start with the sample project, or open your own articles.
        </p>
        <div className="welcome-actions">
          <button
            type="button"
            className="primary"
            data-testid="open-sample"
            disabled={busy}
            onClick={onOpenSample}
          >
            Open the sample project
          </button>
          <button type="button" data-testid="open-folder" disabled={busy} onClick={onChooseProject}>
            Open a folder…
          </button>
          <button type="button" data-testid="open-files" disabled={busy} onClick={onChooseFiles}>
            Open files…
          </button>
        </div>
        <p className="welcome-hint">
          Plain text, Markdown and HTML articles are read. Your files are never changed.
        </p>
      </div>
    </main>
  )
}
