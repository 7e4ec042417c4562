/**
 * Files without an encoding declaration in the legacy code pages of the region analysts read
 * most (synthetic Russian and Ukrainian reports of one event, encoded with iconv-lite), and
 * UTF-16 without a BOM: read as what they are, never as windows-1252 mojibake.
 */
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { detectUtf16WithoutBom, looksBinary } from '../../../../src/core/document/decode'
import { parseDocument } from '../../../../src/core/document/parse'

const RUSSIAN = [
  'Забастовка остановила порт Валмеры',
  'Портовые рабочие прекратили работу в понедельник, оставив около 214 контейнерных судов ждать на рейде, сообщила администрация порта.',
  'Профсоюз заявил, что зарплаты упали на 12 процентов с 2021 года.',
].join('\n\n')

const UKRAINIAN = [
  'Страйк зупинив порт Валмери',
  'Докери припинили роботу в понеділок, залишивши близько 214 контейнеровозів чекати на рейді, повідомила адміністрація порту.',
  'Профспілка заявила, що зарплати впали на 12 відсотків із 2021 року, і їхні вимоги є обґрунтованими.',
].join('\n\n')

const read = (text: string, encoding: string, name = 'report.txt') =>
  parseDocument(new Uint8Array(iconv.encode(text, encoding)), name)

describe('legacy encodings without a declaration', () => {
  for (const [encoding, expected] of [
    ['windows-1251', 'windows-1251'],
    ['koi8-r', 'KOI8-R'],
    ['iso-8859-5', 'ISO-8859-5'],
  ] as const) {
    it(`reads Russian in ${encoding}`, () => {
      const doc = read(RUSSIAN, encoding)
      expect(doc.encoding).toBe(expected)
      expect(doc.text).toBe(RUSSIAN)
      expect(doc.metadata.title).toBe('Забастовка остановила порт Валмеры')
      expect(doc.warnings).toEqual([
        `The file is not valid UTF-8; it was read as ${expected}, detected from its bytes.`,
      ])
    })
  }

  it('reads Ukrainian in windows-1251 and KOI8-U, with і, ї, є and ґ', () => {
    expect(read(UKRAINIAN, 'windows-1251').text).toBe(UKRAINIAN)
    const koi8u = read(UKRAINIAN, 'koi8-u')
    expect(koi8u.encoding).toBe('KOI8-U')
    expect(koi8u.text).toBe(UKRAINIAN)
  })

  it('reads an HTML page without a charset declaration the same way', () => {
    const page = `<html><body><h1>Забастовка в порту</h1><p>${RUSSIAN.split('\n\n')[1]}</p></body></html>`
    const doc = read(page, 'windows-1251', 'page.html')
    expect(doc.encoding).toBe('windows-1251')
    expect(doc.text).toContain('Портовые рабочие прекратили работу')
  })

  it('still reads a Western European legacy file as windows-1252', () => {
    const doc = read('Café crème: la grève du port de Valmera a commencé lundi.', 'windows-1252')
    expect(doc.encoding).toBe('windows-1252')
    expect(doc.text).toBe('Café crème: la grève du port de Valmera a commencé lundi.')
  })
})

describe('UTF-16 without a BOM', () => {
  for (const encoding of ['utf-16le', 'utf-16be'] as const) {
    it(`recognises ${encoding} text in Latin and Cyrillic script`, () => {
      for (const text of [RUSSIAN, 'Dock workers at the port of Valmera stopped work on Monday.']) {
        const bytes = new Uint8Array(iconv.encode(text, encoding))
        expect(looksBinary(bytes)).toBe(false)
        const doc = parseDocument(bytes, 'report.txt')
        expect(doc.encoding).toBe(encoding.toUpperCase())
        expect(doc.text).toBe(text)
      }
    })
  }

  it('does not take binary data or ordinary text for UTF-16', () => {
    const png = new Uint8Array([
      0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0,
    ])
    expect(detectUtf16WithoutBom(png)).toBeNull()
    expect(looksBinary(png)).toBe(true)
    expect(detectUtf16WithoutBom(new TextEncoder().encode('plain ASCII text'))).toBeNull()
  })
})
