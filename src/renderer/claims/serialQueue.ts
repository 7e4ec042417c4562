/**
 * Runs async tasks one after another. Claim commands go through one queue so that the backend
 * receives them in the order the analyst made them: over HTTP two requests may otherwise
 * overtake each other, and an undo could arrive before the edit it is meant to undo.
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
