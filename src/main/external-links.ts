/**
 * Links leaving the app: the page may ask (an article's link, window.open) but only
 * the user decides. A link opens in the system browser after a native confirmation
 * that shows the whole address, and only for http(s): other schemes (file:, smb:,
 * custom protocol handlers…) can start programs or reach the disk, so they are
 * refused without asking. The decision is pure; Electron's dialog and shell are
 * passed in by src/main/security.ts.
 */
import { isSafeExternalUrl } from './app-url'

/** What the confirmation shows; a subset of Electron's MessageBoxOptions. */
export interface ExternalLinkPrompt {
  /** The address that will be opened, exactly as shown. */
  url: string
  type: 'question'
  title: string
  message: string
  detail: string
  buttons: string[]
  defaultId: number
  cancelId: number
  noLink: boolean
}

/** The index of "Open in Browser" in the prompt's buttons. */
const OPEN_BUTTON = 0

/**
 * The confirmation for a link, or null when the link is refused outright. The URL is
 * normalised first (the parser writes internationalised host names in punycode, so
 * a look-alike host shows as xn--…) and that same string is what gets opened.
 */
export function externalLinkPrompt(candidate: string): ExternalLinkPrompt | null {
  if (!isSafeExternalUrl(candidate)) return null
  const url = new URL(candidate).href
  return {
    url,
    type: 'question',
    title: 'Open Link',
    message: 'Open this address in your web browser?',
    detail: url,
    buttons: ['Open in Browser', 'Cancel'],
    // Enter and Escape both keep the user in the app.
    defaultId: 1,
    cancelId: 1,
    noLink: true,
  }
}

export type LinkOutcome = 'opened' | 'declined' | 'refused' | 'busy'

export interface LinkOpenerDeps {
  /** Shows the prompt; resolves to the index of the button pressed. */
  confirm: (prompt: ExternalLinkPrompt) => Promise<number>
  /** Hands the URL to the system browser. */
  open: (url: string) => Promise<void>
}

/**
 * A function that asks, then opens. One question at a time: while a confirmation is
 * showing, further requests are dropped, so a page calling window.open in a loop
 * cannot pile up dialogs.
 */
export function createLinkOpener(deps: LinkOpenerDeps): (url: string) => Promise<LinkOutcome> {
  let asking = false
  return async (candidate) => {
    const prompt = externalLinkPrompt(candidate)
    if (prompt === null) return 'refused'
    if (asking) return 'busy'
    asking = true
    try {
      const answer = await deps.confirm(prompt)
      if (answer !== OPEN_BUTTON) return 'declined'
      await deps.open(prompt.url)
      return 'opened'
    } finally {
      asking = false
    }
  }
}
