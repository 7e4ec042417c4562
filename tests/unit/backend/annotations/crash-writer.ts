/**
 * Child process of crash.test.ts: opens an annotation file with the real store and commits
 * change sets as fast as it can (a new claim each time; every third an edit of an earlier
 * claim, every fifth a deletion), compacting into the file whenever it is idle for a few
 * milliseconds. After each change set is acknowledged (persist() resolved: journalled and
 * fdatasynced) it prints one line before going on:
 *
 *   put <claim id> <sequence>     the claim now has note "v<sequence>"
 *   del <claim id>                the claim is deleted
 *
 * The test kills it with SIGKILL at random moments.
 *
 *   node --import tsx tests/unit/backend/annotations/crash-writer.ts <file> <first sequence>
 */
import type { Claim } from '../../../../src/core/model'
import { id, openWriterStore, writerClaim } from './store-setup'

const [path, first] = process.argv.slice(2)
if (!path || !first) throw new Error('usage: crash-writer.ts <file> <first sequence>')

// Compactions between commits: kills land in them too.
const store = await openWriterStore(path, 3)
process.stdout.write('ready\n')

const live: string[] = [...store.all()].map((claim) => claim.id)

// Padding makes the file grow, so that compactions take a while and kills land inside.
function claim(claimId: string, sequence: number, created?: string): Claim {
  return writerClaim(claimId, `v${sequence} ${'·'.repeat(400)}`, created)
}

for (let sequence = Number(first); ; sequence++) {
  const lines: string[] = []
  const fresh = id(sequence)
  store.put(claim(fresh, sequence))
  lines.push(`put ${fresh} ${sequence}`)
  if (sequence % 3 === 0 && live.length > 0) {
    const target = live[sequence % live.length]
    store.put(claim(target, sequence, store.get(target)?.created))
    lines.push(`put ${target} ${sequence}`)
  }
  if (sequence % 5 === 0 && live.length > 1) {
    const [gone] = live.splice((sequence * 7) % live.length, 1)
    store.remove(gone, new Date().toISOString())
    lines.push(`del ${gone}`)
  }
  live.push(fresh)
  await store.persist()
  process.stdout.write(lines.map((line) => `${line}\n`).join(''))
  // Lets the compaction timer fire now and then, as an idle moment would.
  if (sequence % 4 === 0) await new Promise((resolve) => setTimeout(resolve, 4))
}
