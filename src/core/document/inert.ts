/**
 * The only way this module builds a DOM from untrusted HTML.
 *
 * An article file is hostile input. linkedom is a DOM without a browser: it
 * parses markup into nodes (htmlparser2) and has no script engine, no network,
 * no style or layout engine, no frames and no navigation, so no script, inline
 * event handler or javascript: URL of a page can run and nothing remote can
 * load, whatever the page contains. It is also several times faster than jsdom
 * on the large pages analysts save (see `npm run bench`).
 */
import { parseHTML } from 'linkedom'

/** A whole page, parsed inert. */
export function inertDocument(html: string): Document {
  return parseHTML(asWholePage(html)).document as unknown as Document
}

/**
 * linkedom builds a proper <html><head><body> tree only from a whole page; a
 * fragment or a page that starts at <body> (common in saved snippets) is
 * wrapped first so that `document.body` holds its content.
 */
function asWholePage(html: string): string {
  if (/<html[\s>]/i.test(html)) return html
  if (/<body[\s>]/i.test(html)) return `<html>${html}</html>`
  return `<html><head></head><body>${html}</body></html>`
}

/** A fragment of HTML (raw HTML inside Markdown), parsed inert. */
export function inertFragment(html: string): DocumentFragment {
  const { document } = parseHTML('<!doctype html><html><body></body></html>')
  const template = document.createElement('template')
  template.innerHTML = html
  return template.content as unknown as DocumentFragment
}
