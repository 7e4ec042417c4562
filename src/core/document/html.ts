/**
 * HTML and saved web pages -> blocks and metadata.
 *
 * The main content is found by Mozilla's Readability (the engine of Firefox's
 * Reader View) on an inert DOM, which drops navigation, cookie banners, "Related"
 * lists and other boilerplate; dom-blocks.ts then turns it into blocks.
 *
 * HOSTILE INPUT: pages are only ever parsed through inert.ts, which runs nothing
 * and loads nothing; see there.
 */
import { Readability } from '@mozilla/readability'
import { removeBoilerplate } from './boilerplate'
import { appendDomBlocks } from './dom-blocks'
import { inertDocument } from './inert'
import { estimateNestingDepth } from './nesting'
import { setMetadata } from './metadata'
import { DocumentBuilder, normalizeBlockText } from './normalize'
import type { ParsedContent } from './parsed'
import type { DocumentMetadata } from './types'

const ARTICLE_TYPES =
  /^(?:Article|NewsArticle|AnalysisNewsArticle|ReportageNews|OpinionNewsArticle|BackgroundNewsArticle|BlogPosting|Report|ScholarlyArticle|TechArticle|SocialMediaPosting|LiveBlogPosting)$/

/** Deeper pages are refused: DOM building itself degrades past this (see nesting.ts). */
export const MAX_HTML_NESTING = 1000
/** Deeper pages skip Readability, whose cost explodes with depth, and keep all their text. */
const MAX_READABILITY_NESTING = 200

export function parseHtml(source: string): ParsedContent {
  const warnings: string[] = []
  const depth = estimateNestingDepth(source)
  if (depth > MAX_HTML_NESTING) {
    throw new Error(
      `its HTML elements are nested ${depth} levels deep (the limit is ${MAX_HTML_NESTING})`,
    )
  }
  if (depth > MAX_READABILITY_NESTING) {
    warnings.push(
      `The page is nested ${depth} levels deep, too deep to look for the article in it; the text of the whole page was kept.`,
    )
    const document = inertDocument(source)
    const metadata = readPageMetadata(document, source)
    setMetadata(metadata, 'title', document.title)
    return wholePage(document, metadata, warnings)
  }
  const document = inertDocument(source)
  // Read everything Readability is about to remove or rewrite first.
  const pageMetadata = readPageMetadata(document, source)
  const pageTitle = document.title
  const headlines = Array.from(document.querySelectorAll('h1, h2'), (h) =>
    normalizeBlockText(h.textContent ?? ''),
  ).filter((text) => text !== '')
  removeBoilerplate(document)

  let article: ReturnType<Readability<Node>['parse']> = null
  try {
    article = new Readability<Node>(document, { serializer: (node) => node }).parse()
  } catch (error) {
    warnings.push(`The article could not be isolated from the page (${String(error)}).`)
  }

  const metadata: DocumentMetadata = { ...pageMetadata }
  setMetadata(metadata, 'title', article?.title)
  setMetadata(metadata, 'title', pageTitle)
  setMetadata(metadata, 'author', article?.byline?.replace(/^\s*by\s+/i, ''))
  setMetadata(metadata, 'outlet', article?.siteName)
  setMetadata(metadata, 'published', article?.publishedTime)
  setMetadata(metadata, 'language', article?.lang)
  if (metadata.title !== undefined && metadata.outlet !== undefined) {
    metadata.title = withoutOutletSuffix(metadata.title, metadata.outlet)
  }

  const builder = new DocumentBuilder()
  const content = article?.content
  if (content !== null && content !== undefined) {
    const headline = findHeadline(metadata.title, headlines)
    // Readability removes the headline because it duplicates the title; it is
    // visible text of the page, and claims are made in headlines, so it stays.
    if (headline !== undefined && !containsHeading(content, headline)) {
      builder.add('heading', headline, { level: 1 })
    }
    const before = builder.blockCount
    appendDomBlocks(content, builder)
    if (builder.blockCount === before) {
      return fallback(source, metadata, warnings)
    }
    const { text, blocks } = builder.build()
    return { text, blocks, metadata, warnings }
  }
  return fallback(source, metadata, warnings)
}

/** No article found: keep the text of the whole body rather than nothing. */
function fallback(source: string, metadata: DocumentMetadata, warnings: string[]): ParsedContent {
  // Readability has rewritten the first DOM; parse again (rare path).
  const result = wholePage(inertDocument(source), metadata, warnings)
  if (result.blocks.length > 0) {
    warnings.push('No article was recognised on the page; the text of the whole page was kept.')
  }
  return result
}

function wholePage(
  document: Document,
  metadata: DocumentMetadata,
  warnings: string[],
): ParsedContent {
  const builder = new DocumentBuilder()
  if (document.body !== null) appendDomBlocks(document.body, builder, { dropNavigation: true })
  const { text, blocks } = builder.build()
  return { text, blocks, metadata, warnings }
}

/** "Headline | The Outlet" -> "Headline": page titles often carry the site name. */
function withoutOutletSuffix(title: string, outlet: string): string {
  const suffix = [' | ', ' - ', ' \u2013 ', ' \u2014 ', ' : ', ' \u00B7 ', ' \u2022 '].find(
    (separator) => title.endsWith(separator + outlet),
  )
  if (suffix === undefined) return title
  const stripped = title.slice(0, title.length - suffix.length - outlet.length).trim()
  return stripped === '' ? title : stripped
}

/**
 * The page's visible h1/h2 that states the title: the one Readability removes,
 * found with Readability's own measure (the share of the heading's words that
 * also occur in the title, above 0.75).
 */
function findHeadline(title: string | undefined, headlines: string[]): string | undefined {
  if (title === undefined) return undefined
  const titleWords = new Set(words(title))
  return headlines.find((headline) => {
    const all = words(headline)
    if (all.length === 0) return false
    const unique = all.filter((word) => !titleWords.has(word))
    return 1 - unique.join(' ').length / all.join(' ').length > 0.75
  })
}

function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '')
}

function containsHeading(content: Node, headline: string): boolean {
  const root = content as Element
  if (typeof root.querySelectorAll !== 'function') return false
  return Array.from(root.querySelectorAll('h1, h2, h3')).some(
    (h) => normalizeBlockText(h.textContent ?? '') === headline,
  )
}

/**
 * Metadata the page states about itself: meta tags (Open Graph, article:*, Dublin
 * Core), JSON-LD, <time>, <link rel=canonical>, <html lang>, and the "saved from"
 * comment browsers write into saved pages. The first source listed wins.
 */
export function readPageMetadata(document: Document, source: string): DocumentMetadata {
  const meta = new Map<string, string>()
  for (const element of Array.from(document.querySelectorAll('meta'))) {
    const key = (
      element.getAttribute('property') ??
      element.getAttribute('name') ??
      element.getAttribute('itemprop') ??
      element.getAttribute('http-equiv') ??
      ''
    ).toLowerCase()
    const content = element.getAttribute('content')
    if (key !== '' && content !== null && !meta.has(key)) meta.set(key, content)
  }
  const jsonLd = readJsonLdArticle(document)
  const metadata: DocumentMetadata = {}

  setMetadata(metadata, 'title', meta.get('og:title'))
  setMetadata(metadata, 'title', jsonLd?.headline ?? jsonLd?.name)
  setMetadata(metadata, 'title', meta.get('twitter:title'))
  // document.title comes last, after Readability's cleaned-up version of it.

  setMetadata(metadata, 'outlet', meta.get('og:site_name'))
  setMetadata(metadata, 'outlet', jsonLd?.publisher)
  setMetadata(metadata, 'outlet', meta.get('application-name'))

  setMetadata(metadata, 'author', meta.get('author'))
  setMetadata(metadata, 'author', jsonLd?.author)
  const articleAuthor = meta.get('article:author')
  if (articleAuthor !== undefined && !/^https?:/i.test(articleAuthor)) {
    setMetadata(metadata, 'author', articleAuthor)
  }
  setMetadata(metadata, 'author', meta.get('dc.creator') ?? meta.get('parsely-author'))

  setMetadata(metadata, 'published', meta.get('article:published_time'))
  const time =
    document.querySelector('time[itemprop="datePublished"], time[pubdate]') ??
    document.querySelector('article time[datetime]') ??
    document.querySelector('time[datetime]')
  setMetadata(metadata, 'published', time?.getAttribute('datetime'))
  setMetadata(metadata, 'published', jsonLd?.datePublished)
  for (const key of [
    'date',
    'pubdate',
    'publishdate',
    'dc.date',
    'dc.date.issued',
    'parsely-pub-date',
  ]) {
    setMetadata(metadata, 'published', meta.get(key))
  }

  // Only absolute http(s) URLs are kept (setMetadata): a relative canonical link
  // cannot be resolved, since the page is parsed without a base URL on purpose.
  setMetadata(
    metadata,
    'url',
    document.querySelector('link[rel~="canonical"]')?.getAttribute('href'),
  )
  setMetadata(metadata, 'url', meta.get('og:url'))
  setMetadata(metadata, 'url', jsonLd?.url)
  setMetadata(
    metadata,
    'url',
    /<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/i.exec(source.slice(0, 4096))?.[1],
  )

  setMetadata(metadata, 'language', document.documentElement.getAttribute('lang'))
  setMetadata(metadata, 'language', meta.get('content-language'))
  setMetadata(metadata, 'language', jsonLd?.inLanguage)
  setMetadata(metadata, 'language', meta.get('og:locale'))
  return metadata
}

interface JsonLdArticle {
  headline?: unknown
  name?: unknown
  author?: unknown
  publisher?: unknown
  datePublished?: unknown
  url?: unknown
  inLanguage?: unknown
}

/** The first schema.org article object in the page's JSON-LD (parsed as data, never run). */
function readJsonLdArticle(document: Document): JsonLdArticle | undefined {
  for (const script of Array.from(
    document.querySelectorAll('script[type="application/ld+json"]'),
  )) {
    let data: unknown
    try {
      data = JSON.parse(script.textContent ?? '')
    } catch {
      continue
    }
    const found = findArticle(data, 0)
    if (found !== undefined) {
      const mainEntity = found.mainEntityOfPage
      const url =
        found.url ??
        (typeof mainEntity === 'string'
          ? mainEntity
          : (mainEntity as { '@id'?: unknown } | undefined)?.['@id'])
      return { ...found, url } as JsonLdArticle
    }
  }
  return undefined
}

function findArticle(data: unknown, depth: number): Record<string, unknown> | undefined {
  if (depth > 5 || data === null || typeof data !== 'object') return undefined
  if (Array.isArray(data)) {
    for (const item of data) {
      const found = findArticle(item, depth + 1)
      if (found !== undefined) return found
    }
    return undefined
  }
  const record = data as Record<string, unknown>
  const types = Array.isArray(record['@type']) ? record['@type'] : [record['@type']]
  if (types.some((t) => typeof t === 'string' && ARTICLE_TYPES.test(t))) return record
  return findArticle(record['@graph'], depth + 1)
}
