/**
 * Timings taken inside the page, from the event's own time stamp (when the click or key went
 * down, before any handler ran) to the end of the frame that shows the result. Measuring from
 * the driver instead would add Playwright's own work (actionability checks wait for two
 * animation frames before a click) and the round trips to the browser.
 *
 * "Frame rendered": a task posted from an animation frame callback runs once that frame's
 * style, layout and paint are done, so that is when the result is on screen (as far as the page
 * can tell; the compositor then shows it). It is posted as a user-blocking task
 * (scheduler.postTask), which runs before the timers and messages the app queued for after the
 * frame; a plain message would wait for those and count them. "Next frame" (the start of the frame
 * after the change) is the older, laxer measure of the key press, kept for comparison.
 *
 * The probes are plain JavaScript installed with addInitScript: the page's CSP forbids eval,
 * and code the driver injects is exempt from it, whereas functions passed to page.evaluate
 * would be rewritten by the TypeScript loader (it wraps named functions in a helper the page
 * does not have).
 */
import type { Page } from 'playwright-core'

const PROBES = String.raw`
(() => {
  // Called from a frame callback: the first task after that frame has been rendered. A
  // user-blocking task runs before the page's own timers and messages queued meanwhile (work
  // an app defers until after the frame), which must not count as the frame's time.
  const frameRendered = (start, done) => {
    if (window.scheduler && typeof scheduler.postTask === 'function') {
      scheduler.postTask(() => done(performance.now() - start), { priority: 'user-blocking' })
      return
    }
    const channel = new MessageChannel()
    channel.port1.onmessage = () => done(performance.now() - start)
    channel.port2.postMessage(null)
  }
  const ready = {
    // The reader of the document shows its text.
    text: ({ path }) => {
      const root = document.querySelector('[data-testid="reader"][data-path="' + path + '"] .ProseMirror')
      return root !== null && root.textContent.length > 0
    },
    // The reader shows its first section with a highlight of each of its claims (more than the
    // first screen), and the claim list is there.
    firstSection: ({ path, claims }) => {
      const root = document.querySelector('[data-testid="reader"][data-path="' + path + '"] .ProseMirror')
      const section = root && root.querySelector('.rd-section')
      if (section === null || document.querySelector('[data-testid="claim-row"]') === null) return false
      const spans = section.querySelectorAll('[data-testid="claim-highlight"]')
      return new Set(Array.from(spans, (span) => span.getAttribute('data-claim-id'))).size >= claims
    },
    // The reader shows its colleagues' lanes: every stretch of text under some lane, in a
    // reader set out for that many lanes.
    lanes: ({ path, segments, lanes }) => {
      const reader = document.querySelector('[data-testid="reader"][data-path="' + path + '"]')
      const host = reader && reader.querySelector('.reader-host[data-lanes="' + lanes + '"]')
      if (!host) return false
      const starts = new Set(Array.from(host.querySelectorAll('.lane'), (span) => span.getAttribute('data-lane-start')))
      return starts.size >= segments
    },
  }
  window.__benchProbes = {
    // Arms the next click: resolves with ms from it to the first frame rendered once each of
    // the conditions holds, in their order.
    armClick(conditions) {
      window.__benchResult = new Promise((done) => {
        window.addEventListener('click', (event) => {
          const start = event.timeStamp
          const times = []
          const poll = () => {
            const next = conditions[times.length]
            if (!ready[next.condition](next)) return requestAnimationFrame(poll)
            frameRendered(start, (time) => {
              times.push(time)
              if (times.length === conditions.length) done(times)
              else requestAnimationFrame(poll)
            })
          }
          requestAnimationFrame(poll)
        }, { capture: true, once: true })
      })
    },
    // Arms the next keydown: resolves with ms to the pending highlight in the DOM, to the next
    // frame's start, and to that frame rendered.
    // Scrolls the reader to the middle of its document: resolves with ms to the first frame
    // rendered with the section at the middle of the view drawn, highlights included.
    scrollToMiddle(path) {
      return new Promise((done) => {
        const root = document.querySelector('[data-testid="reader"][data-path="' + path + '"] .ProseMirror')
        let area = root.parentElement
        while (area && !['auto', 'scroll'].includes(getComputedStyle(area).overflowY)) area = area.parentElement
        const start = performance.now()
        area.scrollTop = (area.scrollHeight - area.clientHeight) / 2
        const middle = () => {
          const box = area.getBoundingClientRect()
          const y = box.top + box.height / 2
          return Array.from(root.children).find((section) => {
            const rect = section.getBoundingClientRect()
            return rect.top <= y && rect.bottom > y
          })
        }
        const poll = () => {
          const section = middle()
          const drawn = section && !section.classList.contains('rd-section-hidden') &&
            section.querySelector('[data-testid="claim-highlight"]') !== null
          if (!drawn) return requestAnimationFrame(poll)
          frameRendered(start, done)
        }
        requestAnimationFrame(poll)
      })
    },
    armKey() {
      window.__benchResult = new Promise((done) => {
        const root = document.querySelector('.ProseMirror')
        let pressedAt = null
        window.addEventListener('keydown', (event) => (pressedAt = event.timeStamp), {
          capture: true,
          once: true,
        })
        const observer = new MutationObserver(() => {
          if (pressedAt === null || !root.querySelector('[data-claim-id="pending"]')) return
          observer.disconnect()
          const start = pressedAt
          const inDom = performance.now() - start
          requestAnimationFrame(() => {
            const nextFrame = performance.now() - start
            frameRendered(start, (rendered) => done({ inDom, nextFrame, rendered }))
          })
        })
        observer.observe(root, { childList: true, subtree: true })
      })
    },
  }
})()
`

/** Installs the probes in every document the page loads (call before page.goto). */
export async function installProbes(page: Page): Promise<void> {
  await page.addInitScript({ content: PROBES })
}

export type ReadyCondition =
  | { condition: 'text'; path: string }
  | { condition: 'firstSection'; path: string; claims: number }
  | { condition: 'lanes'; path: string; segments: number; lanes: number }

/**
 * Clicks `click` (a locator's click) and returns ms from the click to the first frame showing
 * each of `readies`, checked in their order.
 */
export async function clickToFrames(
  page: Page,
  click: () => Promise<void>,
  readies: readonly ReadyCondition[],
): Promise<number[]> {
  await page.evaluate(`window.__benchProbes.armClick(${JSON.stringify(readies)})`)
  await click()
  return (await page.evaluate('window.__benchResult')) as number[]
}

/** Clicks `click` and returns ms from the click to the frame showing `ready`. */
export async function clickToFrame(
  page: Page,
  click: () => Promise<void>,
  ready: ReadyCondition,
): Promise<number> {
  const [time] = await clickToFrames(page, click, [ready])
  return time!
}

export interface KeyTimes {
  /** keydown -> the pending highlight's element in the DOM. */
  inDom: number
  /** keydown -> the start of the next frame (the measure the project used so far). */
  nextFrame: number
  /** keydown -> that frame's style, layout and paint done. */
  rendered: number
}

/** Scrolls the reader of `path` to its middle: ms to the frame showing that part drawn. */
export async function scrollToMiddle(page: Page, path: string): Promise<number> {
  return (await page.evaluate(
    `window.__benchProbes.scrollToMiddle(${JSON.stringify(path)})`,
  )) as number
}

/** Presses `key` and returns the times to the pending highlight (a text selection must be made). */
export async function keyToHighlight(page: Page, key: string): Promise<KeyTimes> {
  await page.evaluate('window.__benchProbes.armKey()')
  await page.keyboard.press(key)
  return (await page.evaluate('window.__benchResult')) as KeyTimes
}

/** How long a fresh page settles after its project is listed, before an action is timed. */
const SETTLE_MS = 1000

/**
 * Lets a fresh page settle: idle, then a second more. A page's first second still compiles and
 * collects what starting it left, so a click then costs some 200 ms more than in an app already
 * running, which is where analysts open documents; the benchmarks time the latter.
 */
export async function settle(page: Page): Promise<void> {
  await page.evaluate('new Promise((idle) => requestIdleCallback(idle, { timeout: 2000 }))')
  await page.waitForTimeout(SETTLE_MS)
}
