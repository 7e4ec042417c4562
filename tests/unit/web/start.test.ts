import { spawn, type ChildProcess } from 'node:child_process'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { afterEach, describe, expect, it } from 'vitest'
import { tempDir, writeFiles } from '../backend/helpers'
import { invoke } from './http-helpers'

const repoRoot = resolve(import.meta.dirname, '../../..')
const children: ChildProcess[] = []
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL')
})

async function startBrowserMode(args: string[]) {
  const rendererDir = await tempDir()
  await writeFiles(rendererDir, { 'index.html': '<!doctype html><title>Corroborate</title>' })
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/web/start.ts', ...args], {
    cwd: repoRoot,
    env: {
      ...process.env,
      CORROBORATE_RENDERER_DIR: rendererDir,
      CORROBORATE_SETTINGS_DIR: await tempDir(),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.push(child)
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)))
  const firstLine = new Promise<string | null>((done) => {
    const lines = createInterface({ input: child.stdout! })
    lines.once('line', done)
    lines.once('close', () => done(null))
  })
  return { child, firstLine, exited, stderr: () => stderr }
}

describe('npm run web (src/web/start.ts)', () => {
  it('prints the URL with its token as the first stdout line and opens the given project', async () => {
    const project = await tempDir()
    await writeFiles(project, { 'a.txt': 'Article A' })
    const { child, firstLine, exited } = await startBrowserMode([project])
    const line = await firstLine
    expect(line).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]+$/)
    const url = new URL(line as string)
    const response = await invoke(Number(url.port), url.searchParams.get('token'), 'getState', [])
    const state = JSON.parse(response.body).value
    expect(state.project.root).toBe(project)
    expect(state.documents.map((document: { path: string }) => document.path)).toEqual(['a.txt'])
    expect(state.firstRun).toBe(false)

    child.kill('SIGTERM')
    expect(await exited).toBe(0)
  }, 30_000)

  it('starts without a project on first run, offering the sample', async () => {
    const { child, firstLine } = await startBrowserMode([])
    const url = new URL((await firstLine) as string)
    const state = JSON.parse(
      (await invoke(Number(url.port), url.searchParams.get('token'), 'getState', [])).body,
    ).value
    expect(state).toMatchObject({
      project: null,
      firstRun: true,
      capabilities: { nativeDialogs: false },
    })
    child.kill('SIGTERM')
  }, 30_000)

  it('exits non-zero naming a project folder that does not exist, printing nothing on stdout', async () => {
    const missing = join(await tempDir(), 'nowhere')
    const { firstLine, exited, stderr } = await startBrowserMode([missing])
    expect(await firstLine).toBeNull()
    expect(await exited).toBe(1)
    expect(stderr()).toContain(missing)
  }, 30_000)
})
