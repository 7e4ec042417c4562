/** Tags as chips: type and press Enter or a comma to add; × or Backspace on empty to remove. */
import { useState, type KeyboardEvent } from 'react'
import { parseTags } from '../claims/claim-text'

interface TagInputProps {
  tags: readonly string[]
  disabled: boolean
  onChange(tags: string[]): void
}

export function TagInput({ tags, disabled, onChange }: TagInputProps) {
  const [text, setText] = useState('')

  const add = (input: string) => {
    const added = parseTags(input).filter((tag) => !tags.includes(tag))
    setText('')
    if (added.length > 0) onChange([...tags, ...added])
  }

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault()
      add(text)
    } else if (event.key === 'Backspace' && text === '' && tags.length > 0) {
      onChange(tags.slice(0, -1))
    }
  }

  return (
    <div className="tag-input" data-testid="claim-tags">
      {tags.map((tag) => (
        <span key={tag} className="chip">
          {tag}
          <button
            type="button"
            className="chip-remove"
            aria-label={`Remove tag ${tag}`}
            disabled={disabled}
            onClick={() => onChange(tags.filter((other) => other !== tag))}
          >
            ×
          </button>
        </span>
      ))}
      <input
        id="claim-tags-input"
        value={text}
        disabled={disabled}
        placeholder={tags.length === 0 ? 'Add tags (Enter or comma)' : ''}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
        onBlur={() => text.trim() !== '' && add(text)}
      />
    </div>
  )
}
