/**
 * The command registry: every command of the app, once, with its keys, when it applies and what
 * it does. The catalog (src/shared/commands.ts) names the commands, their keys and menu labels;
 * this file attaches `when` and `run` to each entry, and adds the project's label keys (1-9) and
 * relation keys (the link bar's S, P, X, C, U) as commands of their own. Keys and menu clicks
 * both go through `runCommand`, so a command does the same, under the same conditions, however
 * it is asked for.
 */
import { COMMANDS, type CommandId } from '../../shared/commands'
import type { Label, RelationType } from '../../shared/api'
import type { Workbench } from '../effects/workbench'
import { focusedPaneOf, focusedKeyOf } from '../store/selectors'
import type { AppState } from '../store/state'
import { exclusive, holds, type Condition } from './conditions'
import { normalizeKey } from './keys'

export interface Command {
  /** A catalog id, or "label.<id>" / "relation.<id>" for the project's own keys. */
  id: string
  label: string
  keys: readonly string[]
  /** All must hold for the command to run (see conditions.ts). */
  when: readonly Condition[]
  run(workbench: Workbench): void
}

type Behaviour = Pick<Command, 'when' | 'run'>

/** Keys of the annotation loop work on the documents of a project, with no dialog open. */
const READING: readonly Condition[] = ['project', 'noDialog', 'documentsView', 'documentShown']
const ON_CLAIM: readonly Condition[] = [...READING, 'claimSelected']
/** On the selected claim, changing it: refused up front when the file is read-only. */
const EDITING: readonly Condition[] = [...ON_CLAIM, 'editable']
const LINKING = EDITING
/** Keys of the review queue. */
const REVIEWING: readonly Condition[] = ['project', 'noDialog', 'reviewView']

const BEHAVIOUR: Record<CommandId, Behaviour> = {
  'project.open': { when: ['noDialog'], run: (w) => w.project.chooseProject() },
  'project.openFiles': { when: ['noDialog'], run: (w) => w.project.chooseFiles() },
  'project.openSample': { when: ['noDialog'], run: (w) => w.project.openSample() },
  'project.refresh': { when: ['project', 'noDialog'], run: (w) => w.project.refresh() },
  'project.export': { when: ['project', 'noDialog'], run: (w) => w.claims.exportProject() },
  'settings.open': { when: ['project', 'noDialog'], run: (w) => w.openSettings() },
  'dataset.export': { when: ['project', 'noDialog'], run: (w) => w.openDataset('export') },
  'dataset.import': { when: ['project', 'noDialog'], run: (w) => w.openDataset('import') },
  'history.undo': { when: ['project', 'noDialog'], run: (w) => w.claims.undo() },
  'history.redo': { when: ['project', 'noDialog'], run: (w) => w.claims.redo() },
  'document.find': {
    when: ['noDialog', 'documentsView', 'documentShown'],
    run: (w) => w.panes.get(focusedPaneOf(w.store.getState()).id)?.openFind(),
  },
  'document.flipFurniture': {
    when: [...READING, 'editable'],
    run: (w) => w.furniture.flipBlock(),
  },
  'document.editDetails': {
    when: ['noDialog', 'documentsView', 'documentShown', 'editable'],
    run: (w) => w.documentDetails.open(),
  },
  'view.documents': { when: ['project', 'noDialog'], run: (w) => w.showView('documents') },
  'view.clusters': { when: ['project', 'noDialog'], run: (w) => w.showView('clusters') },
  'view.matrix': { when: ['project', 'noDialog'], run: (w) => w.showView('matrix') },
  'view.review': { when: ['project', 'noDialog'], run: (w) => w.showView('review') },
  'view.agreement': { when: ['project', 'noDialog'], run: (w) => w.showView('agreement') },
  'view.gold': { when: ['project', 'noDialog'], run: (w) => w.showView('gold') },
  'view.conflicts': { when: ['project', 'noDialog'], run: (w) => w.showView('conflicts') },
  'pane.openBeside': {
    when: ['noDialog', 'documentsView', 'documentShown'],
    run: (w) => {
      const key = focusedKeyOf(w.store.getState())
      if (key !== null) w.layout({ type: 'open-beside', key })
    },
  },
  'claim.next': { when: READING, run: (w) => w.claims.selectNeighbour(1) },
  'claim.previous': { when: READING, run: (w) => w.claims.selectNeighbour(-1) },
  'claim.moveEndRight': { when: EDITING, run: (w) => w.claims.moveEdge('end', 1) },
  'claim.moveEndLeft': { when: EDITING, run: (w) => w.claims.moveEdge('end', -1) },
  'claim.moveStartRight': { when: EDITING, run: (w) => w.claims.moveEdge('start', 1) },
  'claim.moveStartLeft': { when: EDITING, run: (w) => w.claims.moveEdge('start', -1) },
  'claim.setRange': {
    when: [...ON_CLAIM, 'textSelected'],
    run: (w) => w.claims.setRangeFromSelection(),
  },
  'claim.delete': {
    when: EDITING,
    run: (w) => {
      const id = w.store.getState().selection.claimId
      if (id !== null) w.claims.remove(id)
    },
  },
  'selection.clear': {
    when: ['project', 'noDialog', 'documentsView'],
    run: (w) => {
      // A link in the making is dropped first; the next Escape deselects.
      const { selection } = w.store.getState()
      if (selection.linkStart !== null || selection.linkOffer !== null) w.links.endLinking()
      else {
        w.claims.select(null)
        w.claims.startPlacing(null)
      }
    },
  },
  'link.search': { when: LINKING, run: (w) => w.links.openSearch() },
  'link.outside': { when: LINKING, run: (w) => w.links.openOutside() },
  'link.acceptSuggestion': { when: LINKING, run: (w) => w.links.acceptFirstSuggestion() },
  'link.withClaim': { when: LINKING, run: (w) => w.links.startLinking() },
  'review.next': { when: REVIEWING, run: (w) => w.review.move(1) },
  'review.previous': { when: REVIEWING, run: (w) => w.review.move(-1) },
  'review.union': { when: REVIEWING, run: (w) => w.review.combine('union') },
  'review.intersection': { when: REVIEWING, run: (w) => w.review.combine('intersection') },
  'review.reject': { when: REVIEWING, run: (w) => w.review.decide({ kind: 'reject' }) },
  'review.withdraw': { when: REVIEWING, run: (w) => w.review.withdraw() },
}

/** The catalog's commands with their behaviour. */
export const APP_COMMANDS: readonly Command[] = COMMANDS.map((spec) => ({
  id: spec.id,
  label: spec.label,
  keys: spec.keys,
  ...BEHAVIOUR[spec.id],
}))

/** The project's label keys: the text selection becomes a claim with that label. */
function labelCommands(labels: readonly Label[]): Command[] {
  return labels.flatMap((label) =>
    label.key === null
      ? []
      : [
          {
            id: `label.${label.id}`,
            label: `Label as ${label.name}`,
            keys: [label.key],
            when: [...READING, 'textSelected'],
            run: (w: Workbench) => w.claims.createFromSelection(label),
          },
        ],
  )
}

/** The project's relation keys: while the link bar offers two claims, link them so. */
function relationCommands(relations: readonly RelationType[]): Command[] {
  return relations.flatMap((relation) =>
    relation.key === null
      ? []
      : [
          {
            id: `relation.${relation.id}`,
            label: `Link as ${relation.name}`,
            keys: [relation.key.toUpperCase()],
            when: [...READING, 'editable', 'linkOffered'],
            run: (w: Workbench) => w.links.linkOffered(relation.id),
          },
        ],
  )
}

/** In the review queue, 1-9 take the unit's first to ninth version as the decision. */
const TAKE_COMMANDS: readonly Command[] = Array.from({ length: 9 }, (_, i) => ({
  id: `review.take.${i + 1}`,
  label: `Decide: Take Version ${i + 1}`,
  keys: [String(i + 1)],
  when: REVIEWING,
  run: (w: Workbench) => w.review.takeVersion(i + 1),
}))

/** Every command for a project's settings: the app's first, so they win a conflicting key. */
export function allCommands(
  labels: readonly Label[],
  relations: readonly RelationType[],
): Command[] {
  return [
    ...APP_COMMANDS,
    ...TAKE_COMMANDS,
    ...labelCommands(labels),
    ...relationCommands(relations),
  ]
}

export interface KeyConflict {
  key: string
  /** The commands that may both want the key, in registry order (the first one runs). */
  commands: [Command, Command]
}

/**
 * Keys two commands share while nothing shows they never apply at once (one needs a condition
 * the other excludes). Conservative: a pair is reported unless it is shown exclusive.
 */
export function findKeyConflicts(commands: readonly Command[]): KeyConflict[] {
  const conflicts: KeyConflict[] = []
  const byKey = new Map<string, Command[]>()
  for (const command of commands) {
    for (const key of new Set(command.keys.map(normalizeKey))) {
      const before = byKey.get(key) ?? []
      for (const other of before) {
        if (!exclusive(other.when, command.when))
          conflicts.push({ key, commands: [other, command] })
      }
      byKey.set(key, [...before, command])
    }
  }
  return conflicts
}

/** The conflicts that involve the project's own keys, in words for a notice, or null. */
export function conflictMessage(conflicts: readonly KeyConflict[]): string | null {
  const lines = conflicts.map(
    ({ key, commands: [first, second] }) =>
      `${key}: "${second.label}" is shadowed by "${first.label}"`,
  )
  return lines.length === 0 ? null : `${lines.join('; ')}. Change the key in Settings.`
}

export function canRun(command: Command, state: AppState): boolean {
  return holds(command.when, state)
}
