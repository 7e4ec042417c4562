/**
 * The wording of page furniture: what a line says when it is a button, a menu, an appeal, a
 * cross-link or a footer rather than reporting. Each pattern needs the furniture's own wording
 * (a lead-in at the start of the line, an appeal or notice phrase, a line made only of interface
 * words), never a topic word, so a sentence of an article about cookies or donations is kept.
 */

/** Lines that are furniture by their wording alone, wherever they stand. */
const FURNITURE_LINES: readonly RegExp[] = [
  // Cross-links with their teaser on the same line: "Read also: …", "READ MORE: …".
  /^(?:read (?:also|more|next)|see also|also read|related(?: (?:articles?|stories|coverage|reading|content))?|more on this(?: story)?|recommended(?: for you)?|editor'?s picks?|watch|listen|more from [^:]{1,40})\s*[:–—|]\s*\S/i,
  // Appeals for money and sign-ups.
  /\bsupport (?:independent|our|quality|local|public[- ]interest) journalism\b/i,
  /\b(?:is|are) (?:reader|member|listener)[- ](?:funded|supported)\b/i,
  /\bplease consider (?:a |making a |supporting )?(?:(?:small |one-off |monthly |regular )?(?:contribution|donation|gift)|supporting|subscribing)\b/i,
  /^a message from [^:]{2,60}:/i,
  /^(?=.*\b(?:you|us|our)\b).*\b(?:donate|support us|become a (?:member|subscriber|supporter)|make a (?:contribution|donation))\b.{0,80}\b(?:today|now|any size|per month|a month)\b/i,
  /^(?:[Ss]upport|[Dd]onate to|[Ss]ubscribe to|[Ss]ign up (?:for|to)|[Ff]ollow) (?:us|our|the|\p{Lu}[\p{L}&' ]{1,40})\b.{0,60}(?<![.!?"”])$/u,
  /^(?:sign up|subscribe)\b.{0,60}\b(?:newsletter|briefing|digest|alerts?|updates)\b/i,
  // Cookie and consent notices, script warnings.
  /\b(?:we|this (?:site|website)|our (?:site|website)) uses? cookies\b/i,
  /^(?:cookie|privacy) (?:policy|settings|preferences|notice)\b/i,
  /\b(?:turn on|enable) javascript\b/i,
  // Share and follow rows.
  /^(?:share|post|tweet|send) (?:on|to|via) (?:facebook|x|twitter|whatsapp|linkedin|telegram|reddit|email)\b/i,
  /^(?:email|print|share|save) this (?:article|story|page)\b/i,
  /^follow [\p{L}&' ]{1,40} on (?:facebook|x|twitter|instagram|telegram|tiktok|youtube)\b/iu,
  /^(?:download|get) (?:the|our) (?:\p{L}+ )?app\b/iu,
  /^download (?:the )?pdf\b/i,
  /^listen to (?:this|the) (?:article|story)\b/i,
  /^\d+\s*min(?:ute)?s? read$/i,
  // Keyword and topic lines with their items.
  /^(?:tags|topics|keywords|filed under|suggested topics|more about|categories)\s*:\s*\S/i,
  /^(?:#[\p{L}\p{N}_-]+(?: [\p{L}\p{N}_-]+)?\s*){2,}$/u,
  // Feedback and comment prompts.
  /^(?:send (?:us )?feedback|give feedback|report an error|how can we improve\??|thanks for your feedback!?|was this (?:article|story) (?:helpful|useful)\??)$/i,
  /^(?:do you have|got) a (?:story|tip)\b/i,
  /\bthe comments below have not been\b/i,
  /^(?:join the conversation|share what you think|comments? \(\d+\)|\d+ comments?)$/i,
  // Syndication and footers.
  /^(?:this (?:article|story) )?(?:was )?(?:originally )?(?:read the original article|first (?:appeared|published)) (?:on|in|at) /i,
  /^(?:©|\([cC]\)|(?:[Cc]opyright|COPYRIGHT)\s*(?:©|\(c\)|\d{4}\b|\p{Lu}))(?=.{0,160}$)/u,
  /\ball rights reserved\b/i,
  /\b(?:is a registered charity|views expressed (?:in this [\p{L}]+ )?are (?:the author'?s|those of the author))/iu,
  /^our standards\s*:/i,
  /^advertisement$|^(?:sponsored|paid) content$|^ad$/i,
  /^\(end\)$/i,
  // Relative times and counters that stand alone: "3h", "2 hours ago", "214".
  /^(?:\d+\s*(?:h|m|d|min|mins|hrs?|hours?|minutes?|days?)(?: ago)?)$/i,
  /^[\d.,]+\s*[kKmM]?$/,
  // Navigation: breadcrumbs and skip links.
  /^(?:skip to|go to) (?:main )?(?:content|navigation|contents|search)\b/i,
  /^(?:back to top|return to top)$/i,
]

/**
 * Interface words: a line made only of these (one to four of them) is a button or a menu entry
 * ("Share", "Print", "Sign in", "Send Feedback", "View all").
 */
const INTERFACE_WORDS = new Set(
  (
    'share sharing print email e-mail save bookmark menu search home sign log in out up login ' +
    'logout register subscribe subscription donate comments comment reply feedback send follow ' +
    'us view all more next previous back close open listen watch play continue reading copy ' +
    'link newsletter newsletters account my profile settings contact about donate now support ' +
    'top'
  ).split(' '),
)

/**
 * Standalone section openers after which a list of teasers or tags follows: "Related", "Most
 * Read", "Read Next", "Suggested Topics:", "Keywords".
 */
const SECTION_LEAD_IN =
  /^(?:related(?: (?:articles?|stories|coverage|reading|content|topics))?|read (?:also|more|next)|see also|also read|more (?:for you|from [\p{L}&' ]{1,40}|on this(?: story)?|stories|news)|most (?:read|popular|viewed|shared)|trending(?: now)?|recommended(?: for you| stories)?|you (?:may|might) also like|suggested (?:topics|reading)|topics|keywords|tags|articles with issue keywords|editor'?s picks|top stories|latest(?: news)?|key events|comments|watch next|in other news)\s*:?$/iu

/** True when the line's own wording makes it page furniture. */
export function isFurnitureLine(text: string): boolean {
  if (FURNITURE_LINES.some((pattern) => pattern.test(text))) return true
  return isInterfaceLine(text)
}

/** A line made only of one to four interface words. */
export function isInterfaceLine(text: string): boolean {
  const words = text
    .toLowerCase()
    .replace(/[|•·›»>:!.]/g, ' ')
    .split(/\s+/)
    .filter((word) => word !== '')
  return words.length > 0 && words.length <= 4 && words.every((word) => INTERFACE_WORDS.has(word))
}

/** A standalone opener of a block of teasers or tags. */
export function isSectionLeadIn(text: string): boolean {
  return SECTION_LEAD_IN.test(text)
}

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?'
const DATE_IN_LINE = new RegExp(
  `\\b(?:${MONTH}\\s+\\d{1,2}\\b|\\d{1,2}\\s+${MONTH}\\b|\\d{4}-\\d{2}-\\d{2}\\b|\\d{1,2}[./]\\d{1,2}[./]\\d{2,4}\\b)`,
  'i',
)
const LEADING_TIME = /^(?:updated\s*:?\s*)?\d{1,2}[:.]\d{2}\b/i
const BYLINE =
  /^(?:[Bb]y|BY|[Ss]tory by|[Ww]ords by|[Ww]ritten by|[Aa]uthors?|[Rr]eporting by)\s*:?\s+\p{Lu}/u

/**
 * Lines of the article's header that are short and unlike prose but belong to the article:
 * bylines and date or time lines ("By Kerry Duff", "Published: 07:15 BST, 9 May 2026", "18:20
 * CET" above a live-blog entry). They are never furniture.
 */
export function isBylineOrDateLine(text: string): boolean {
  if (text.length > 120) return false
  if (BYLINE.test(text)) return true
  const datedOrTimed = DATE_IN_LINE.test(text) || LEADING_TIME.test(text)
  return datedOrTimed && text.split(/\s+/).length <= 14
}

/** Lines made of link-like parts: breadcrumbs, pipe-separated menus, bare addresses. */
export function isLinkLikeLine(text: string): boolean {
  if (/^(?:https?:\/\/|www\.)\S+$/i.test(text)) return true
  const parts = text.split(/\s+(?:\||>|›|»|·|•)\s+/)
  if (parts.length < 3) return false
  return parts.every((part) => part.split(/\s+/).length <= 4 && !/[.!?]$/.test(part))
}
