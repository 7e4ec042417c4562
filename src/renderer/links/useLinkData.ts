/**
 * The linking data on screen: the data versions, the link listings of the documents shown, the
 * links by claim, and the badges. Claims changed in a document whose claims show in these links
 * reload them (a quote shown at a link's other end may have changed); other claim changes do not.
 */
import { useCallback, useEffect, useMemo, useRef } from 'react'
import type { ClaimListing, RelationType } from '../../shared/api'
import type { WorkbenchClient } from '../../shared/client'
import { linksByClaim } from './claimLinks'
import { useBadges } from './useBadges'
import { useDataVersion } from './useDataVersion'
import { useLinkListings } from './useLinkListings'

export function useLinkData(
  api: WorkbenchClient,
  shownKeys: readonly string[],
  listings: Readonly<Record<string, ClaimListing>>,
  relations: readonly RelationType[],
) {
  const linkedPaths = useRef(new Set<string>())
  const claimsShowInLinks = useCallback(
    (paths: readonly string[]) => paths.some((path) => linkedPaths.current.has(path)),
    [],
  )
  const { version, linkVersion, bump } = useDataVersion(api, claimsShowInLinks)
  const linkListings = useLinkListings(api, shownKeys, linkVersion)
  useEffect(() => {
    const paths = new Set<string>()
    for (const listing of Object.values(linkListings)) {
      for (const resolved of [...listing.links, ...listing.backlinks]) {
        paths.add(resolved.from.path)
        if (resolved.to.kind === 'claim') paths.add(resolved.to.path)
      }
    }
    linkedPaths.current = paths
  }, [linkListings])
  const claimLinks = useMemo(() => linksByClaim(Object.values(linkListings)), [linkListings])
  const badges = useBadges(listings, claimLinks, relations)
  return { version, linkVersion, bump, claimLinks, badges }
}
