/**
 * Reads Label Studio's JSON export (a list of tasks, each with its data and annotations) of a
 * text-span project:
 *   - a "labels" result is a claim: its first label is the label (further labels become tags),
 *     value.text the quote, value.start / value.end a hint where it is in the task's text;
 *   - per-region "choices" (same result id) set status or certainty when they name one, else
 *     become tags; per-region "textarea" results become the note;
 *   - a "relation" result is a link from from_id to to_id (direction "left" swaps them), of the
 *     type its first label names, "same" without one.
 * The task's text (data[to_name], else data.text) finds the article; file_upload or data.path,
 * when given, too. One annotation per task is imported (the first not cancelled); others are
 * reported, as are predictions-only tasks and results of other types.
 */
import { CERTAINTIES, CLAIM_STATUSES, type Certainty, type ClaimStatus } from '../model/claim'
import {
  DatasetFormatError,
  emptyBatch,
  isRecord,
  parseJsonFile,
  type ImportBatch,
  type ImportedClaim,
  type ImportedLink,
  type ImportFile,
} from './dataset-import'

type Json = Record<string, unknown>

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined)
const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []
const isStatus = (value: string): value is ClaimStatus =>
  (CLAIM_STATUSES as readonly string[]).includes(value)
const isCertainty = (value: string): value is Certainty =>
  (CERTAINTIES as readonly string[]).includes(value)

function taskText(task: Json, toName: string | undefined): string | undefined {
  const data = task.data as Json
  if (toName !== undefined && typeof data[toName] === 'string') return data[toName] as string
  if (typeof data.text === 'string') return data.text
  return Object.values(data).find((value): value is string => typeof value === 'string')
}

export function parseLabelStudioExport(file: ImportFile): ImportBatch {
  const batch = emptyBatch()
  const root = parseJsonFile(file)
  const tasks = Array.isArray(root) ? root : isRecord(root) && isRecord(root.data) ? [root] : null
  if (tasks === null) {
    throw new DatasetFormatError(
      file.name,
      'the whole file',
      'not a Label Studio JSON export (a list of tasks)',
    )
  }
  tasks.forEach((task, taskIndex) => {
    const item = `task ${taskIndex + 1}`
    if (!isRecord(task) || !isRecord(task.data)) {
      throw new DatasetFormatError(file.name, item, 'not a task (an object with "data")')
    }
    const where = `${file.name} ${item}`
    const annotations = (Array.isArray(task.annotations) ? task.annotations : []).filter(
      (annotation) => isRecord(annotation) && annotation.was_cancelled !== true,
    ) as Json[]
    if (annotations.length === 0) {
      batch.problems.push({
        where,
        message:
          Array.isArray(task.predictions) && task.predictions.length > 0
            ? 'The task has predictions but no annotation; predictions are not imported.'
            : 'The task has no annotation.',
      })
      return
    }
    if (annotations.length > 1) {
      batch.problems.push({
        where,
        message: `The task has ${annotations.length} annotations; the first (id ${String(annotations[0]!.id)}) is imported. Import the others as their own annotators.`,
      })
    }
    readResults(annotations[0]!, task, taskIndex, file.name, where, batch)
  })
  return batch
}

function readResults(
  annotation: Json,
  task: Json,
  taskIndex: number,
  fileName: string,
  where: string,
  batch: ImportBatch,
): void {
  if (!Array.isArray(annotation.result)) {
    throw new DatasetFormatError(
      fileName,
      `task ${taskIndex + 1}`,
      'its annotation has no "result" list',
    )
  }
  const results = annotation.result as unknown[]
  const claims = new Map<string, ImportedClaim>()
  const ref = (id: string) => `${fileName}#${taskIndex + 1}#${id}`
  const path = str(task.file_upload) ?? str((task.data as Json).path)
  results.forEach((result, index) => {
    const at = `${where} result ${index + 1}`
    if (!isRecord(result)) {
      throw new DatasetFormatError(
        fileName,
        `task ${taskIndex + 1} result ${index + 1}`,
        'not an object',
      )
    }
    if (result.type !== 'labels') return
    const value = isRecord(result.value) ? result.value : {}
    const id = str(result.id)
    const exact = str(value.text)
    const text = taskText(task, str(result.to_name))
    if (id === undefined || exact === undefined || exact === '' || text === undefined) {
      batch.problems.push({
        where: at,
        message: 'A span without id, text or task text is left out.',
      })
      return
    }
    const labels = strings(value.labels)
    const claim: ImportedClaim = {
      ref: ref(id),
      where: at,
      document: { text },
      quote: { exact, prefix: '', suffix: '' },
      label: labels[0] ?? str(result.from_name) ?? 'claim',
      tags: labels.slice(1),
    }
    if (path !== undefined) claim.document.path = path
    const start = value.start
    const end = value.end
    if (Number.isInteger(start) && Number.isInteger(end) && (end as number) <= text.length) {
      claim.position = { start: start as number, end: end as number }
      // The context confirms the place when the quote occurs more than once.
      claim.quote.prefix = text.slice(Math.max(0, (start as number) - 32), start as number)
      claim.quote.suffix = text.slice(end as number, (end as number) + 32)
    }
    claims.set(id, claim)
  })
  results.forEach((result, index) => {
    const at = `${where} result ${index + 1}`
    const entry = result as Json
    const value = isRecord(entry.value) ? entry.value : {}
    if (entry.type === 'labels') return
    if (entry.type === 'relation') {
      const from = str(entry.from_id)
      const to = str(entry.to_id)
      if (from === undefined || to === undefined) {
        batch.problems.push({
          where: at,
          message: 'A relation without from_id or to_id is left out.',
        })
        return
      }
      const [start, end] = entry.direction === 'left' ? [to, from] : [from, to]
      const link: ImportedLink = {
        ref: ref(`${from}>${to}#${index + 1}`),
        where: at,
        relation: strings(entry.labels)[0] ?? 'same',
        from: ref(start),
        to: { kind: 'claim', ref: ref(end) },
      }
      batch.links.push(link)
      return
    }
    const claim = claims.get(str(entry.id) ?? '')
    if (entry.type === 'choices' && claim) {
      for (const choice of strings(value.choices)) {
        if (isStatus(choice)) claim.status = choice
        else if (isCertainty(choice)) claim.certainty = choice
        else claim.tags!.push(choice)
      }
      return
    }
    if (entry.type === 'textarea' && claim) {
      const text = strings(value.text).join('\n')
      claim.note = claim.note ? `${claim.note}\n${text}` : text
      return
    }
    batch.problems.push({
      where: at,
      message: `A "${String(entry.type)}" result${claim ? '' : ' not tied to a span'} is not something a claim holds; it is left out.`,
    })
  })
  batch.claims.push(...claims.values())
}
