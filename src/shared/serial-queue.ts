/**
 * Runs async tasks one after another, each starting when the one before has settled (a failure
 * does not stop the queue). The backend runs every change of the workspace and of the
 * annotations through one, so that undo always undoes the change before it; the renderer sends
 * its commands through one, so that over HTTP two requests cannot overtake each other.
 */
export type SerialQueue = <T>(task: () => Promise<T>) => Promise<T>

export function createSerialQueue(): SerialQueue {
  let tail: Promise<unknown> = Promise.resolve()
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task, task)
    tail = run.catch(() => undefined)
    return run
  }
}
