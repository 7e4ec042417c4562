/**
 * Per-label and per-relation colours under a strict CSP (style-src 'self', no inline styles):
 * one CSS rule per label, `[data-label="figure"] { --claim-color: #ff7f0e }`, and per relation,
 * `[data-relation="same"] { --relation-color: #2ca02c }`, in constructable stylesheets adopted
 * by the document. Highlights, swatches, link badges and legends read these variables.
 * Ids and colours come from a file someone else may have edited, so both are checked against
 * their strict forms before they go anywhere near CSS.
 */
import { useEffect } from 'react'
import type { Label, RelationType } from '../../shared/api'

const COLOR = /^#[0-9a-fA-F]{6}$/
const ID = /^[a-z0-9][a-z0-9_-]{0,31}$/

type Coloured = Pick<Label, 'id' | 'color'>

function colourRules(items: readonly Coloured[], attribute: string, variable: string): string {
  return items
    .filter((item) => ID.test(item.id) && COLOR.test(item.color))
    .map((item) => `[${attribute}="${item.id}"] { ${variable}: ${item.color.toLowerCase()}; }`)
    .join('\n')
}

/** The CSS rules for a label set; labels with an id or colour out of form are left out. */
export function labelStyleRules(labels: readonly Coloured[]): string {
  return colourRules(labels, 'data-label', '--claim-color')
}

/** The CSS rules for the relation types, as for labels. */
export function relationStyleRules(relations: readonly Pick<RelationType, 'id' | 'color'>[]) {
  return colourRules(relations, 'data-relation', '--relation-color')
}

const sheets = new Map<string, CSSStyleSheet>()

function useStylesheet(name: string, rules: string): void {
  useEffect(() => {
    let sheet = sheets.get(name)
    if (sheet === undefined) {
      sheet = new CSSStyleSheet()
      sheets.set(name, sheet)
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]
    }
    sheet.replaceSync(rules)
  }, [name, rules])
}

/** Keeps the document's label colours in step with `labels` (one shared sheet). */
export function useLabelStylesheet(labels: readonly Label[]): void {
  useStylesheet('labels', labelStyleRules(labels))
}

/** Keeps the document's relation colours in step with `relations`. */
export function useRelationStylesheet(relations: readonly RelationType[]): void {
  useStylesheet('relations', relationStyleRules(relations))
}
