/**
 * Writing CSV that spreadsheets open safely: RFC 4180 (CRLF record ends, fields with a comma,
 * quote or line break quoted, quotes doubled) through papaparse, and formula injection
 * neutralised.
 *
 * Formula injection (OWASP "CSV Injection", ASVS 5.0 V1.2.10): a cell whose text starts with
 * = + - @, a tab, CR, LF or NUL may be run as a formula by Excel, LibreOffice or Sheets. Such a
 * cell gets a single quote (') in front and is quoted. Nothing else changes: a reader gets
 * every cell exactly, except that cells which began with one of those characters now begin with
 * "'" (a cell that already began with "'" is left alone, as PapaParse does, so stripping the
 * prefix back is only unambiguous for cells known to have no leading "'" of their own).
 */
import Papa from 'papaparse'

/** The characters OWASP and ASVS list, in one regex (papaparse's default lacks LF and NUL). */
export const FORMULA_TRIGGER = /^[=+\-@\t\r\n\0]/

export const UTF8_BOM = '\uFEFF'

export interface CsvOptions {
  /** Start with a UTF-8 byte order mark, so Excel on Windows reads UTF-8 rather than ANSI. */
  bom?: boolean
}

/** Rows of strings -> CSV text: a header row, then one record per row, each ended by CRLF. */
export function toCsv(
  columns: readonly string[],
  rows: readonly (readonly string[])[],
  options: CsvOptions = {},
): string {
  const body = Papa.unparse(
    { fields: [...columns], data: rows as string[][] },
    { newline: '\r\n', quotes: false, escapeFormulae: FORMULA_TRIGGER, header: true },
  )
  // PapaParse ends a header-only output with a newline, and a non-empty one without.
  return (options.bom ? UTF8_BOM : '') + (body.endsWith('\r\n') ? body : body + '\r\n')
}
