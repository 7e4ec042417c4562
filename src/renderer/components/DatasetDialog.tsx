/**
 * Export a dataset or import one (the File menu's Export Dataset… and Import Annotations…): the
 * format, and for an import the new annotator's name; in browser mode the folder or file path
 * too (Electron asks in its own dialog). The answer stays in the dialog: what was written, and
 * item by item what the format could not hold or what was not imported.
 */
import { useState, type FormEvent } from 'react'
import {
  DATASET_EXPORT_FORMATS,
  DATASET_IMPORT_FORMATS,
  type DatasetExportFormat,
  type DatasetImportFormat,
  type DatasetItemProblem,
} from '../../shared/api'
import type { WorkbenchClient } from '../../shared/client'
import { ModalDialog } from './ModalDialog'

const FORMAT_NAMES: Record<DatasetExportFormat | DatasetImportFormat, string> = {
  w3c: 'W3C Web Annotation (JSON-LD)',
  brat: 'brat standoff (folder of .txt and .ann)',
  jsonl: 'JSONL (documents, claims, links)',
  claimreview: 'ClaimReview (schema.org JSON-LD, per cluster)',
  labelstudio: 'Label Studio JSON export',
}

/** Problems shown in the dialog; the rest are counted (the CLI lists them all). */
const SHOWN_PROBLEMS = 20

interface DatasetDialogProps {
  direction: 'export' | 'import'
  api: Pick<WorkbenchClient, 'exportDataset' | 'importDataset'>
  /** Electron: the folder or file is chosen in a native dialog, not typed. */
  nativeDialogs: boolean
  onClose(): void
}

interface Outcome {
  summary: string
  problems: DatasetItemProblem[]
}

export function DatasetDialog({ direction, api, nativeDialogs, onClose }: DatasetDialogProps) {
  const exporting = direction === 'export'
  const formats: readonly string[] = exporting ? DATASET_EXPORT_FORMATS : DATASET_IMPORT_FORMATS
  const [format, setFormat] = useState(formats[0]!)
  const [path, setPath] = useState('')
  const [annotator, setAnnotator] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [outcome, setOutcome] = useState<Outcome | null>(null)

  const ready =
    !busy && (nativeDialogs || path.trim() !== '') && (exporting || annotator.trim() !== '')

  const run = async (): Promise<Outcome | null> => {
    const typed = nativeDialogs ? {} : { [exporting ? 'folder' : 'path']: path.trim() }
    if (exporting) {
      const result = await api.exportDataset({ format: format as DatasetExportFormat, ...typed })
      if (result === null) return null
      return {
        summary: `Wrote ${result.claims} claim(s) and ${result.links} link(s) to ${result.folder}: ${result.files.length} file(s).`,
        problems: result.problems,
      }
    }
    const result = await api.importDataset({
      format: format as DatasetImportFormat,
      annotator: annotator.trim(),
      ...typed,
    })
    if (result === null) return null
    const added = [...result.addedLabels, ...result.addedRelations]
    return {
      summary:
        `Imported ${result.claims} claim(s) and ${result.links} link(s) into ${result.file}.` +
        (added.length > 0 ? ` Added to the project's types: ${added.join(', ')}.` : ''),
      problems: result.problems,
    }
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    if (!ready) return
    setBusy(true)
    setError(null)
    run().then(
      (answer) => {
        setBusy(false)
        if (answer) setOutcome(answer)
      },
      (failure: unknown) => {
        setBusy(false)
        setError(failure instanceof Error ? failure.message : String(failure))
      },
    )
  }

  const title = exporting ? 'Export dataset' : 'Import annotations'
  return (
    <ModalDialog
      className="path-prompt dataset-dialog"
      testId="dataset-dialog"
      labelledBy="dataset-dialog-title"
      onCancel={onClose}
    >
      <form onSubmit={onSubmit}>
        <h2 id="dataset-dialog-title">{title}</h2>
        <label htmlFor="dataset-format">Format</label>
        <select
          id="dataset-format"
          data-testid="dataset-format"
          value={format}
          onChange={(event) => setFormat(event.target.value)}
        >
          {formats.map((id) => (
            <option key={id} value={id}>
              {FORMAT_NAMES[id as DatasetExportFormat | DatasetImportFormat]}
            </option>
          ))}
        </select>
        {!exporting && (
          <>
            <label htmlFor="dataset-annotator">
              Annotator name of the new file (annotations/&lt;name&gt;.json)
            </label>
            <input
              id="dataset-annotator"
              data-testid="dataset-annotator"
              autoFocus
              spellCheck={false}
              value={annotator}
              onChange={(event) => setAnnotator(event.target.value)}
            />
          </>
        )}
        {!nativeDialogs && (
          <>
            <label htmlFor="dataset-path">
              {exporting
                ? 'Folder to write the dataset to, on this computer'
                : format === 'brat'
                  ? 'brat folder (or one .ann file beside its .txt), on this computer'
                  : format === 'jsonl'
                    ? 'Folder with claims.jsonl and links.jsonl, on this computer'
                    : 'File to import, on this computer'}
            </label>
            <input
              id="dataset-path"
              data-testid="dataset-path"
              autoFocus={exporting}
              spellCheck={false}
              value={path}
              onChange={(event) => setPath(event.target.value)}
            />
          </>
        )}
        {error !== null && (
          <p className="field-error" role="alert" data-testid="dataset-error">
            {error}
          </p>
        )}
        {outcome && (
          <div data-testid="dataset-outcome" role="status">
            <p>{outcome.summary}</p>
            {outcome.problems.length > 0 && (
              <>
                <p>
                  {exporting ? 'Not in this format' : 'Not imported'} ({outcome.problems.length}):
                </p>
                <ul className="dataset-problems">
                  {outcome.problems.slice(0, SHOWN_PROBLEMS).map((problem, index) => (
                    <li key={index}>
                      {exporting ? problem.message : `${problem.item}: ${problem.message}`}
                    </li>
                  ))}
                  {outcome.problems.length > SHOWN_PROBLEMS && (
                    <li>…and {outcome.problems.length - SHOWN_PROBLEMS} more</li>
                  )}
                </ul>
              </>
            )}
          </div>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Close
          </button>
          <button type="submit" className="primary" data-testid="dataset-confirm" disabled={!ready}>
            {exporting ? 'Export' : 'Import'}
          </button>
        </div>
      </form>
    </ModalDialog>
  )
}
