/**
 * The application menu, generated from the command catalog (src/shared/commands.ts).
 * Pure: it returns the template (plain objects) and src/main/index.ts hands it to
 * Menu.buildFromTemplate, so the layout can be tested in Node.
 *
 * Every catalog command with a `menu` is an item of that menu, in catalog order, its
 * groups in ascending order with a separator between them. The first key is shown
 * as the accelerator but not registered (`registerAccelerator: false`): the key goes
 * on to the page, whose command registry decides (a text field keeps Ctrl+Z for its
 * own undo). A click sends the command id to the page, which runs it as if the key
 * had been pressed; the main process runs no command itself.
 *
 * The few things Chromium does better stay Electron roles, placed in the groups the
 * catalog leaves free: copy, paste and select all (Edit, group 1), reload and the
 * developer tools in development only (View, group 0), zoom (View, group 3), quit
 * (File, last; the app menu holds it on macOS).
 */
import type { MenuItemConstructorOptions } from 'electron'
import { COMMANDS, MENUS, type CommandId, type CommandSpec, type MenuId } from '../shared/commands'
import { toAccelerator } from './accelerator'

export interface MenuOptions {
  platform: NodeJS.Platform
  /** Development: the reload and developer-tools roles. */
  devTools: boolean
  /** Sends a command to the page (src/main/index.ts: over the command channel). */
  sendCommand: (id: CommandId) => void
}

/** An entry placed in a menu: a catalog command or an Electron role. */
interface Placed {
  group: number
  item: MenuItemConstructorOptions
}

/** "File" with mnemonic "f" → "&File"; a literal "&" in a title is doubled first. */
export function menuTitle(title: string, mnemonic: string): string {
  const escaped = title.replaceAll('&', '&&')
  const at = escaped.toLowerCase().indexOf(mnemonic.toLowerCase())
  return at < 0 || mnemonic === '' ? escaped : `${escaped.slice(0, at)}&${escaped.slice(at)}`
}

function commandItem(command: CommandSpec, options: MenuOptions): MenuItemConstructorOptions {
  const id = command.id as CommandId
  const accelerator = command.keys.length > 0 ? toAccelerator(command.keys[0]) : null
  return {
    id,
    // "&" would mark a mnemonic on Windows and Linux; labels mean it literally.
    label: command.label.replaceAll('&', '&&'),
    ...(accelerator !== null ? { accelerator, registerAccelerator: false } : {}),
    click: () => options.sendCommand(id),
  }
}

function rolePlacements(options: MenuOptions): Record<MenuId, Placed[]> {
  const role = (group: number, item: MenuItemConstructorOptions): Placed => ({ group, item })
  return {
    // After every catalog group of File.
    file: options.platform === 'darwin' ? [] : [role(Number.MAX_SAFE_INTEGER, { role: 'quit' })],
    edit: [role(1, { role: 'copy' }), role(1, { role: 'paste' }), role(1, { role: 'selectAll' })],
    view: [
      ...(options.devTools
        ? [role(0, { role: 'reload' }), role(0, { role: 'toggleDevTools' })]
        : []),
      role(3, { role: 'resetZoom' }),
      role(3, { role: 'zoomIn' }),
      role(3, { role: 'zoomOut' }),
    ],
  }
}

/** Items by group, groups ascending, a separator between consecutive groups. */
function withSeparators(placed: Placed[]): MenuItemConstructorOptions[] {
  const groups = [...new Set(placed.map((entry) => entry.group))].sort((a, b) => a - b)
  return groups.flatMap((group, index) => [
    ...(index > 0 ? [{ type: 'separator' as const }] : []),
    ...placed.filter((entry) => entry.group === group).map((entry) => entry.item),
  ])
}

export function applicationMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const roles = rolePlacements(options)
  const menus = MENUS.map((menu): MenuItemConstructorOptions => {
    const commands: Placed[] = (COMMANDS as readonly CommandSpec[])
      .filter((command) => command.menu?.id === menu.id)
      .map((command) => ({ group: command.menu!.group, item: commandItem(command, options) }))
    return {
      label: menuTitle(menu.title, menu.mnemonic),
      submenu: withSeparators([...commands, ...roles[menu.id]]),
    }
  })
  return [...(options.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []), ...menus]
}
