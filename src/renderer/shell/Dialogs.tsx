/** The modal dialog open now, if any (the dialogs module says which), fed from the store. */
import { AnnotatorDialog } from '../components/AnnotatorDialog'
import { ConfirmDialog } from '../components/ConfirmDialog'
import { DatasetDialog } from '../components/DatasetDialog'
import { DocumentDetailsDialog } from '../components/DocumentDetailsDialog'
import { LinkSearchDialog } from '../components/LinkSearchDialog'
import { OutsideSourceDialog } from '../components/OutsideSourceDialog'
import { PathPrompt } from '../components/PathPrompt'
import { SettingsDialog } from '../components/SettingsDialog'
import { useAppState, useWorkbench } from '../effects/workbench-context'
import { annotatorNamesOf } from '../store/review-selectors'
import { relationsOf } from '../store/selectors'

export function Dialogs() {
  const workbench = useWorkbench()
  const { claims, links, project } = workbench
  const open = useAppState((state) => state.dialogs.open)
  const settings = useAppState((state) => state.workspace.settings)
  const relations = useAppState(relationsOf)
  const snap = useAppState((state) => state.claims.snap)
  const annotator = useAppState((state) => state.status.annotation?.annotator ?? null)
  const annotatorNames = useAppState(annotatorNamesOf)
  const documents = useAppState((state) => state.workspace.documents)
  const nativeDialogs = useAppState(
    (state) => state.workspace.backend?.capabilities.nativeDialogs ?? false,
  )
  switch (open?.kind) {
    case 'annotator':
      return (
        <AnnotatorDialog
          error={open.error}
          busy={open.busy}
          onConfirm={claims.confirmAnnotator}
          onCancel={claims.cancelAnnotator}
        />
      )
    case 'settings':
      return (
        <SettingsDialog
          settings={settings}
          readOnly={settings?.readOnly ?? null}
          snap={snap}
          onSnapChange={claims.setSnap}
          onSaveLabels={claims.saveLabels}
          onSaveRelations={claims.saveRelations}
          onClose={workbench.closeDialog}
          annotator={{
            current: annotator,
            known: annotatorNames,
            onSwitch: claims.switchAnnotator,
          }}
        />
      )
    case 'link-search':
      return <LinkSearchDialog dialog={open} />
    case 'outside':
      return (
        <OutsideSourceDialog
          claimQuote={open.source.quote}
          relations={relations}
          onSubmit={(source, relation, note) =>
            links.linkOutside(open.source.claimId, source, relation, note)
          }
          onClose={workbench.closeDialog}
        />
      )
    case 'delete-claim': {
      const { links: count } = open
      return (
        <ConfirmDialog
          title="Delete the claim and its links?"
          testId="delete-claim-dialog"
          confirmLabel={`Delete claim and ${count === 1 ? 'its link' : `${count} links`}`}
          onConfirm={claims.confirmRemove}
          onCancel={workbench.closeDialog}
        >
          This claim has {count === 1 ? 'a link' : `${count} links`}. Deleting it removes{' '}
          {count === 1 ? 'that link' : 'them'} too, so no link is left pointing at nothing. Undo
          (Ctrl+Z) brings back the claim and its links.
        </ConfirmDialog>
      )
    }
    case 'dataset':
      return (
        <DatasetDialog
          direction={open.direction}
          api={workbench.api}
          nativeDialogs={nativeDialogs}
          onClose={workbench.closeDialog}
        />
      )
    case 'document-details': {
      const document = documents[open.key]?.value
      if (!document) return null
      return (
        <DocumentDetailsDialog
          path={document.path}
          metadata={document.metadata}
          onSubmit={(correction) => workbench.documentDetails.save(open.key, correction)}
          onClose={workbench.closeDialog}
        />
      )
    }
    case 'prompt':
      return (
        <PathPrompt
          kind={open.prompt}
          onConfirm={
            open.prompt === 'review-file' ? workbench.review.confirmFile : project.confirmPrompt
          }
          onCancel={workbench.closeDialog}
        />
      )
    default:
      return null
  }
}
