/**
 * Settings: who annotates (AnnotatorSetting), the project's labels and relation types (saved to corroborate.json through
 * updateLabels and updateRelationTypes, whose messages are shown when they refuse) and this
 * browser's snapping preference.
 */
import { useState, type ComponentProps, type FormEvent } from 'react'
import { AnnotatorSetting } from './AnnotatorSetting'
import { ModalDialog } from './ModalDialog'
import { RelationTable } from './RelationTable'
import { ColourCell, DescriptionCell, NameCell, RemoveCell } from './SettingsCells'
import type { Label, ProjectSettings, RelationType } from '../../shared/api'

interface SettingsDialogProps {
  settings: ProjectSettings | null
  readOnly: string | null
  snap: boolean
  onSnapChange(snap: boolean): void
  /** Resolves to an error message, or null when the labels were saved. */
  onSaveLabels(labels: Label[]): Promise<string | null>
  /** Resolves to an error message, or null when the relation types were saved. */
  onSaveRelations(relations: RelationType[]): Promise<string | null>
  onClose(): void
  /** Who annotates, the project's annotators, and switching (see AnnotatorSetting). */
  annotator: ComponentProps<typeof AnnotatorSetting>
}

const LABEL_KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const
const KEYS = ['', ...LABEL_KEYS] as const

/** A label or relation id from a name: lower-case letters, digits, "-"; unique among `taken`. */
function idFor(name: string, taken: ReadonlySet<string>): string {
  const base =
    name
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 28) || 'label'
  let id = base
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`
  return id
}

export function SettingsDialog(props: SettingsDialogProps) {
  const { settings, readOnly, snap, onSnapChange, onSaveLabels, onClose } = props
  const [labels, setLabels] = useState<Label[]>(() => settings?.labels.map((l) => ({ ...l })) ?? [])
  const [relations, setRelations] = useState<RelationType[]>(
    () => settings?.relations.map((r) => ({ ...r })) ?? [],
  )
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  /** Temporary ids of labels added here: they get an id from their name when saved. */
  const [added, setAdded] = useState<ReadonlySet<string>>(new Set())

  const update = (index: number, patch: Partial<Label>) =>
    setLabels((current) =>
      current.map((label, i) => (i === index ? { ...label, ...patch } : label)),
    )

  const addLabel = () => {
    const taken = new Set(labels.map((label) => label.id))
    const id = idFor('new', taken)
    const freeKey = LABEL_KEYS.find((key) => !labels.some((label) => label.key === key))
    setLabels([
      ...labels,
      { id, name: 'New label', color: '#7f7f7f', key: freeKey ?? null, description: '' },
    ])
    setAdded(new Set([...added, id]))
  }

  const addRelation = () => {
    const id = idFor('new', new Set(relations.map((relation) => relation.id)))
    setRelations([
      ...relations,
      { id, name: 'New relation', color: '#7f7f7f', key: null, directed: true, description: '' },
    ])
    setAdded(new Set([...added, id]))
  }

  /** Gives added entries an id from their name, unique among the kept ones. */
  const named = <T extends { id: string; name: string }>(entries: readonly T[]): T[] => {
    const kept = new Set(entries.filter((entry) => !added.has(entry.id)).map((entry) => entry.id))
    return entries.map((entry) => {
      if (!added.has(entry.id)) return entry
      const id = idFor(entry.name, kept)
      kept.add(id)
      return { ...entry, id }
    })
  }

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    setSaving(true)
    const changedRelations = JSON.stringify(relations) !== JSON.stringify(settings?.relations)
    const message =
      (await onSaveLabels(named(labels))) ??
      (changedRelations ? await props.onSaveRelations(named(relations)) : null)
    setSaving(false)
    setError(message)
    if (message === null) onClose()
  }

  const disabled = readOnly !== null || settings === null
  return (
    <ModalDialog
      className="dialog settings-dialog"
      testId="settings-dialog"
      labelledBy="settings-title"
      onCancel={onClose}
    >
      <form onSubmit={onSubmit}>
        <h2 id="settings-title">Settings</h2>

        <AnnotatorSetting {...props.annotator} />

        <fieldset className="settings-section">
          <legend>Selecting text</legend>
          <label className="checkbox">
            <input
              type="checkbox"
              data-testid="snap-setting"
              checked={snap}
              onChange={(event) => onSnapChange(event.target.checked)}
            />
            Snap selections to whole words (a sloppy drag becomes a clean span; boundary keys move
            by word)
          </label>
        </fieldset>

        <fieldset className="settings-section" disabled={disabled}>
          <legend>Labels of this project</legend>
          {settings && (
            <p className="dialog-hint">Saved in {settings.file}, shared with colleagues.</p>
          )}
          {readOnly && <p className="field-error">{readOnly}</p>}
          <table className="label-table">
            <thead>
              <tr>
                <th>Colour</th>
                <th>Name</th>
                <th>Key</th>
                <th>Description</th>
                <th aria-label="Remove" />
              </tr>
            </thead>
            <tbody>
              {labels.map((label, index) => (
                <tr key={label.id} data-label={label.id}>
                  <ColourCell
                    name={label.name}
                    value={label.color}
                    onChange={(color) => update(index, { color })}
                  />
                  <NameCell
                    label="Name"
                    value={label.name}
                    onChange={(name) => update(index, { name })}
                  />
                  <td>
                    <select
                      aria-label={`Key of ${label.name}`}
                      value={label.key ?? ''}
                      onChange={(event) =>
                        update(index, { key: (event.target.value || null) as Label['key'] })
                      }
                    >
                      {KEYS.map((key) => (
                        <option key={key} value={key}>
                          {key || '—'}
                        </option>
                      ))}
                    </select>
                  </td>
                  <DescriptionCell
                    name={label.name}
                    value={label.description}
                    onChange={(description) => update(index, { description })}
                  />
                  <RemoveCell
                    name={label.name}
                    title="Remove the label"
                    onRemove={() => setLabels(labels.filter((_, i) => i !== index))}
                  />
                </tr>
              ))}
            </tbody>
          </table>
          <button type="button" onClick={addLabel}>
            Add a label
          </button>
        </fieldset>

        <fieldset className="settings-section" disabled={disabled}>
          <legend>Relation types of links</legend>
          <RelationTable relations={relations} onChange={setRelations} onAdd={addRelation} />
        </fieldset>
        {error && (
          <p className="field-error" role="alert" data-testid="labels-error">
            {error}
          </p>
        )}

        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Close
          </button>
          <button type="submit" className="primary" disabled={disabled || saving}>
            Save
          </button>
        </div>
      </form>
    </ModalDialog>
  )
}
