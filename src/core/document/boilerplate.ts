/**
 * Boilerplate that Readability keeps: it scores whole containers, so a
 * donation appeal or a "Read also:" line placed *inside* the article body
 * survives it. This pass runs on the page before Readability and removes:
 *
 * 1. Elements whose class or id names them as boilerplate: a class token with a
 *    segment (split on "-" and "_") such as donate, donation, contributions,
 *    newsletter, subscribe, paywall, promo, cookie, consent, gdpr, share,
 *    social, advert, related, recommended or "read-also" / "read-more".
 *    Only small elements (under 600 characters of text) are removed, so a page
 *    that puts such a class on its article container keeps its article.
 * 2. Short blocks (under 250 characters) whose text starts with a cross-link
 *    lead-in: "Read also", "Read more", "See also", "Also read", "Related",
 *    "More on this story", and that contain a link.
 *
 * Plain-text and Markdown files are not filtered here: their furniture stays in
 * the text and is marked per block (furniture.ts).
 */

const BOILERPLATE_SEGMENTS = new Set([
  'donate',
  'donation',
  'donations',
  'contribution',
  'contributions',
  'newsletter',
  'subscribe',
  'subscription',
  'paywall',
  'promo',
  'cookie',
  'cookies',
  'consent',
  'gdpr',
  'share',
  'sharing',
  'social',
  'advert',
  'advertisement',
  'ad',
  'ads',
  'related',
  'recommended',
])

const TWO_WORD_NAMES = /(^|[-_])read[-_]?(also|more)([-_]|$)/i

const CROSS_LINK_LEAD_IN =
  /^(read also|read more|see also|also read|related( stories| articles| coverage)?|more on this( story)?)\b/i

const MAX_NAMED_TEXT = 600
const MAX_LEAD_IN_TEXT = 250

/** Never removed, whatever their class: they hold the page or its article. */
const CONTAINERS = new Set(['HTML', 'HEAD', 'BODY', 'MAIN', 'ARTICLE'])

export function removeBoilerplate(document: Document): void {
  for (const element of Array.from(document.querySelectorAll('[class], [id]'))) {
    if (CONTAINERS.has(element.tagName.toUpperCase())) continue
    if (isNamedBoilerplate(element) && textLength(element) < MAX_NAMED_TEXT) element.remove()
  }
  for (const element of Array.from(document.querySelectorAll('p, li, div, aside'))) {
    if (element.querySelector('a') === null) continue
    const text = (element.textContent ?? '').trim()
    if (text.length < MAX_LEAD_IN_TEXT && CROSS_LINK_LEAD_IN.test(text)) element.remove()
  }
}

function isNamedBoilerplate(element: Element): boolean {
  const names = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`
  return names.split(/\s+/).some(
    (token) =>
      TWO_WORD_NAMES.test(token) ||
      token
        .toLowerCase()
        .split(/[-_]/)
        .some((segment) => BOILERPLATE_SEGMENTS.has(segment)),
  )
}

function textLength(element: Element): number {
  return (element.textContent ?? '').replace(/\s+/g, ' ').trim().length
}
