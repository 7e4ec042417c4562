/**
 * The store on real files in temp folders, as #10 asks: outside writers (atomic and in place),
 * a restored older copy, half-written files, file modes, symlinks, read-only files, leftover
 * temp files and journals. No timing is asserted; where another program would race the store,
 * the race is staged at a fixed point (an adapter that writes the file just before our rename).
 */
import { spawn } from 'node:child_process'
import { hostname } from 'node:os'
import {
  chmod,
  lstat,
  mkdir,
  readdir,
  readFile,
  rename,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { AnnotationFileAdapter, serializeAnnotationFile } from '../../../../src/backend/annotations'
import { SettingsStore } from '../../../../src/backend/settings'
import { emptyAnnotationFile, type AnnotationFile, type Claim } from '../../../../src/core/model'
import { tempDir } from '../helpers'
import { claim, id, openStore } from './store-setup'

async function readClaims(path: string): Promise<string[]> {
  const file = JSON.parse(await readFile(path, 'utf8')) as AnnotationFile
  return file.claims.map((c) => c.id)
}

/** Another program adding a claim by read, change, write to a temp file and rename. */
async function outsideAtomicAdd(path: string, added: Claim): Promise<void> {
  const file = JSON.parse(await readFile(path, 'utf8')) as AnnotationFile
  file.claims.push(added)
  await writeFile(`${path}.outside`, serializeAnnotationFile(file))
  await rename(`${path}.outside`, path)
}

/** A process id that is certainly not running: a child that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' })
  await new Promise((resolve) => child.on('close', resolve))
  return child.pid!
}

const ownerTagOf = (pid: number) =>
  `${
    hostname()
      .replace(/[^A-Za-z0-9-]/g, '')
      .slice(0, 32) || 'host'
  }~${pid}`

describe('acknowledged means durable', () => {
  it('a persisted change is in the journal at once; the JSON file gets it on flush', async () => {
    const dir = await tempDir()
    const path = join(dir, 'alice.json')
    const store = await openStore(path)
    store.put(claim(1))
    await store.persist()
    expect(store.saveState.status).toBe('saving') // In the journal, not yet in the file.
    const journal = (await readdir(dir)).find((name) => name.endsWith('.journal'))!
    expect(await readFile(join(dir, journal), 'utf8')).toContain(id(1))
    expect((await store.flush()).status).toBe('saved')
    expect(await readClaims(path)).toEqual([id(1)])
    expect(await readFile(join(dir, journal), 'utf8')).toBe('') // Compacted: emptied.
    await store.close()
    expect(await readdir(dir)).toEqual(['alice.json']) // Closed: the journal is gone.
  })

  it('a journal left by a closed store that could not compact is replayed by the next open', async () => {
    const dir = await tempDir()
    const path = join(dir, 'alice.json')
    await writeFile(path, serializeAnnotationFile(emptyAnnotationFile('alice')))
    const store = await openStore(path)
    store.put(claim(1))
    await store.persist()
    // Another program breaks the file: the store turns read-only and keeps its journal.
    await writeFile(path, '{ broken')
    await openStore(path, { readRetryMs: [] }) // A reader meanwhile: read-only, touches nothing.
    expect((await store.close()).status).toBe('read-only')
    expect((await readdir(dir)).some((name) => name.endsWith('.journal'))).toBe(true)
    // Fixed (say, the colleague's tool finished): the next open replays the journal.
    await writeFile(path, serializeAnnotationFile(emptyAnnotationFile('alice')))
    const reopened = await openStore(path)
    expect(reopened.get(id(1))?.note).toBe('claim 1')
    expect(await readClaims(path)).toEqual([id(1)]) // Written at once, so the journal can go.
    await reopened.close()
    expect((await readdir(dir)).filter((name) => !name.includes('.unsaved-'))).toEqual([
      'alice.json',
    ])
  })
})

describe('outside writers', () => {
  it('atomic replacements between edits: both sides kept, nothing written over', async () => {
    const dir = await tempDir()
    const path = join(dir, 'alice.json')
    const store = await openStore(path)
    store.put(claim(0))
    await store.persist()
    await store.flush()
    for (let round = 1; round <= 10; round++) {
      store.put(claim(round))
      await store.persist()
      await outsideAtomicAdd(path, claim(100 + round))
      if (round % 3 === 0) await store.syncFromDisk() // A listing in between, sometimes.
      expect((await store.flush()).status).toBe('saved')
    }
    const ids = await readClaims(path)
    for (let round = 1; round <= 10; round++) {
      expect(ids).toContain(id(round))
      expect(ids).toContain(id(100 + round))
    }
    expect(store.size).toBe(21)
  })

  it('a replacement landing while the store writes (just before its rename) is merged, not clobbered', async () => {
    const dir = await tempDir()
    const path = join(dir, 'alice.json')
    await writeFile(path, serializeAnnotationFile(emptyAnnotationFile('alice')))
    let outsideWrites = 0
    /** Stages the race: the first check before a rename finds another program's write. */
    class RacedAdapter extends AnnotationFileAdapter {
      armed = false
      override async changedOnDisk(): Promise<boolean> {
        if (this.armed) {
          this.armed = false
          outsideWrites++
          await outsideAtomicAdd(path, claim(99, 'theirs'))
        }
        return super.changedOnDisk()
      }
      override async write(data: AnnotationFile): Promise<void> {
        this.armed = outsideWrites === 0
        await super.write(data)
      }
    }
    const store = await openStore(path, { adapter: new RacedAdapter(path, 'alice.json') })
    store.put(claim(1, 'ours'))
    await store.persist()
    expect((await store.flush()).status).toBe('saved')
    expect(outsideWrites).toBe(1)
    expect(await readClaims(path)).toEqual([id(1), id(99)])
    expect(store.get(id(99))?.note).toBe('theirs')
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([])
  })

  it('a file rewritten in place is read again once whole, not declared corrupt', async () => {
    const dir = await tempDir()
    const path = join(dir, 'alice.json')
    const store = await openStore(path)
    store.put(claim(1, 'ours'))
    await store.persist()
    await store.flush()
    const theirs = serializeAnnotationFile({
      ...emptyAnnotationFile('alice'),
      claims: [...(JSON.parse(await readFile(path, 'utf8')) as AnnotationFile).claims, claim(2)],
    })
    // Half of it on disk; the rest a moment later, whenever the store's first read has failed.
    await writeFile(path, theirs.slice(0, theirs.length >> 1))
    store.put(claim(3, 'ours, made meanwhile'))
    await store.persist()
    let finish: () => void = () => {}
    const finished = new Promise<void>((resolve) => (finish = resolve))
    const reading = store.syncFromDisk()
    setTimeout(() => void writeFile(path, theirs).then(finish), 10)
    await reading
    await finished
    expect(store.readOnlyReason).toBeNull()
    expect((await store.flush()).status).toBe('saved')
    expect(await readClaims(path)).toEqual([id(1), id(2), id(3)])
  })

  it('a file that stays unreadable: read-only, accepted edits beside it and in the journal', async () => {
    const dir = await tempDir()
    const path = join(dir, 'alice.json')
    const store = await openStore(path, { readRetryMs: [1, 1] })
    store.put(claim(1))
    await store.persist()
    await writeFile(path, '{ "half": ')
    await store.syncFromDisk()
    expect(store.saveState.status).toBe('read-only')
    expect(store.saveState.message).toMatch(
      /unsaved changes were written to .*alice\.json\.unsaved-/,
    )
    const aside = (await readdir(dir)).find((name) => name.includes('.unsaved-'))!
    expect(
      (JSON.parse(await readFile(join(dir, aside), 'utf8')) as AnnotationFile).claims,
    ).toHaveLength(1)
    expect(await readFile(path, 'utf8')).toBe('{ "half": ')
  })

  it('an older copy put back: the status says so until the file holds everything again', async () => {
    const dir = await tempDir()
    const path = join(dir, 'alice.json')
    const store = await openStore(path)
    store.put(claim(1))
    await store.persist()
    await store.flush()
    const older = await readFile(path)
    store.put(claim(2))
    await store.persist()
    expect((await store.flush()).status).toBe('saved')
    await writeFile(path, older)
    await store.syncFromDisk()
    expect(store.saveState.status).toBe('saving')
    expect((await store.flush()).status).toBe('saved')
    expect(await readClaims(path)).toEqual([id(1), id(2)])
  })
})

describe('two instances on one annotator', () => {
  it('cooperate: each keeps its own journal, and the file ends up with both sides', async () => {
    const dir = await tempDir()
    const path = join(dir, 'alice.json')
    const a = await openStore(path)
    const b = await openStore(path)
    for (let n = 0; n < 6; n++) {
      a.put(claim(n))
      await a.persist()
      b.put(claim(100 + n))
      await b.persist()
      expect((await (n % 2 === 0 ? a : b).flush()).status).toBe('saved')
    }
    const journals = (await readdir(dir)).filter((name) => name.endsWith('.journal'))
    expect(journals).toHaveLength(2)
    expect((await a.flush()).status).toBe('saved')
    expect((await b.flush()).status).toBe('saved')
    await a.syncFromDisk()
    expect(a.size).toBe(12)
    expect(b.size).toBe(12)
    expect(await readClaims(path)).toHaveLength(12)
    await a.close()
    await b.close()
    expect(await readdir(dir)).toEqual(['alice.json'])
  })
})

describe('what the file is', () => {
  it('keeps the mode of the file', async () => {
    const dir = await tempDir()
    const path = join(dir, 'alice.json')
    for (const mode of [0o644, 0o640, 0o664]) {
      await writeFile(path, serializeAnnotationFile(emptyAnnotationFile('alice')))
      await chmod(path, mode)
      const store = await openStore(path)
      store.put(claim(1))
      await store.persist()
      expect((await store.close()).status).toBe('saved')
      expect((await stat(path)).mode & 0o777).toBe(mode)
    }
  })

  it('writes through a symlink, keeping the link', async () => {
    const dir = await tempDir()
    await mkdir(join(dir, 'shared'))
    await mkdir(join(dir, 'annotations'))
    const target = join(dir, 'shared', 'alice.json')
    await writeFile(target, serializeAnnotationFile(emptyAnnotationFile('alice')))
    const link = join(dir, 'annotations', 'alice.json')
    await symlink('../shared/alice.json', link)
    const store = await openStore(link)
    store.put(claim(1))
    await store.persist()
    expect((await store.close()).status).toBe('saved')
    expect((await lstat(link)).isSymbolicLink()).toBe(true)
    expect(await readClaims(target)).toEqual([id(1)])
    expect(await readdir(join(dir, 'shared'))).toEqual(['alice.json'])
    expect(await readdir(join(dir, 'annotations'))).toEqual(['alice.json'])
  })

  it('a file without write permission opens read-only, named, and is never replaced', async () => {
    const dir = await tempDir()
    const path = join(dir, 'alice.json')
    const content = serializeAnnotationFile({ ...emptyAnnotationFile('alice'), claims: [claim(1)] })
    await writeFile(path, content)
    await chmod(path, 0o444)
    const before = await stat(path)
    const store = await openStore(path)
    expect(store.saveState.status).toBe('read-only')
    expect(store.saveState.message).toMatch(/annotations\/alice\.json has no write permission/)
    expect(store.get(id(1))).toBeDefined() // Still shown.
    expect(() => store.put(claim(2))).toThrow(/no write permission/)
    await store.close()
    const after = await stat(path)
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs])
    expect(await readFile(path, 'utf8')).toBe(content)
    expect(await readdir(dir)).toEqual(['alice.json'])
  })
})

describe('leftovers', () => {
  it('removes temp files of writers that are gone, and keeps those of running ones', async () => {
    const dir = await tempDir()
    const path = join(dir, 'alice.json')
    await writeFile(path, serializeAnnotationFile(emptyAnnotationFile('alice')))
    const dead = `.alice.json.${ownerTagOf(await deadPid())}.0123456789ab.tmp`
    const running = `.alice.json.${ownerTagOf(process.ppid)}.0123456789ab.tmp`
    const elsewhere = '.alice.json.otherhost~12.0123456789ab.tmp'
    for (const name of [dead, running, elsewhere]) await writeFile(join(dir, name), 'partial')
    const store = await openStore(path)
    expect((await readdir(dir)).sort()).toEqual([running, elsewhere, 'alice.json'].sort())
    await store.close()
  })

  it('replays the journal of a writer that is gone, ignoring its torn last line', async () => {
    const dir = await tempDir()
    const path = join(dir, 'alice.json')
    const { encodeRecord } = await import('../../../../src/backend/annotations/annotation-journal')
    const journal = join(dir, `.alice.json.${ownerTagOf(await deadPid())}.abcdef.journal`)
    const torn = encodeRecord([{ claim: claim(3) }])
    await writeFile(
      journal,
      encodeRecord([{ claim: claim(1) }]) +
        encodeRecord([{ claim: claim(2) }]) +
        torn.slice(0, torn.length - 5),
    )
    const store = await openStore(path)
    expect(await readClaims(path)).toEqual([id(1), id(2)])
    expect(store.saveState.status).toBe('saved')
    await store.close()
    expect(await readdir(dir)).toEqual(['alice.json'])
  })
})

describe('user settings at start-up', () => {
  it('a change made while the file is still being read keeps what the file holds', async () => {
    const dir = await tempDir()
    await writeFile(
      join(dir, 'settings.json'),
      JSON.stringify({ hasOpenedProject: true, lastProject: null, annotator: 'alice' }),
    )
    const settings = new SettingsStore(dir, () => {})
    const loading = settings.load()
    // Before the load is done (the race at start-up): must not write defaults over the name.
    const updating = settings.update({ lastProject: { root: '/p', isSample: false } })
    await Promise.all([loading, updating])
    expect(settings.current.annotator).toBe('alice')
    const saved = JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8')) as {
      annotator: string
    }
    expect(saved.annotator).toBe('alice')
    // Updates in a row land in order, and the file's mode stays private.
    await Promise.all([
      settings.update({ annotator: 'bob' }),
      settings.update({ annotator: 'carol' }),
    ])
    expect(JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8'))).toMatchObject({
      annotator: 'carol',
    })
  })

  it('an update before any load still reads the file first', async () => {
    const dir = await tempDir()
    await writeFile(join(dir, 'settings.json'), JSON.stringify({ annotator: 'alice' }))
    const settings = new SettingsStore(dir, () => {})
    await settings.update({ hasOpenedProject: true })
    expect(JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8'))).toMatchObject({
      annotator: 'alice',
      hasOpenedProject: true,
    })
  })
})
