/**
 * Per-label colours under a strict CSP (style-src 'self', no inline styles): one CSS rule per
 * label, `[data-label="figure"] { --claim-color: #ff7f0e }`, in a constructable stylesheet
 * adopted by the document. Highlights, swatches and the legend all read `--claim-color`.
 * Label ids and colours come from a file someone else may have edited, so both are checked
 * against their strict forms before they go anywhere near CSS.
 */
import { useEffect } from 'react'
import type { Label } from '../../shared/api'

const COLOR = /^#[0-9a-fA-F]{6}$/
const LABEL_ID = /^[a-z0-9][a-z0-9_-]{0,31}$/

/** The CSS rules for a label set; labels with an id or colour out of form are left out. */
export function labelStyleRules(labels: readonly Pick<Label, 'id' | 'color'>[]): string {
  return labels
    .filter((label) => LABEL_ID.test(label.id) && COLOR.test(label.color))
    .map((label) => `[data-label="${label.id}"] { --claim-color: ${label.color.toLowerCase()}; }`)
    .join('\n')
}

let sheet: CSSStyleSheet | null = null

/** Keeps the document's label colours in step with `labels` (one shared sheet). */
export function useLabelStylesheet(labels: readonly Label[]): void {
  useEffect(() => {
    if (sheet === null) {
      sheet = new CSSStyleSheet()
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]
    }
    sheet.replaceSync(labelStyleRules(labels))
  }, [labels])
}
