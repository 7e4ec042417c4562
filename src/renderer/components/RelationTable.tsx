/**
 * The project's relation types in the settings dialog: colour, name, key (one letter: the link
 * bar and the L dialog pick relations by it), whether the relation has a direction, and what it
 * means. The backend checks the set (unique ids and keys, types still in use) when it is saved.
 */
import type { RelationType } from '../../shared/api'
import { ColourCell, DescriptionCell, NameCell, RemoveCell } from './SettingsCells'

interface RelationTableProps {
  relations: readonly RelationType[]
  onChange(relations: RelationType[]): void
  onAdd(): void
}

export function RelationTable({ relations, onChange, onAdd }: RelationTableProps) {
  const update = (index: number, patch: Partial<RelationType>) =>
    onChange(relations.map((relation, i) => (i === index ? { ...relation, ...patch } : relation)))
  return (
    <>
      <table className="label-table" data-testid="relation-table">
        <thead>
          <tr>
            <th>Colour</th>
            <th>Name</th>
            <th>Key</th>
            <th>Directed</th>
            <th>Description</th>
            <th aria-label="Remove" />
          </tr>
        </thead>
        <tbody>
          {relations.map((relation, index) => (
            <tr key={relation.id} data-relation={relation.id}>
              <ColourCell
                name={relation.name}
                value={relation.color}
                onChange={(color) => update(index, { color })}
              />
              <NameCell
                label="Relation name"
                value={relation.name}
                onChange={(name) => update(index, { name })}
              />
              <td>
                <input
                  className="key-input"
                  aria-label={`Key of ${relation.name}`}
                  value={relation.key ?? ''}
                  maxLength={1}
                  onChange={(event) => {
                    const key = event.target.value.toLowerCase()
                    update(index, { key: /^[a-z]$/.test(key) ? key : null })
                  }}
                />
              </td>
              <td>
                <input
                  type="checkbox"
                  aria-label={`${relation.name} has a direction`}
                  checked={relation.directed}
                  onChange={(event) => update(index, { directed: event.target.checked })}
                />
              </td>
              <DescriptionCell
                name={relation.name}
                value={relation.description}
                onChange={(description) => update(index, { description })}
              />
              <RemoveCell
                name={relation.name}
                title="Remove the relation type"
                onRemove={() => onChange(relations.filter((_, i) => i !== index))}
              />
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={onAdd}>
        Add a relation type
      </button>
    </>
  )
}
