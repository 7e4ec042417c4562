/**
 * The application menu as generated from the command catalog: the template is plain
 * data, checked here as Electron would receive it.
 */
import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it } from 'vitest'
import { COMMANDS, MENUS, type CommandId, type CommandSpec } from '../../../src/shared/commands'
import { applicationMenuTemplate, menuTitle } from '../../../src/main/menu'

function template(platform: NodeJS.Platform = 'linux', devTools = false) {
  const sent: CommandId[] = []
  const menus = applicationMenuTemplate({
    platform,
    devTools,
    sendCommand: (id) => sent.push(id),
  })
  return { menus, sent }
}

const submenu = (menu: MenuItemConstructorOptions) => menu.submenu as MenuItemConstructorOptions[]
/** A menu's entries in short: command ids, roles, and "-" for separators. */
const outline = (menu: MenuItemConstructorOptions) =>
  submenu(menu).map((item) => (item.type === 'separator' ? '-' : (item.id ?? item.role)))

describe('application menu', () => {
  it('has the catalog menus, titled with their mnemonics', () => {
    const { menus } = template()
    expect(menus.map((menu) => menu.label)).toEqual(['&File', '&Edit', '&View'])
    expect(MENUS.map((menu) => menu.id)).toEqual(['file', 'edit', 'view'])
  })

  it('places every catalog command with a menu, groups apart, roles in the free groups', () => {
    const [file, edit, view] = template().menus
    expect(outline(file)).toEqual([
      'project.open',
      'project.openFiles',
      'project.openSample',
      '-',
      'project.refresh',
      '-',
      'project.export',
      'dataset.export',
      'dataset.import',
      '-',
      'settings.open',
      '-',
      'quit',
    ])
    expect(outline(edit)).toEqual([
      'history.undo',
      'history.redo',
      '-',
      'copy',
      'paste',
      'selectAll',
      '-',
      'document.find',
      'document.flipFurniture',
      'document.editDetails',
    ])
    expect(outline(view)).toEqual([
      'view.documents',
      'view.clusters',
      'view.matrix',
      'view.review',
      'view.agreement',
      'view.gold',
      'view.conflicts',
      '-',
      'pane.openBeside',
      '-',
      'resetZoom',
      'zoomIn',
      'zoomOut',
    ])
  })

  it('has exactly the catalog commands that name a menu, each once', () => {
    const placed = template()
      .menus.flatMap(submenu)
      .filter((item) => item.id !== undefined)
      .map((item) => item.id)
    const expected = (COMMANDS as readonly CommandSpec[])
      .filter((command) => command.menu)
      .map((command) => command.id)
    expect(placed.sort()).toEqual([...expected].sort())
  })

  it('shows the first key of each command without registering it', () => {
    const items = template().menus.flatMap(submenu)
    const byId = (id: string) => items.find((item) => item.id === id)!
    expect(byId('history.undo')).toMatchObject({
      label: 'Undo',
      accelerator: 'CmdOrCtrl+Z',
      registerAccelerator: false,
    })
    expect(byId('history.redo').accelerator).toBe('CmdOrCtrl+Shift+Z')
    expect(byId('view.documents').accelerator).toBe('Alt+1')
    expect(byId('pane.openBeside').accelerator).toBe('CmdOrCtrl+\\')
    expect(byId('project.open')).toMatchObject({
      label: 'Open Project…',
      accelerator: 'CmdOrCtrl+O',
    })
    // No key: no accelerator at all.
    expect(byId('project.openSample').accelerator).toBeUndefined()
    // Whatever shows a key leaves it to the page.
    for (const item of items.filter((entry) => entry.accelerator !== undefined)) {
      expect(item.registerAccelerator, String(item.id)).toBe(false)
    }
  })

  it('sends the command id to the page when an item is clicked, and runs nothing itself', () => {
    const { menus, sent } = template()
    const items = menus.flatMap(submenu)
    const click = (id: string) =>
      (items.find((item) => item.id === id)!.click as unknown as () => void)()
    click('project.open')
    click('history.undo')
    click('view.matrix')
    expect(sent).toEqual(['project.open', 'history.undo', 'view.matrix'])
  })

  it('keeps Electron roles only for quit, clipboard, zoom, and reload/devtools in development', () => {
    const roles = (menus: MenuItemConstructorOptions[]) =>
      menus.flatMap(submenu).flatMap((item) => (item.role ? [item.role] : []))
    expect(roles(template('linux', false).menus)).toEqual([
      'quit',
      'copy',
      'paste',
      'selectAll',
      'resetZoom',
      'zoomIn',
      'zoomOut',
    ])
    const dev = template('linux', true).menus
    expect(roles(dev)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']))
    expect(outline(dev[2]).slice(0, 3)).toEqual(['reload', 'toggleDevTools', '-'])
    // No role would take Ctrl+Z from the page: undo and redo are the catalog's.
    expect(roles(dev)).not.toContain('undo')
    expect(roles(dev)).not.toContain('redo')
  })

  it('puts quit in the app menu on macOS', () => {
    const { menus } = template('darwin')
    expect(menus[0]).toEqual({ role: 'appMenu' })
    expect(outline(menus[1]).at(-1)).toBe('settings.open')
  })

  it('marks mnemonics and keeps a literal ampersand literal', () => {
    expect(menuTitle('File', 'f')).toBe('&File')
    expect(menuTitle('View', 'i')).toBe('V&iew')
    expect(menuTitle('Links & Claims', 'c')).toBe('Links && &Claims')
    expect(menuTitle('Edit', 'z')).toBe('Edit')
  })
})
