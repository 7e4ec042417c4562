/**
 * Reads what the user points an import at (a file, or a folder of them) into the texts the core
 * importers parse. brat needs each .ann's .txt beside it: its offsets count in that text.
 */
import { readdir, readFile, stat } from 'node:fs/promises'
import { basename, dirname, join, relative } from 'node:path'
import {
  DatasetFormatError,
  emptyBatch,
  parseBratAnn,
  parseJsonlDataset,
  parseLabelStudioExport,
  parseW3cAnnotations,
  type ImportBatch,
  type ImportFile,
} from '../../core/export'
import type { DatasetImportFormat } from '../../shared/api'
import { BackendError } from '../errors'
import { describe, isErrnoCode } from '../settings'

const EXTENSIONS: Record<DatasetImportFormat, readonly string[]> = {
  w3c: ['.json', '.jsonld'],
  brat: ['.ann'],
  labelstudio: ['.json'],
  jsonl: ['.jsonl'],
}

/** Files under `folder` with one of the extensions, sorted, hidden ones left out. */
async function filesUnder(folder: string, extensions: readonly string[]): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true })
  return entries
    .filter(
      (entry) =>
        entry.isFile() &&
        !entry.name.startsWith('.') &&
        extensions.some((extension) => entry.name.toLowerCase().endsWith(extension)),
    )
    .map((entry) => join(entry.parentPath, entry.name))
    .sort()
}

async function readText(path: string, name: string): Promise<string> {
  try {
    return await readFile(path, 'utf8')
  } catch (error) {
    throw new BackendError('import-failed', `${name} cannot be read (${describe(error)}).`, path)
  }
}

/** Reads and parses every file of the import; a malformed one fails the whole import. */
export async function readImportSource(
  format: DatasetImportFormat,
  path: string,
): Promise<ImportBatch> {
  let isFolder: boolean
  try {
    isFolder = (await stat(path)).isDirectory()
  } catch (error) {
    if (isErrnoCode(error, 'ENOENT'))
      throw new BackendError('not-found', `${path} does not exist.`, path)
    throw new BackendError('import-failed', `${path} cannot be read (${describe(error)}).`, path)
  }
  const root = isFolder ? path : dirname(path)
  const paths = isFolder ? await filesUnder(path, EXTENSIONS[format]) : [path]
  if (paths.length === 0) {
    throw new BackendError(
      'import-failed',
      `${path} holds no ${EXTENSIONS[format].join(' or ')} file to import.`,
      path,
    )
  }
  const batch = emptyBatch()
  for (const filePath of paths) {
    const name = relative(root, filePath).split('\\').join('/') || basename(filePath)
    const file: ImportFile = { name, text: await readText(filePath, name) }
    try {
      const one = await parseOne(format, file, filePath, name)
      batch.claims.push(...one.claims)
      batch.links.push(...one.links)
      batch.problems.push(...one.problems)
    } catch (error) {
      if (error instanceof DatasetFormatError) {
        throw new BackendError('import-failed', `${error.message}. Nothing was imported.`, filePath)
      }
      throw error
    }
  }
  return batch
}

async function parseOne(
  format: DatasetImportFormat,
  file: ImportFile,
  filePath: string,
  name: string,
): Promise<ImportBatch> {
  if (format === 'w3c') return parseW3cAnnotations(file)
  if (format === 'labelstudio') return parseLabelStudioExport(file)
  if (format === 'jsonl') return parseJsonlDataset(file)
  if (!name.toLowerCase().endsWith('.ann')) {
    throw new DatasetFormatError(
      name,
      'the whole file',
      'a brat import takes .ann files (with their .txt)',
    )
  }
  const txtPath = filePath.slice(0, -'.ann'.length) + '.txt'
  const txtName = name.slice(0, -'.ann'.length) + '.txt'
  let text: string
  try {
    text = await readFile(txtPath, 'utf8')
  } catch {
    throw new DatasetFormatError(
      name,
      'the whole file',
      `there is no ${txtName} beside it (its offsets count in that text)`,
    )
  }
  return parseBratAnn(file, { name: txtName, text }, txtName)
}
