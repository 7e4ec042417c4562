/**
 * Child process of two-instances.test.ts: one app instance's store on an annotator's file that
 * another process is writing at the same time. It creates `count` claims (every fourth one then
 * deleted), each acknowledged (persist() resolved) before it prints one line, and compacts into
 * the file whenever idle for a few milliseconds, so that both processes' compactions race:
 *
 *   ready              the store is open; waiting for "go" on stdin
 *   put <claim id>     acknowledged: the claim exists
 *   del <claim id>     acknowledged: the claim is deleted
 *   done               every change made; waiting for "close" on stdin
 *
 * On "close" it closes the store (the final compaction) and exits 0.
 *
 *   node --import tsx tests/unit/backend/annotations/instance-writer.ts <file> <first> <count>
 */
import { createInterface } from 'node:readline'
import type { Claim } from '../../../../src/core/model'
import { id, openWriterStore, writerClaim } from './store-setup'

const [path, first, count] = process.argv.slice(2)
if (!path || !first || !count) throw new Error('usage: instance-writer.ts <file> <first> <count>')

const store = await openWriterStore(path, 2)

// Both instances start editing together: each waits for "go" once its store is open.
const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]()
process.stdout.write('ready\n')
while ((await lines.next()).value?.trim() !== 'go') continue

function claim(claimId: string, n: number): Claim {
  return writerClaim(claimId, `claim ${n} ${'·'.repeat(200)}`)
}

for (let n = Number(first); n < Number(first) + Number(count); n++) {
  const fresh = id(n)
  store.put(claim(fresh, n))
  await store.persist()
  process.stdout.write(`put ${fresh}\n`)
  if (n % 4 === 3) {
    store.remove(id(n - 2), new Date().toISOString())
    await store.persist()
    process.stdout.write(`del ${id(n - 2)}\n`)
  }
  // An idle moment now and then: the compaction timer fires between commits.
  if (n % 5 === 0) await new Promise((resolve) => setTimeout(resolve, 3))
}
process.stdout.write('done\n')

for (let line = await lines.next(); !line.done; line = await lines.next()) {
  if (line.value.trim() !== 'close') continue
  const state = await store.close()
  process.stdout.write(`closed ${state.status}\n`)
  process.exit(state.status === 'saved' ? 0 : 4)
}
