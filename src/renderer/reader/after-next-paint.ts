/**
 * Resolves once the browser has painted the next frame, so what the analyst waits for (a new
 * highlight) is on screen before the work that can wait (panels, the call to the backend) runs.
 * A hidden page paints no frames: after a short while it resolves anyway.
 */
const HIDDEN_PAGE_WAIT_MS = 100

export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    let resolved = false
    const done = () => {
      if (resolved) return
      resolved = true
      resolve()
    }
    // A frame callback runs before that frame's paint; a task queued from it runs after.
    if (typeof requestAnimationFrame === 'function') {
      requestAnimationFrame(() => setTimeout(done, 0))
    }
    setTimeout(done, HIDDEN_PAGE_WAIT_MS)
  })
}
