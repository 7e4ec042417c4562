/**
 * A cheap estimate of how deeply an HTML source nests its elements, computed
 * before any DOM is built.
 *
 * Why: deep nesting is a denial-of-service vector. jsdom's parser slows down
 * quadratically with depth and overflows the stack a few thousand levels down,
 * and Readability's cost grows faster than the square of the depth (about 2 s at
 * 300 levels, minutes at 1,000). Real articles nest 20 to 80 levels; browsers'
 * parsers cap the tree at 512.
 *
 * The estimate counts start and end tags of elements that need an end tag;
 * void elements and those whose end tag may be omitted (p, li, td...) are not
 * counted, nor are self-closed tags inside SVG and MathML ("<path/>"); a
 * self-closed HTML element ("<div/>") opens like any other, as in a browser.
 * Comments and raw-text elements (script, style...) are skipped.
 */
const NOT_COUNTED = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source',
  'track', 'wbr', 'keygen', 'frame', 'p', 'li', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th',
  'tbody', 'thead', 'tfoot', 'colgroup', 'caption', 'rb', 'rt', 'rp', 'rtc', 'html', 'head', 'body',
]) // prettier-ignore
/**
 * Elements whose content is text, not markup. Not noscript, iframe or noembed: a parser
 * without scripting (ours) builds their content as elements, so it must be counted.
 */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp'])
/** SVG and MathML: the only places where "<x/>" closes itself. */
const FOREIGN = new Set(['svg', 'math'])
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*?(\/?)>/y

export function estimateNestingDepth(html: string): number {
  let depth = 0
  let max = 0
  let foreign = 0
  let i = html.indexOf('<')
  while (i !== -1) {
    if (html.startsWith('<!--', i)) {
      const end = html.indexOf('-->', i + 4)
      if (end === -1) break
      i = html.indexOf('<', end + 3)
      continue
    }
    TAG.lastIndex = i
    const match = TAG.exec(html)
    if (match === null) {
      i = html.indexOf('<', i + 1)
      continue
    }
    const name = match[2]!.toLowerCase()
    let next = TAG.lastIndex
    if (match[1] === '/') {
      if (!NOT_COUNTED.has(name) && depth > 0) depth--
      if (FOREIGN.has(name) && foreign > 0) foreign--
    } else if (RAW_TEXT.has(name)) {
      const close = new RegExp(`</${name}`, 'ig')
      close.lastIndex = next
      next = close.exec(html)?.index ?? html.length
    } else if (!NOT_COUNTED.has(name) && (match[3] !== '/' || foreign === 0)) {
      // "<path ... />" closes itself in SVG and MathML; in HTML the slash is ignored and
      // "<div/>" opens a div like "<div>" (2,000 of them nest 2,000 deep).
      if (FOREIGN.has(name) && match[3] !== '/') foreign++
      depth++
      if (depth > max) max = depth
    }
    i = html.indexOf('<', next)
  }
  return max
}
