/**
 * The command catalog's key syntax (src/shared/commands.ts: "Mod+Shift+Z",
 * "Alt+Digit1", "Mod+\\", "Shift+Alt+ArrowRight") as an Electron accelerator
 * ("CmdOrCtrl+Shift+Z", "Alt+1", "CmdOrCtrl+\\", "Shift+Alt+Right"), for showing
 * in the menu. Pure.
 */

const MODIFIERS: Readonly<Record<string, string>> = {
  // "Mod" is Cmd on macOS and Ctrl elsewhere, which is what CmdOrCtrl means.
  Mod: 'CmdOrCtrl',
  // "Ctrl" is the Control key on every platform, as Electron's "Ctrl".
  Ctrl: 'Ctrl',
  Alt: 'Alt',
  Shift: 'Shift',
  Meta: 'Super',
}

/** KeyboardEvent.key names that Electron spells differently. */
const NAMED_KEYS: Readonly<Record<string, string>> = {
  ArrowUp: 'Up',
  ArrowDown: 'Down',
  ArrowLeft: 'Left',
  ArrowRight: 'Right',
  Escape: 'Esc',
  Delete: 'Delete',
  Backspace: 'Backspace',
  Enter: 'Enter',
  Tab: 'Tab',
  ' ': 'Space',
  Space: 'Space',
  Home: 'Home',
  End: 'End',
  PageUp: 'PageUp',
  PageDown: 'PageDown',
  Insert: 'Insert',
  '+': 'Plus',
}

/** Unshifted punctuation keys Electron accepts as they are. */
const PUNCTUATION = new Set(['\\', '/', ',', '.', ';', "'", '[', ']', '=', '-', '`'])

function acceleratorKey(key: string): string | null {
  if (/^[A-Za-z]$/.test(key)) return key.toUpperCase()
  const digit = /^(?:Digit)?([0-9])$/.exec(key)
  if (digit) return digit[1]
  if (/^F([1-9]|1[0-9]|2[0-4])$/.test(key)) return key
  if (Object.hasOwn(NAMED_KEYS, key)) return NAMED_KEYS[key]
  if (PUNCTUATION.has(key)) return key
  return null
}

/**
 * The accelerator for one catalog key, or null when Electron has no spelling for it
 * (the menu then shows no key; the renderer still handles it).
 */
export function toAccelerator(spec: string): string | null {
  // Modifiers are words each followed by "+"; the key is the rest, so "Mod++" is Mod and "+".
  const match = /^((?:[A-Za-z]+\+)*)(.+)$/.exec(spec)
  if (!match) return null
  const modifierNames = match[1] === '' ? [] : match[1].slice(0, -1).split('+')
  const modifiers: string[] = []
  for (const name of modifierNames) {
    const modifier = Object.hasOwn(MODIFIERS, name) ? MODIFIERS[name] : undefined
    if (modifier === undefined || modifiers.includes(modifier)) return null
    modifiers.push(modifier)
  }
  const key = acceleratorKey(match[2])
  return key === null ? null : [...modifiers, key].join('+')
}
