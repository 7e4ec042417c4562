/**
 * Child process of annotations-crash.test.ts: opens an annotation file with the real store and
 * saves it again and again, one more (and longer) claim each time, printing "saved <count>"
 * after each save is on disk. The test kills it with SIGKILL at random moments.
 *
 *   node --import tsx tests/unit/backend/annotations-crash-writer.ts <file>
 */
import { AnnotationStore } from '../../../../src/backend/annotations'

const path = process.argv[2]
if (!path) throw new Error('usage: annotations-crash-writer.ts <file>')

const store = await AnnotationStore.open({
  path,
  displayName: path,
  annotator: 'alice',
  log: (message) => process.stderr.write(`${message}\n`),
  coalesceMs: 0,
})
if (store.readOnlyReason !== null) {
  process.stderr.write(`${store.readOnlyReason}\n`)
  process.exit(3)
}
process.stdout.write(`saved ${store.size}\n`)
for (let n = store.size; ; n++) {
  const now = new Date().toISOString()
  store.put({
    id: `0190a000-0000-7000-8000-${String(n).padStart(12, '0')}`,
    document: { id: '0'.repeat(64), path: 'story.txt' },
    target: {
      position: { start: 0, end: 5 },
      quote: { exact: 'North', prefix: '', suffix: ' Korea' },
    },
    label: 'claim',
    attributedTo: '',
    status: 'asserted',
    certainty: null,
    // Growing content: later saves take longer, so kills land inside writes too.
    note: `claim ${n} `.repeat(Math.min(1500, 200 + n * 20)),
    tags: [],
    annotator: 'alice',
    created: now,
    updated: now,
  })
  const state = await store.flush()
  if (state.status !== 'saved') {
    process.stderr.write(`${state.message}\n`)
    process.exit(4)
  }
  process.stdout.write(`saved ${store.size}\n`)
}
