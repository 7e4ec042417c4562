/**
 * User Timing measures around the reader's expensive steps ("reader:build doc", "reader:draw
 * claims", ...): they show in DevTools' Timings track, and the benchmarks read them back to
 * say where the time of a render went. Only the latest measure of each name is kept, so a
 * long session does not fill the performance buffer.
 */
export function timed<T>(name: string, work: () => T): T {
  const start = performance.now()
  try {
    return work()
  } finally {
    const measure = `reader:${name}`
    performance.clearMeasures(measure)
    performance.measure(measure, { start, end: performance.now() })
  }
}
