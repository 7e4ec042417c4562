/**
 * The catalog of the app's commands: what each is called, which keys run it and where it
 * stands in the menus. Plain data, shared by the renderer (which attaches `when` and `run` to
 * each entry in its command registry and handles every key in one place), the Electron main
 * process (which builds the application menu from it) and the backend (which derives the keys
 * a relation type may not take from it).
 *
 * Key syntax: modifiers then the key, joined by "+": "Mod+Z", "Shift+Alt+ArrowRight", "L",
 * "Delete". "Mod" is Ctrl, or Cmd on macOS; "Ctrl" is Ctrl everywhere. The key is a
 * `KeyboardEvent.key` value (a letter in upper case stands for the letter key, Shift or not
 * is stated separately), or "Digit1".."Digit9" for the digit row whatever Alt or Shift make
 * of it.
 *
 * Label keys (1-9) and relation keys (S, P, X, C, U by default) belong to the project's
 * settings, not to this catalog: the renderer registers them as commands of their own and
 * reports any that collide with a key here.
 */

/** The menus of the menu bar, with the letter that opens each with Alt on Windows and Linux. */
export const MENUS = [
  { id: 'file', title: 'File', mnemonic: 'f' },
  { id: 'edit', title: 'Edit', mnemonic: 'e' },
  { id: 'view', title: 'View', mnemonic: 'v' },
] as const

export type MenuId = (typeof MENUS)[number]['id']

export interface CommandSpec {
  id: string
  /** For menus and tooltips, in title case; "…" when the command asks for more first. */
  label: string
  /** Every key that runs it; the first one is shown in the menu. */
  keys: readonly string[]
  /** Where it stands in the menu bar, grouped (a separator between groups), or nowhere. */
  menu?: { id: MenuId; group: number }
  /**
   * Acts only in the review queue, where relation keys never act (they link claims in the
   * reader): its letter keys do not reserve relation keys.
   */
  reviewOnly?: true
}

export const COMMANDS = [
  // ---- File ----
  { id: 'project.open', label: 'Open Project…', keys: ['Mod+O'], menu: { id: 'file', group: 0 } },
  {
    id: 'project.openFiles',
    label: 'Open Files…',
    keys: ['Mod+Shift+O'],
    menu: { id: 'file', group: 0 },
  },
  {
    id: 'project.openSample',
    label: 'Open Sample Project',
    keys: [],
    menu: { id: 'file', group: 0 },
  },
  { id: 'project.refresh', label: 'Refresh', keys: [], menu: { id: 'file', group: 1 } },
  {
    id: 'project.export',
    label: 'Export Claims…',
    keys: ['Mod+E'],
    menu: { id: 'file', group: 2 },
  },
  {
    id: 'dataset.export',
    label: 'Export Dataset…',
    keys: [],
    menu: { id: 'file', group: 2 },
  },
  {
    id: 'dataset.import',
    label: 'Import Annotations…',
    keys: [],
    menu: { id: 'file', group: 2 },
  },
  { id: 'settings.open', label: 'Settings…', keys: [], menu: { id: 'file', group: 3 } },
  // ---- Edit ----
  { id: 'history.undo', label: 'Undo', keys: ['Mod+Z'], menu: { id: 'edit', group: 0 } },
  {
    id: 'history.redo',
    label: 'Redo',
    keys: ['Mod+Shift+Z', 'Mod+Y'],
    menu: { id: 'edit', group: 0 },
  },
  { id: 'document.find', label: 'Find…', keys: ['Mod+F'], menu: { id: 'edit', group: 2 } },
  {
    id: 'document.flipFurniture',
    label: 'Toggle Page Furniture',
    keys: ['Shift+F'],
    menu: { id: 'edit', group: 2 },
  },
  {
    id: 'document.editDetails',
    label: 'Document Details…',
    keys: [],
    menu: { id: 'edit', group: 2 },
  },
  // ---- View ----
  {
    id: 'view.documents',
    label: 'Documents',
    keys: ['Alt+Digit1'],
    menu: { id: 'view', group: 1 },
  },
  { id: 'view.clusters', label: 'Clusters', keys: ['Alt+Digit2'], menu: { id: 'view', group: 1 } },
  {
    id: 'view.matrix',
    label: 'Corroboration Matrix',
    keys: ['Alt+Digit3'],
    menu: { id: 'view', group: 1 },
  },
  {
    id: 'view.review',
    label: 'Review Queue',
    keys: ['Alt+Digit4'],
    menu: { id: 'view', group: 1 },
  },
  {
    id: 'view.agreement',
    label: 'Agreement',
    keys: ['Alt+Digit5'],
    menu: { id: 'view', group: 1 },
  },
  {
    id: 'view.gold',
    label: 'Compare With Gold',
    keys: ['Alt+Digit6'],
    menu: { id: 'view', group: 1 },
  },
  {
    id: 'view.conflicts',
    label: 'Merge Conflicts',
    keys: ['Alt+Digit7'],
    menu: { id: 'view', group: 1 },
  },
  {
    id: 'pane.openBeside',
    label: 'Open Beside',
    keys: ['Mod+\\'],
    menu: { id: 'view', group: 2 },
  },
  // ---- Claims (the annotation loop; no menu: they act on the selection in the reader) ----
  { id: 'claim.next', label: 'Next Claim', keys: ['J', 'Alt+ArrowDown'] },
  { id: 'claim.previous', label: 'Previous Claim', keys: ['K', 'Alt+ArrowUp'] },
  { id: 'claim.moveEndRight', label: 'Move Claim End Right', keys: ['Shift+Alt+ArrowRight'] },
  { id: 'claim.moveEndLeft', label: 'Move Claim End Left', keys: ['Shift+Alt+ArrowLeft'] },
  { id: 'claim.moveStartRight', label: 'Move Claim Start Right', keys: ['Ctrl+Alt+ArrowRight'] },
  { id: 'claim.moveStartLeft', label: 'Move Claim Start Left', keys: ['Ctrl+Alt+ArrowLeft'] },
  { id: 'claim.setRange', label: 'Set Claim to Selection', keys: ['R'] },
  { id: 'claim.delete', label: 'Delete Claim', keys: ['Delete', 'Backspace'] },
  { id: 'selection.clear', label: 'Deselect', keys: ['Escape'] },
  // ---- Links ----
  { id: 'link.search', label: 'Link Claim…', keys: ['L'] },
  { id: 'link.outside', label: 'Link to Outside Source…', keys: ['O'] },
  { id: 'link.acceptSuggestion', label: 'Accept First Suggestion', keys: ['A'] },
  { id: 'link.withClaim', label: 'Link With Claim in Another Document…', keys: ['Shift+L'] },
  // ---- Review (the disagreement queue) ----
  { id: 'review.next', label: 'Next Unit', keys: ['N'], reviewOnly: true },
  { id: 'review.previous', label: 'Previous Unit', keys: ['P'], reviewOnly: true },
  { id: 'review.union', label: 'Decide: Union of the Spans', keys: ['U'], reviewOnly: true },
  {
    id: 'review.intersection',
    label: 'Decide: Intersection of the Spans',
    keys: ['I'],
    reviewOnly: true,
  },
  { id: 'review.reject', label: 'Decide: No Claim Here', keys: ['X'], reviewOnly: true },
  { id: 'review.withdraw', label: 'Withdraw the Decision', keys: ['W'], reviewOnly: true },
] as const satisfies readonly CommandSpec[]

export type CommandId = (typeof COMMANDS)[number]['id']

/** The catalog entry of a command. */
export function commandSpec(id: CommandId): CommandSpec {
  return COMMANDS.find((command) => command.id === id)!
}

/**
 * Letters a project's relation type may not take as its key: every plain letter key of the
 * catalog (the link bar and the L dialog's Alt+key would shadow them) and the menus' Alt
 * mnemonics. Lower case.
 */
export function reservedRelationKeys(): string[] {
  const letters = new Set<string>(MENUS.map((menu) => menu.mnemonic))
  for (const command of COMMANDS as readonly CommandSpec[]) {
    if (command.reviewOnly) continue
    for (const key of command.keys) {
      if (/^[A-Z]$/.test(key)) letters.add(key.toLowerCase())
    }
  }
  return [...letters].sort()
}
