/**
 * Key strings of the command catalog ("Mod+Shift+Z", "Alt+Digit1", "L", "Escape"; syntax in
 * src/shared/commands.ts) against keyboard events. Pure but for the DOM types, so matching and
 * the rules about form fields are tested in Node.
 */

export interface ParsedKey {
  /** Ctrl, or Cmd on macOS: either is accepted, as every shortcut of the app always did. */
  mod: boolean
  ctrl: boolean
  shift: boolean
  alt: boolean
  /** A KeyboardEvent.key value, an upper-case letter for a letter key, or "Digit1".."Digit9". */
  key: string
}

/** What matching needs of a KeyboardEvent. */
export type KeyInput = Pick<
  KeyboardEvent,
  'key' | 'code' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'
>

export function parseKey(spec: string): ParsedKey {
  // The key itself may be "+" only in theory; "\\" and letters are what the catalog uses.
  const parts = spec.split('+')
  const key = parts.pop()!
  const has = (modifier: string) => parts.includes(modifier)
  return { mod: has('Mod'), ctrl: has('Ctrl'), shift: has('Shift'), alt: has('Alt'), key }
}

/** One spelling per key, for comparing keys of different commands ("Mod+Shift+Z"). */
export function normalizeKey(spec: string): string {
  const parsed = parseKey(spec)
  const modifiers = [
    parsed.mod && 'Mod',
    parsed.ctrl && !parsed.mod && 'Ctrl',
    parsed.shift && 'Shift',
    parsed.alt && 'Alt',
  ].filter(Boolean)
  const key = /^[a-z]$/.test(parsed.key) ? parsed.key.toUpperCase() : parsed.key
  return [...modifiers, key].join('+')
}

export function matchesKey(spec: ParsedKey, event: KeyInput): boolean {
  const command = event.ctrlKey || event.metaKey
  if (spec.mod) {
    if (!command) return false
  } else if (spec.ctrl) {
    if (!event.ctrlKey || event.metaKey) return false
  } else if (command) {
    return false
  }
  if (spec.alt !== event.altKey || spec.shift !== event.shiftKey) return false
  if (/^Digit[1-9]$/.test(spec.key)) return event.code === spec.key
  if (/^[A-Z]$/.test(spec.key)) {
    // event.code too: with Alt, macOS types a symbol for the letter.
    return event.key.toUpperCase() === spec.key || event.code === `Key${spec.key}`
  }
  return event.key === spec.key
}

/** Fields where typing, and Ctrl+Z, belong to the browser (its own text editing and undo). */
function isTextEntry(target: EventTarget | null): boolean {
  if (typeof HTMLElement === 'undefined' || !(target instanceof HTMLElement)) return false
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true
  if (!(target instanceof HTMLInputElement)) return false
  return !['checkbox', 'radio', 'button', 'submit', 'color', 'range'].includes(target.type)
}

export type FieldKind = 'text' | 'select' | null

/** The kind of form field an event's target is: some keys belong to it (belongsToField). */
export function fieldOf(target: EventTarget | null): FieldKind {
  if (isTextEntry(target)) return 'text'
  if (typeof HTMLSelectElement !== 'undefined' && target instanceof HTMLSelectElement) {
    return 'select'
  }
  return null
}

const EDITING_KEYS = new Set([
  'ArrowLeft',
  'ArrowRight',
  'ArrowUp',
  'ArrowDown',
  'Home',
  'End',
  'Backspace',
  'Delete',
  'Escape',
  'Z',
  'Y',
])

/**
 * Whether a key belongs to the field it was typed in rather than to a command: in a text field
 * every plain key, and the keys that edit or move in text (Ctrl+Z stays the field's own undo);
 * in a select every key without Ctrl or Cmd (a select picks options by typing, Alt+↓ opens it)
 * but the view keys Alt+1..3.
 */
export function belongsToField(field: FieldKind, spec: ParsedKey): boolean {
  if (field === 'text') return (!spec.mod && !spec.ctrl && !spec.alt) || EDITING_KEYS.has(spec.key)
  if (field === 'select') return !spec.mod && !spec.ctrl && !/^Digit[1-9]$/.test(spec.key)
  return false
}
