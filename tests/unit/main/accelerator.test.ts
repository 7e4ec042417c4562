/** The catalog's key syntax as Electron accelerators. */
import { describe, expect, it } from 'vitest'
import { COMMANDS, type CommandSpec } from '../../../src/shared/commands'
import { toAccelerator } from '../../../src/main/accelerator'

describe('toAccelerator', () => {
  it('turns Mod into CmdOrCtrl and keeps the other modifiers in order', () => {
    expect(toAccelerator('Mod+Z')).toBe('CmdOrCtrl+Z')
    expect(toAccelerator('Mod+Shift+Z')).toBe('CmdOrCtrl+Shift+Z')
    expect(toAccelerator('Mod+Shift+O')).toBe('CmdOrCtrl+Shift+O')
    expect(toAccelerator('Ctrl+Alt+ArrowRight')).toBe('Ctrl+Alt+Right')
    expect(toAccelerator('Shift+Alt+ArrowLeft')).toBe('Shift+Alt+Left')
    expect(toAccelerator('Meta+K')).toBe('Super+K')
  })

  it('spells digits, punctuation and named keys the Electron way', () => {
    expect(toAccelerator('Alt+Digit1')).toBe('Alt+1')
    expect(toAccelerator('Alt+Digit9')).toBe('Alt+9')
    expect(toAccelerator('Mod+\\')).toBe('CmdOrCtrl+\\')
    expect(toAccelerator('Mod+/')).toBe('CmdOrCtrl+/')
    expect(toAccelerator('Mod++')).toBe('CmdOrCtrl+Plus')
    expect(toAccelerator('Mod+=')).toBe('CmdOrCtrl+=')
    expect(toAccelerator('Alt+ArrowUp')).toBe('Alt+Up')
    expect(toAccelerator('Escape')).toBe('Esc')
    expect(toAccelerator('Delete')).toBe('Delete')
    expect(toAccelerator('Backspace')).toBe('Backspace')
    expect(toAccelerator('F5')).toBe('F5')
    expect(toAccelerator('L')).toBe('L')
    expect(toAccelerator('Shift+L')).toBe('Shift+L')
    expect(toAccelerator('Mod+e')).toBe('CmdOrCtrl+E')
  })

  it('gives up (null) on what it cannot spell rather than guessing', () => {
    for (const spec of [
      '',
      'Hyper+K',
      'Mod+Mod+K',
      'Mod+',
      'Mod+Shift',
      'Mod+Unidentified',
      'Mod+F25',
      'Mod+é',
      'Mod+?',
      'Digit10',
    ]) {
      expect(toAccelerator(spec), spec).toBeNull()
    }
  })

  it('spells every key of the catalog', () => {
    for (const command of COMMANDS as readonly CommandSpec[]) {
      for (const key of command.keys) {
        expect(toAccelerator(key), `${command.id}: ${key}`).not.toBeNull()
      }
    }
  })
})
