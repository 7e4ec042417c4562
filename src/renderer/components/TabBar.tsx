/** The tabs of one pane, with the action that opens the active document in the other pane. */
import type { KeyboardEvent } from 'react'

export interface TabInfo {
  key: string
  path: string
  label: string
}

interface TabBarProps {
  tabs: TabInfo[]
  active: string | null
  isSplit: boolean
  onActivate(key: string): void
  onClose(key: string): void
  onOpenBeside(key: string): void
  onFind(): void
}

export function TabBar(props: TabBarProps) {
  const { tabs, active, isSplit, onActivate, onClose, onOpenBeside, onFind } = props
  const onTabKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const tab = tabs[index]!
    if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault()
      onClose(tab.key)
    } else if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
      // Arrow keys move between tabs, as in any tab list.
      event.preventDefault()
      const step = event.key === 'ArrowRight' ? 1 : -1
      const next = tabs[(index + step + tabs.length) % tabs.length]!
      onActivate(next.key)
      const buttons = event.currentTarget
        .closest('[role="tablist"]')
        ?.querySelectorAll('[role="tab"]')
      ;(buttons?.[(index + step + tabs.length) % tabs.length] as HTMLElement | undefined)?.focus()
    }
  }

  return (
    <div className="tab-bar">
      <div className="tabs" role="tablist" aria-label="Open documents">
        {tabs.map((tab, index) => {
          const selected = tab.key === active
          return (
            <div key={tab.key} className={selected ? 'tab selected' : 'tab'}>
              <button
                type="button"
                role="tab"
                className="tab-label"
                data-testid="tab"
                data-path={tab.path}
                aria-selected={selected}
                tabIndex={selected ? 0 : -1}
                title={`${tab.path}\nDelete: close · ←/→: other tabs`}
                onClick={() => onActivate(tab.key)}
                onKeyDown={(event) => onTabKeyDown(event, index)}
              >
                {tab.label}
              </button>
              <button
                type="button"
                className="tab-close"
                data-testid="tab-close"
                tabIndex={-1}
                title="Close (Delete)"
                aria-label={`Close ${tab.label}`}
                onClick={() => onClose(tab.key)}
              >
                ×
              </button>
            </div>
          )
        })}
      </div>
      {active !== null && (
        <button
          type="button"
          className="tab-bar-action"
          data-testid="find-open"
          title="Find in document (Ctrl+F)"
          onClick={onFind}
        >
          Find
        </button>
      )}
      {active !== null && (
        <button
          type="button"
          className="tab-bar-action"
          data-testid="open-beside-tab"
          title={`Open side by side${isSplit ? ' (in the other pane)' : ''} (Ctrl+\\)`}
          onClick={() => onOpenBeside(active)}
        >
          ⇆ Side by side
        </button>
      )}
    </div>
  )
}
