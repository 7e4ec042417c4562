/**
 * The written forms an outside source's address and date must take. Kept free of zod, so the
 * renderer's form checks the very rules the file schema (link.ts) enforces without bundling
 * the schema library.
 */

/** http(s) only, or empty: the UI shows it as a link, and a javascript: URL must never get that far. */
export const OUTSIDE_URL_FORM = /^(https?:\/\/\S+)?$/i

/** A calendar date as precise as the source gives it: YYYY, YYYY-MM or YYYY-MM-DD; or empty. */
export const OUTSIDE_DATE_FORM = /^(\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?)?$/
