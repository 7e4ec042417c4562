/**
 * What the project-wide views (clusters, matrix) get from the shell. They load their own data
 * through the API and reload it when `version` changes (claims or links changed anywhere).
 */
import type { ClusterView, ExportRequest } from '../../shared/api'
import type { WorkbenchClient } from '../../shared/client'

export type WorkspaceView =
  'documents' | 'clusters' | 'matrix' | 'review' | 'agreement' | 'gold' | 'conflicts'

export interface ProjectViewProps {
  api: WorkbenchClient
  /** The project session: what the view remembers (view-memory.ts) hangs on it. */
  session: object
  /** Bumped whenever claims, links or cluster wordings may have changed. */
  version: number
  /** Why changes are refused (a read-only annotation file), or null. */
  readOnly: string | null
  /** Shows the claim in the documents view: opens its document, scrolls to it, selects it. */
  onOpenClaim(claimId: string, documentKey: string): void
  /** Exports a table (the shell downloads it in browser mode, Electron shows a save dialog). */
  onExport(request: ExportRequest): void
  /** Sets a cluster's wording (null: back to the earliest mention's), through the serial queue. */
  setWording(clusterId: string, wording: string | null): Promise<ClusterView>
  notify(title: string, error: unknown): void
}
