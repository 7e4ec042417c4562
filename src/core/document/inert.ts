/**
 * The only way this module builds a DOM from untrusted HTML.
 *
 * An article file is hostile input. jsdom's defaults are the safe configuration:
 * `runScripts` unset (no script, inline event handler or javascript: URL ever
 * runs), `resources` unset (no image, stylesheet, frame or script is fetched)
 * and the URL about:blank (nothing to resolve against). jsdom implements neither
 * meta refresh nor navigation. Never add `url`, `runScripts`, `resources` or
 * `beforeParse` here. jsdom's console (CSS parse errors of the page) is silenced.
 */
import { JSDOM, VirtualConsole } from 'jsdom'

export function inertDom(html: string): JSDOM {
  return new JSDOM(html, { virtualConsole: new VirtualConsole() })
}

/** A fragment of HTML (raw HTML inside Markdown), parsed in jsdom's shared inert document. */
export function inertFragment(html: string): DocumentFragment {
  return JSDOM.fragment(html)
}
