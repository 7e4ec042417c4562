/**
 * Project settings commands: the label set and the relation types (corroborate.json). Both are
 * undoable like any other change. A label or relation type still in use cannot be removed:
 * claims and links would be left with a type the project does not know.
 */
import { validateLabels, validateRelationTypes, type Label } from '../../../core/model'
import type { ProjectSettings, RelationType } from '../../../shared/api'
import { reservedRelationKeys } from '../../../shared/commands'
import { BackendError } from '../../errors'
import { changeSet } from '../change-set'
import type { AnnotationContext } from '../context'
import type { SettingsCommand } from './command'

export const updateLabels: SettingsCommand<[Label[]], ProjectSettings> = (context, labels) => {
  const checked = validateLabels(labels)
  if (!checked.ok) throw new BackendError('invalid-labels', checked.message)
  const kept = new Set(checked.labels.map((label) => label.id))
  const inUse = new Set<string>()
  for (const claim of context.store?.all() ?? []) if (!kept.has(claim.label)) inUse.add(claim.label)
  if (inUse.size > 0) {
    throw new BackendError(
      'label-in-use',
      `Some of your claims are labelled ${quoted(inUse)}; relabel them before removing the label.`,
    )
  }
  return {
    change: changeSet('Change labels', {
      labels: { before: context.settings.labels, after: checked.labels },
    }),
    answer: projectSettings,
  }
}

export const updateRelationTypes: SettingsCommand<[RelationType[]], ProjectSettings> = (
  context,
  relations,
) => {
  const checked = validateRelationTypes(relations)
  if (!checked.ok) throw new BackendError('invalid-relations', checked.message)
  checkKeysAreFree(checked.relations, context.settings.relations)
  const kept = new Set(checked.relations.map((relation) => relation.id))
  const inUse = new Set<string>()
  for (const link of context.store?.allLinks() ?? []) {
    if (!kept.has(link.relation)) inUse.add(link.relation)
  }
  if (inUse.size > 0) {
    throw new BackendError(
      'relation-in-use',
      `Some of your links are typed ${quoted(inUse)}; ` +
        'change or delete them before removing the relation type.',
    )
  }
  return {
    change: changeSet('Change relation types', {
      relations: { before: context.settings.relations, after: checked.relations },
    }),
    answer: projectSettings,
  }
}

/**
 * A relation key the app's own commands use would be shadowed by them (the link bar, the L
 * dialog's Alt+key). Only keys being set now are refused: a file someone wrote with such a key
 * still loads (refusing it would make the project read-only), and its other relation types can
 * still be edited.
 */
function checkKeysAreFree(relations: RelationType[], current: readonly RelationType[]): void {
  const reserved = reservedRelationKeys()
  const keyBefore = new Map(current.map((relation) => [relation.id, relation.key]))
  const taken = relations.filter(
    (relation) =>
      relation.key !== null &&
      reserved.includes(relation.key) &&
      keyBefore.get(relation.id) !== relation.key,
  )
  if (taken.length === 0) return
  const keys = taken.map((relation) => `${relation.key!.toUpperCase()} (${relation.name})`)
  throw new BackendError(
    'invalid-relations',
    `The relation types are not valid: ${keys.join(', ')} ${taken.length === 1 ? 'is' : 'are'} ` +
      `taken by the app (${reserved.join(', ').toUpperCase()} are reserved).`,
  )
}

export function projectSettings(context: AnnotationContext): ProjectSettings {
  return {
    labels: context.settings.labels,
    relations: context.settings.relations,
    file: context.settings.displayName,
    readOnly: context.settings.readOnlyReason,
  }
}

function quoted(ids: Iterable<string>): string {
  return [...ids].map((id) => `"${id}"`).join(', ')
}
