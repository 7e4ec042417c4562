/**
 * Bytes -> string. Decoding never throws: bytes that cannot be decoded become
 * U+FFFD and are reported as a warning, because an analyst would rather read an
 * article with one broken character than be told the file is unreadable.
 */
import { analyse } from 'chardet'
import htmlEncodingSniffer from 'html-encoding-sniffer'
import { decode as whatwgDecode, isSupported, labelToName } from 'whatwg-encoding'

export interface Decoded {
  text: string
  /** WHATWG name of the encoding the text was read as ("UTF-8", "windows-1251", ...). */
  encoding: string
  warnings: string[]
}

type Bom = 'UTF-8' | 'UTF-16LE' | 'UTF-16BE'

/** How much of the file's start the binary check looks at. */
const BINARY_SAMPLE_BYTES = 8192
/** Share of control characters above which a sample is taken for binary data. */
const BINARY_CONTROL_RATIO = 0.3

export function detectBom(bytes: Uint8Array): Bom | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'UTF-8'
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'UTF-16LE'
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'UTF-16BE'
  return null
}

/** How much of the file's start the UTF-16 check looks at. */
const UTF16_SAMPLE_BYTES = 8192

/**
 * UTF-16 without a BOM, recognised by its zero bytes: text in Latin, Cyrillic or Greek script
 * has a zero high byte in every ASCII character (spaces, digits, punctuation at least), so
 * zeros fall on one side of each byte pair (odd offsets: little-endian; even: big-endian) and
 * almost never on the other, and no pair is two zeros. A binary file has zeros on both sides.
 * The sample must also decode as UTF-16 without a broken surrogate pair.
 */
export function detectUtf16WithoutBom(bytes: Uint8Array): 'UTF-16LE' | 'UTF-16BE' | null {
  const length = Math.min(bytes.length, UTF16_SAMPLE_BYTES) & ~1
  if (length < 4) return null
  let zerosEven = 0
  let zerosOdd = 0
  for (let i = 0; i < length; i += 2) {
    const even = bytes[i] === 0
    const odd = bytes[i + 1] === 0
    if (even && odd) return null
    if (even) zerosEven++
    if (odd) zerosOdd++
  }
  const pairs = length / 2
  let candidate: 'UTF-16LE' | 'UTF-16BE' | null = null
  if (zerosOdd >= pairs * 0.1 && zerosEven <= pairs * 0.01) candidate = 'UTF-16LE'
  else if (zerosEven >= pairs * 0.1 && zerosOdd <= pairs * 0.01) candidate = 'UTF-16BE'
  if (candidate === null) return null
  const sample = bytes.subarray(0, length)
  const le = candidate === 'UTF-16LE' ? sample : swapBytes(sample)
  // The sample may end inside a surrogate pair: one unit short of the end is enough.
  try {
    new TextDecoder('utf-16le', { fatal: true }).decode(le.subarray(0, Math.max(2, length - 2)))
  } catch {
    return null
  }
  return candidate
}

/**
 * True when the start of the file looks like binary data rather than text: it
 * holds a NUL byte, or more than 30% of its bytes are C0 control characters
 * other than tab, line feed, vertical tab, form feed, carriage return and escape.
 * UTF-16 text is full of NUL bytes, so a UTF-16 BOM, or the zero pattern of
 * UTF-16 text without one (detectUtf16WithoutBom), exempts the file.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  const bom = detectBom(bytes)
  if (bom === 'UTF-16LE' || bom === 'UTF-16BE') return false
  if (detectUtf16WithoutBom(bytes) !== null) return false
  const length = Math.min(bytes.length, BINARY_SAMPLE_BYTES)
  let controls = 0
  for (let i = 0; i < length; i++) {
    const b = bytes[i]!
    if (b === 0) return true
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0b && b !== 0x0c && b !== 0x0d) {
      if (b !== 0x1b) controls++
    }
  }
  return length > 0 && controls / length > BINARY_CONTROL_RATIO
}

/**
 * Decodes a plain-text or Markdown file. A BOM decides the encoding; without one,
 * UTF-16 is recognised by its zero bytes, and otherwise the file is read as UTF-8.
 * A file with more than four times as many bytes outside UTF-8 as valid
 * multi-byte UTF-8 sequences is a legacy file (typically saved by an old editor): its code page is
 * detected from the bytes with chardet (ICU's statistical detector: windows-1251,
 * KOI8-R, ISO-8859-5, windows-1252 and the other single-byte code pages, and the
 * legacy East Asian encodings), with a warning naming it, rather than shown with
 * every letter replaced or as windows-1252 mojibake.
 */
export function decodeText(bytes: Uint8Array): Decoded {
  const bom = detectBom(bytes)
  if (bom !== null) return decodeWithBom(bytes, bom)
  return decodeUndeclared(bytes)
}

/**
 * Decodes an HTML file as a browser would: a BOM wins, then a charset declared in
 * the first 1024 bytes (<meta charset> or <meta http-equiv="Content-Type">).
 * Without a declaration browsers guess from the locale; we read UTF-8, the
 * encoding of nearly every page saved today, with the same windows-1252 fallback
 * as plain text for files that are clearly not UTF-8.
 */
export function decodeHtml(bytes: Uint8Array): Decoded {
  const bom = detectBom(bytes)
  if (bom !== null) return decodeWithBom(bytes, bom)
  const undeclared = '\u0000undeclared'
  const sniffed = htmlEncodingSniffer(bytes, { defaultEncoding: undeclared })
  if (sniffed === undeclared) return decodeUndeclared(bytes)
  if (sniffed === 'UTF-8') return decodeUtf8(bytes)
  if (!isSupported(sniffed)) {
    const result = decodeUtf8(bytes)
    result.warnings.unshift(
      `The page declares the encoding ${sniffed}, which cannot be decoded; it was read as UTF-8.`,
    )
    return result
  }
  return { text: whatwgDecode(bytes, sniffed), encoding: sniffed, warnings: [] }
}

function decodeWithBom(bytes: Uint8Array, bom: Bom): Decoded {
  if (bom === 'UTF-8') return decodeUtf8(bytes.subarray(3))
  return decodeUtf16(bytes.subarray(2), bom === 'UTF-16BE')
}

function decodeUndeclared(bytes: Uint8Array): Decoded {
  const utf16 = detectUtf16WithoutBom(bytes)
  if (utf16 !== null) return decodeUtf16(bytes, utf16 === 'UTF-16BE')
  const scan = scanUtf8(bytes)
  // Far more bytes outside UTF-8 than UTF-8 sequences: a legacy file, whose letters may form a
  // valid sequence here and there by chance (KOI8-U's do). A UTF-8 file with a few broken bytes
  // among its sequences stays UTF-8, the broken bytes replaced.
  if (scan.invalidBytes > LEGACY_RATIO * scan.validMultiByte) {
    const encoding = detectLegacyEncoding(bytes)
    const described = encoding === 'windows-1252' ? 'windows-1252 (Western European)' : encoding
    return {
      text: whatwgDecode(bytes, encoding),
      encoding,
      warnings: [
        `The file is not valid UTF-8; it was read as ${described}, detected from its bytes.`,
      ],
    }
  }
  return decodeUtf8(bytes, scan)
}

/** Invalid bytes per valid multi-byte UTF-8 sequence above which a file is read as legacy. */
const LEGACY_RATIO = 4
/** chardet's answers below this confidence (0-100) are guesses: windows-1252 is read instead. */
const MIN_CONFIDENCE = 10
/**
 * Bytes of the Ukrainian and Belarusian letters (є, і, ї, ґ and their capitals) in KOI8-U; in
 * KOI8-R they are box-drawing characters, which text does not hold. chardet knows KOI8-R only.
 */
const KOI8_U_LETTERS = new Set([0xa4, 0xa6, 0xa7, 0xad, 0xb4, 0xb6, 0xb7, 0xbd])

/** The WHATWG name of a legacy file's encoding, detected from its bytes; windows-1252 if unsure. */
export function detectLegacyEncoding(bytes: Uint8Array): string {
  for (const match of analyse(bytes)) {
    if (match.confidence < MIN_CONFIDENCE) break
    const name = labelToName(match.name)
    if (name === null || name === 'UTF-8' || name.startsWith('UTF-16') || !isSupported(name)) {
      continue
    }
    if (name === 'KOI8-R' && bytes.some((byte) => KOI8_U_LETTERS.has(byte))) return 'KOI8-U'
    return name
  }
  return 'windows-1252'
}

function swapBytes(data: Uint8Array): Uint8Array {
  const swapped = new Uint8Array(data.length)
  for (let i = 0; i + 1 < data.length; i += 2) {
    swapped[i] = data[i + 1]!
    swapped[i + 1] = data[i]!
  }
  return swapped
}

function decodeUtf8(bytes: Uint8Array, scan?: Utf8Scan): Decoded {
  // The fatal decoder is the fast path: valid files (nearly all) are read once.
  try {
    return {
      text: new TextDecoder('utf-8', { fatal: true }).decode(bytes),
      encoding: 'UTF-8',
      warnings: [],
    }
  } catch {
    const invalid = (scan ?? scanUtf8(bytes)).invalidBytes
    return {
      text: new TextDecoder('utf-8').decode(bytes),
      encoding: 'UTF-8',
      warnings: [
        `${invalid} ${invalid === 1 ? 'byte' : 'bytes'} could not be decoded as UTF-8 and ${invalid === 1 ? 'was' : 'were'} replaced with U+FFFD.`,
      ],
    }
  }
}

function decodeUtf16(bytes: Uint8Array, bigEndian: boolean): Decoded {
  const warnings: string[] = []
  let data = bytes
  if (data.length % 2 === 1) {
    warnings.push('The file ends in the middle of a UTF-16 character; the last byte was dropped.')
    data = data.subarray(0, data.length - 1)
  }
  // Swap to little-endian: the LE decoder is the one every runtime has.
  if (bigEndian) data = swapBytes(data)
  const raw = new TextDecoder('utf-16le', { ignoreBOM: true }).decode(data)
  // TextDecoder already replaced unpaired surrogates with U+FFFD; count them for
  // the warning only when a U+FFFD shows up (a genuine one is rare and harmless).
  if (raw.includes('\uFFFD')) {
    const lone = countLoneSurrogates(data)
    if (lone > 0) {
      warnings.push(
        `${lone} UTF-16 ${lone === 1 ? 'unit' : 'units'} could not be decoded and ${lone === 1 ? 'was' : 'were'} replaced with U+FFFD.`,
      )
    }
  }
  return { text: raw, encoding: bigEndian ? 'UTF-16BE' : 'UTF-16LE', warnings }
}

function countLoneSurrogates(le: Uint8Array): number {
  let count = 0
  for (let i = 0; i + 1 < le.length; i += 2) {
    const unit = le[i]! | (le[i + 1]! << 8)
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = i + 3 < le.length ? le[i + 2]! | (le[i + 3]! << 8) : -1
      if (next >= 0xdc00 && next <= 0xdfff) i += 2
      else count++
    } else if (unit >= 0xdc00 && unit <= 0xdfff) {
      count++
    }
  }
  return count
}

interface Utf8Scan {
  /** Bytes that belong to no valid UTF-8 sequence. */
  invalidBytes: number
  /** Valid sequences of two to four bytes (evidence that the file is UTF-8). */
  validMultiByte: number
}

/**
 * Validates UTF-8 following the Unicode "maximal subpart" practice the WHATWG
 * decoder uses: a truncated or malformed sequence counts all its bytes as invalid
 * and decoding resumes at the first byte that cannot continue it.
 */
export function scanUtf8(bytes: Uint8Array): Utf8Scan {
  let invalidBytes = 0
  let validMultiByte = 0
  const n = bytes.length
  let i = 0
  while (i < n) {
    const b = bytes[i]!
    if (b < 0x80) {
      i++
      continue
    }
    let needed: number
    let lower = 0x80
    let upper = 0xbf
    if (b >= 0xc2 && b <= 0xdf) needed = 1
    else if (b >= 0xe0 && b <= 0xef) {
      needed = 2
      if (b === 0xe0) lower = 0xa0
      if (b === 0xed) upper = 0x9f
    } else if (b >= 0xf0 && b <= 0xf4) {
      needed = 3
      if (b === 0xf0) lower = 0x90
      if (b === 0xf4) upper = 0x8f
    } else {
      invalidBytes++
      i++
      continue
    }
    let j = i + 1
    let seen = 0
    while (seen < needed && j < n) {
      const c = bytes[j]!
      if (c < lower || c > upper) break
      lower = 0x80
      upper = 0xbf
      seen++
      j++
    }
    if (seen === needed) validMultiByte++
    else invalidBytes += j - i
    i = j
  }
  return { invalidBytes, validMultiByte }
}
