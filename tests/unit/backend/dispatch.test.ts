import { describe, expect, it } from 'vitest'
import { BackendError, createWorkbench, dispatch } from '../../../src/backend'
import { DocumentError } from '../../../src/core/document'
import { workbenchMethods, type WorkbenchApi } from '../../../src/shared/api'
import { fakeParser, tempDir, writeFiles } from './helpers'

async function realWorkbench() {
  return createWorkbench({
    settingsDir: await tempDir(),
    samplesDir: await tempDir(),
    parse: fakeParser().parse,
    log: () => {},
  })
}

/** An API whose every method fails with the given error. */
function failingApi(error: unknown): WorkbenchApi {
  const fail = async () => {
    throw error
  }
  // Every method of the contract, so the test keeps up when methods are added.
  return Object.fromEntries(
    workbenchMethods.map((method) => [method, fail]),
  ) as unknown as WorkbenchApi
}

describe('dispatch', () => {
  it('calls the method with validated arguments', async () => {
    const workbench = await realWorkbench()
    const result = await dispatch(workbench, 'getState', [])
    expect(result).toMatchObject({ ok: true, value: { project: null, firstRun: true } })
  })

  it('refuses unknown methods, including inherited property names', async () => {
    const workbench = await realWorkbench()
    for (const method of [
      'deleteEverything',
      '__proto__',
      'constructor',
      'toString',
      'onEvent',
      42,
      null,
    ]) {
      const result = await dispatch(workbench, method, [])
      expect(result, String(method)).toMatchObject({ ok: false, error: { code: 'unknown-method' } })
    }
  })

  it('refuses wrong argument types, extra arguments and non-array arguments', async () => {
    const workbench = await realWorkbench()
    const cases: [string, unknown][] = [
      ['openDocument', [42]],
      ['openDocument', []],
      ['openDocument', ['']],
      ['openDocument', ['a', 'b']],
      ['getState', ['extra']],
      ['chooseProject', [{ path: '/' }]],
      ['chooseFiles', ['/not/an/array']],
      ['chooseFiles', [[1, 2]]],
      ['refresh', undefined],
      ['refresh', { 0: 'x' }],
      ['openDocument', ['x'.repeat(5000)]],
      ['exportDataset', [{ format: 'xml', folder: '/tmp/out' }]],
      ['exportDataset', [{ format: 'w3c', folder: '/tmp/out', extra: true }]],
      ['exportDataset', [{ format: 'brat', annotator: '../alice' }]],
      ['importDataset', [{ format: 'csv', path: '/tmp/a.csv', annotator: 'bob' }]],
      ['importDataset', [{ format: 'brat', path: '/tmp/brat' }]],
    ]
    for (const [method, args] of cases) {
      const result = await dispatch(workbench, method, args)
      expect(result, `${method} ${JSON.stringify(args)}`).toMatchObject({
        ok: false,
        error: { code: 'invalid-arguments', message: expect.stringContaining(method) },
      })
    }
  })

  it('accepts an omitted optional argument', async () => {
    const workbench = await realWorkbench()
    expect(await dispatch(workbench, 'chooseProject', [])).toEqual({ ok: true, value: null })
  })

  it('keeps the code, message and file of errors meant for the user', async () => {
    const documentError = new DocumentError('binary', 'photo.txt', 'photo.txt is not text.')
    expect(await dispatch(failingApi(documentError), 'refresh', [])).toEqual({
      ok: false,
      error: { code: 'binary', message: 'photo.txt is not text.', file: 'photo.txt' },
    })
    const workbench = await realWorkbench()
    expect(await dispatch(workbench, 'openDocument', ['p1:../../etc/passwd'])).toMatchObject({
      ok: false,
      error: { code: 'unknown-document' },
    })
    const backendError = new BackendError('not-found', 'The folder /x does not exist.', '/x')
    expect(await dispatch(failingApi(backendError), 'chooseProject', ['/x'])).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'The folder /x does not exist.', file: '/x' },
    })
  })

  it('hides unexpected errors behind a generic message and logs them', async () => {
    const logged: unknown[] = []
    const bug = new TypeError('Cannot read properties of undefined (reading "secret internals")')
    const result = await dispatch(failingApi(bug), 'getState', [], (_message, error) =>
      logged.push(error),
    )
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: expect.any(String) } })
    expect(JSON.stringify(result)).not.toContain('secret internals')
    expect(logged).toEqual([bug])
  })

  it('opens a real project through dispatch', async () => {
    const workbench = await realWorkbench()
    const root = await tempDir()
    await writeFiles(root, { 'a.txt': 'A' })
    const opened = await dispatch(workbench, 'chooseProject', [root])
    expect(opened).toMatchObject({ ok: true, value: { documents: [{ path: 'a.txt' }] } })
  })
})
