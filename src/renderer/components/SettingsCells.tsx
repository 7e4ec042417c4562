/**
 * The cells the settings tables of labels and of relation types share: colour, name,
 * description and remove. Each table adds its own (a label's digit key; a relation's letter
 * key and direction).
 */

interface CellProps {
  /** The entry's name, for the accessible names of its controls. */
  name: string
}

export function ColourCell({ name, value, onChange }: CellProps & ValueProps) {
  return (
    <td>
      <input
        type="color"
        aria-label={`Colour of ${name}`}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
    </td>
  )
}

export function NameCell({ label, value, onChange }: ValueProps & { label: string }) {
  return (
    <td>
      <input
        aria-label={label}
        value={value}
        maxLength={64}
        onChange={(event) => onChange(event.target.value)}
      />
    </td>
  )
}

export function DescriptionCell({ name, value, onChange }: CellProps & ValueProps) {
  return (
    <td>
      <input
        aria-label={`Description of ${name}`}
        value={value}
        maxLength={500}
        onChange={(event) => onChange(event.target.value)}
      />
    </td>
  )
}

export function RemoveCell({
  name,
  title,
  onRemove,
}: CellProps & { title: string; onRemove(): void }) {
  return (
    <td>
      <button
        type="button"
        className="icon-button"
        aria-label={`Remove ${name}`}
        title={title}
        onClick={onRemove}
      >
        ×
      </button>
    </td>
  )
}

interface ValueProps {
  value: string
  onChange(value: string): void
}
