import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createWorkbench } from '../../../src/backend'
import { fakeParser, tempDir, writeFiles } from './helpers'

async function newWorkbench(settingsDir: string, samplesDir: string, log: string[] = []) {
  return createWorkbench({
    settingsDir,
    samplesDir,
    parse: fakeParser().parse,
    log: (line) => log.push(line),
  })
}

describe('user settings', () => {
  it('is firstRun until a project is opened, and remembers it across sessions', async () => {
    const settingsDir = await tempDir()
    const project = await tempDir()
    await writeFiles(project, { 'a.txt': 'A' })
    const first = await newWorkbench(settingsDir, await tempDir())
    expect((await first.getState()).firstRun).toBe(true)
    expect((await first.openProject(project)).firstRun).toBe(false)

    const saved = JSON.parse(await readFile(join(settingsDir, 'settings.json'), 'utf8'))
    expect(saved).toMatchObject({
      hasOpenedProject: true,
      lastProject: { root: project, isSample: false },
    })
    // Atomic writes leave no temp files behind.
    expect(await readdir(settingsDir)).toEqual(['settings.json'])

    const second = await newWorkbench(settingsDir, await tempDir())
    expect((await second.getState()).firstRun).toBe(false)
    expect((await second.getState()).project).toBeNull()
    const reopened = await second.reopenLastProject()
    expect(reopened?.project?.root).toBe(project)
    expect(reopened?.documents).toHaveLength(1)
  })

  it('reopens the sample project as the sample', async () => {
    const settingsDir = await tempDir()
    const samples = await tempDir()
    await writeFiles(samples, { 's.txt': 'Sample' })
    await (await newWorkbench(settingsDir, samples)).openSampleProject()
    const reopened = await (await newWorkbench(settingsDir, samples)).reopenLastProject()
    expect(reopened?.project?.isSample).toBe(true)
  })

  it('keeps a corrupt settings file aside, reports it, and uses defaults', async () => {
    const settingsDir = await tempDir()
    await writeFile(join(settingsDir, 'settings.json'), '{ "hasOpenedProject": tru')
    const log: string[] = []
    const workbench = await newWorkbench(settingsDir, await tempDir(), log)
    expect((await workbench.getState()).firstRun).toBe(true)

    const files = await readdir(settingsDir)
    const aside = files.find((name) => name.startsWith('settings.corrupt-'))
    expect(aside).toBeDefined()
    expect(await readFile(join(settingsDir, aside as string), 'utf8')).toBe(
      '{ "hasOpenedProject": tru',
    )
    expect(log.join('\n')).toContain(aside)

    const project = await tempDir()
    await workbench.openProject(project)
    const saved = JSON.parse(await readFile(join(settingsDir, 'settings.json'), 'utf8'))
    expect(saved.hasOpenedProject).toBe(true)
  })

  it('treats valid JSON of the wrong shape as corrupt, and keeps unknown fields of a valid file', async () => {
    const wrongShape = await tempDir()
    await writeFile(join(wrongShape, 'settings.json'), '{"hasOpenedProject": "yes"}')
    expect((await (await newWorkbench(wrongShape, await tempDir())).getState()).firstRun).toBe(true)
    expect((await readdir(wrongShape)).some((name) => name.startsWith('settings.corrupt-'))).toBe(
      true,
    )

    const newer = await tempDir()
    await writeFile(join(newer, 'settings.json'), '{"hasOpenedProject": true, "theme": "dark"}')
    const workbench = await newWorkbench(newer, await tempDir())
    await workbench.openProject(await tempDir())
    const saved = JSON.parse(await readFile(join(newer, 'settings.json'), 'utf8'))
    expect(saved.theme).toBe('dark')
  })
})
