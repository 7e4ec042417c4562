/**
 * The command registry: every catalog command has a behaviour, keys match events as the
 * catalog's syntax says, keys typed in form fields stay theirs, and keys that collide are found.
 */
import { describe, expect, it } from 'vitest'
import { COMMANDS } from '../../../../src/shared/commands'
import { DEFAULT_RELATION_TYPES } from '../../../../src/core/model/relations'
import { commandForKey } from '../../../../src/renderer/commands/dispatch-key'
import {
  matchesKey,
  normalizeKey,
  parseKey,
  type KeyInput,
} from '../../../../src/renderer/commands/keys'
import {
  allCommands,
  APP_COMMANDS,
  findKeyConflicts,
  type Command,
} from '../../../../src/renderer/commands/registry'
import { claim, end, listing, readingState, reduce, SETTINGS } from '../store/fixtures'

function key(spec: Partial<KeyInput> & { key: string }): KeyInput {
  return { code: '', ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...spec }
}

const commands = allCommands(SETTINGS.labels, SETTINGS.relations)
const idFor = (command: Command | null) => command?.id ?? null

describe('key matching', () => {
  it('reads the catalog syntax: Mod is Ctrl or Cmd, letters ignore case, digits by code', () => {
    expect(matchesKey(parseKey('Mod+Z'), key({ key: 'z', ctrlKey: true }))).toBe(true)
    expect(matchesKey(parseKey('Mod+Z'), key({ key: 'z', metaKey: true }))).toBe(true)
    expect(matchesKey(parseKey('Mod+Z'), key({ key: 'Z', ctrlKey: true, shiftKey: true }))).toBe(
      false,
    )
    expect(
      matchesKey(parseKey('Mod+Shift+Z'), key({ key: 'Z', ctrlKey: true, shiftKey: true })),
    ).toBe(true)
    expect(matchesKey(parseKey('Shift+L'), key({ key: 'L', shiftKey: true }))).toBe(true)
    expect(matchesKey(parseKey('L'), key({ key: 'L', shiftKey: true }))).toBe(false)
    expect(
      matchesKey(parseKey('Alt+Digit2'), key({ key: '™', code: 'Digit2', altKey: true })),
    ).toBe(true)
    expect(
      matchesKey(
        parseKey('Ctrl+Alt+ArrowLeft'),
        key({ key: 'ArrowLeft', ctrlKey: true, altKey: true }),
      ),
    ).toBe(true)
    expect(
      matchesKey(
        parseKey('Ctrl+Alt+ArrowLeft'),
        key({ key: 'ArrowLeft', metaKey: true, altKey: true }),
      ),
    ).toBe(false)
    expect(normalizeKey('s')).toBe('S')
  })
})

describe('the registry', () => {
  it('gives every catalog command a behaviour, and finds no conflict among the app keys', () => {
    expect(APP_COMMANDS.map((command) => command.id)).toEqual(COMMANDS.map((command) => command.id))
    for (const command of APP_COMMANDS) expect(typeof command.run).toBe('function')
    expect(findKeyConflicts(commands)).toEqual([])
  })

  it('reports a project key that an app key shadows', () => {
    const relations = [
      ...DEFAULT_RELATION_TYPES,
      {
        id: 'leads',
        name: 'Leads to',
        color: '#123456',
        key: 'l',
        directed: true,
        description: '',
      },
    ]
    const conflicts = findKeyConflicts(allCommands(SETTINGS.labels, relations))
    expect(conflicts.map((c) => [c.key, c.commands.map((command) => command.id)])).toEqual([
      ['L', ['link.search', 'relation.leads']],
    ])
  })

  it('reports two commands on one key unless one needs what the other excludes', () => {
    const base = { label: 'x', run: () => {} }
    const a: Command = { ...base, id: 'a', keys: ['Q'], when: ['linkOffered'] }
    const b: Command = { ...base, id: 'b', keys: ['q'], when: ['!linkOffered'] }
    const c: Command = { ...base, id: 'c', keys: ['Q'], when: ['claimSelected'] }
    expect(findKeyConflicts([a, b])).toEqual([])
    expect(
      findKeyConflicts([a, b, c]).map((conflict) => conflict.commands.map((x) => x.id)),
    ).toEqual([
      ['a', 'c'],
      ['b', 'c'],
    ])
  })
})

describe('which command a key runs', () => {
  const x = claim('x')
  const reading = reduce(
    readingState({ a: listing('a', x), b: listing('b', claim('y')) }),
    { type: 'layout', action: { type: 'focus', pane: 0 } },
    { type: 'selection/claim', claim: end('x', 'a') },
  )

  it('runs the claim and link keys on a selected claim, in the documents view only', () => {
    expect(idFor(commandForKey(commands, key({ key: 'l' }), null, reading))).toBe('link.search')
    expect(idFor(commandForKey(commands, key({ key: 'L', shiftKey: true }), null, reading))).toBe(
      'link.withClaim',
    )
    expect(idFor(commandForKey(commands, key({ key: 'Delete' }), null, reading))).toBe(
      'claim.delete',
    )
    const matrix = reduce(reading, { type: 'workspace/view', view: 'matrix' })
    expect(commandForKey(commands, key({ key: 'l' }), null, matrix)).toBeNull()
    expect(
      idFor(commandForKey(commands, key({ key: '1', code: 'Digit1', altKey: true }), null, matrix)),
    ).toBe('view.documents')
  })

  it('does not offer the keys that change a claim when its file is read-only', () => {
    const readOnly = reduce(reading, {
      type: 'backend/save',
      save: { status: 'read-only', message: 'alice.json is newer', file: 'alice.json' },
    })
    for (const input of [
      key({ key: 'Delete' }),
      key({ key: 'ArrowRight', shiftKey: true, altKey: true }),
      key({ key: 'ArrowLeft', ctrlKey: true, altKey: true }),
      key({ key: 'l' }),
    ]) {
      expect(commandForKey(commands, input, null, readOnly), input.key).toBeNull()
    }
    // Reading keys still work.
    expect(idFor(commandForKey(commands, key({ key: 'j' }), null, readOnly))).toBe('claim.next')
  })

  it('leaves plain keys, editing keys and Ctrl+Z to text fields, and plain keys to selects', () => {
    expect(commandForKey(commands, key({ key: 'l' }), 'text', reading)).toBeNull()
    expect(commandForKey(commands, key({ key: 'z', ctrlKey: true }), 'text', reading)).toBeNull()
    expect(
      commandForKey(
        commands,
        key({ key: 'ArrowRight', shiftKey: true, altKey: true }),
        'text',
        reading,
      ),
    ).toBeNull()
    expect(idFor(commandForKey(commands, key({ key: 'f', ctrlKey: true }), 'text', reading))).toBe(
      'document.find',
    )
    expect(commandForKey(commands, key({ key: 'j' }), 'select', reading)).toBeNull()
    expect(
      idFor(commandForKey(commands, key({ key: 'z', ctrlKey: true }), 'select', reading)),
    ).toBe('history.undo')
    expect(
      idFor(
        commandForKey(commands, key({ key: '3', code: 'Digit3', altKey: true }), 'select', reading),
      ),
    ).toBe('view.matrix')
  })

  it('offers the relation keys only while the link bar is up, and nothing while a dialog is open', () => {
    expect(commandForKey(commands, key({ key: 's' }), null, reading)).toBeNull()
    const offered = reduce(
      reading,
      { type: 'linking/start', from: end('x', 'a') },
      { type: 'layout', action: { type: 'focus', pane: 1 } },
      { type: 'selection/claim', claim: end('y', 'b') },
    )
    expect(idFor(commandForKey(commands, key({ key: 's' }), null, offered))).toBe('relation.same')
    const dialog = reduce(offered, { type: 'dialog/settings' })
    expect(commandForKey(commands, key({ key: 's' }), null, dialog)).toBeNull()
    expect(commandForKey(commands, key({ key: 'z', ctrlKey: true }), null, dialog)).toBeNull()
  })

  it('labels the text selection with a label key', () => {
    expect(commandForKey(commands, key({ key: '2', code: 'Digit2' }), null, reading)).toBeNull()
    const selected = reduce(reading, {
      type: 'selection/text',
      paneId: reading.layout.panes[0]!.id,
      range: { start: 0, end: 4 },
    })
    expect(idFor(commandForKey(commands, key({ key: '2', code: 'Digit2' }), null, selected))).toBe(
      `label.${SETTINGS.labels.find((label) => label.key === '2')!.id}`,
    )
  })
})
