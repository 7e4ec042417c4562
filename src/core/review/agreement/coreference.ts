/**
 * Scores of one partition of mentions into entities (a "response") against another (a "key"),
 * as coreference research scores them, used here for the clusters of "same claim" links of two
 * annotators: MUC (Vilain et al. 1995), B-cubed (Bagga and Baldwin 1998), CEAF-e (Luo 2005, with
 * the entity similarity phi-4) and BLANC (Recasens and Hovy 2011, extended to mentions missing
 * from either side by Luo et al. 2014), and their average. The conventions are those of the
 * CoNLL reference scorer (Pradhan et al. 2014), whose test cases the tests reproduce: a mention
 * missing from one side counts against that side, never as a match.
 *
 * Singletons are entities like any other here: every claim is a mention, and a claim nobody
 * linked is an entity of one (the app's clusters view shows them too).
 *
 * Written here: no maintained JavaScript package scores coreference. The optimal entity
 * alignment of CEAF uses the same assignment solver as the alignment of claims.
 */
import { linearSumAssignment } from 'linear-sum-assignment'

/** Entities: each a list of mention ids; a mention belongs to one entity at most. */
export type Partition = readonly (readonly string[])[]

export interface Score {
  recall: number
  precision: number
  f1: number
}

export interface CoreferenceScores {
  muc: Score
  bcubed: Score
  ceafe: Score
  blanc: Score
  /** The mean F1 of MUC, B-cubed, CEAF-e and BLANC. */
  averageF1: number
}

export function coreferenceScores(key: Partition, response: Partition): CoreferenceScores {
  const muc = mucScore(key, response)
  const bcubed = bcubedScore(key, response)
  const ceafe = ceafeScore(key, response)
  const blanc = blancScore(key, response)
  return { muc, bcubed, ceafe, blanc, averageF1: (muc.f1 + bcubed.f1 + ceafe.f1 + blanc.f1) / 4 }
}

function score(recall: number, precision: number): Score {
  return {
    recall,
    precision,
    f1: recall + precision === 0 ? 0 : (2 * recall * precision) / (recall + precision),
  }
}

function ratio(numerator: number, denominator: number): number {
  return denominator === 0 ? 0 : numerator / denominator
}

/** Mention id -> index of its entity; made once per partition (each measure reads it). */
const entityMaps = new WeakMap<Partition, Map<string, number>>()
function entityOf(partition: Partition): Map<string, number> {
  let map = entityMaps.get(partition)
  if (!map) {
    map = new Map()
    for (const [index, entity] of partition.entries()) {
      for (const mention of entity) map.set(mention, index)
    }
    entityMaps.set(partition, map)
  }
  return map
}

/** MUC: links needed to join each entity, and how many of them the other side keeps. */
export function mucScore(key: Partition, response: Partition): Score {
  const mucRecall = (gold: Partition, other: Partition) => {
    const where = entityOf(other)
    let numerator = 0
    let denominator = 0
    for (const entity of gold) {
      // The pieces the other side cuts this entity into; a mention it lacks is a piece alone.
      const pieces = new Set(entity.map((mention) => where.get(mention) ?? `missing:${mention}`))
      numerator += entity.length - pieces.size
      denominator += entity.length - 1
    }
    return ratio(numerator, denominator)
  }
  return score(mucRecall(key, response), mucRecall(response, key))
}

/** B-cubed: per mention, the share of its entity that the other side puts with it. */
export function bcubedScore(key: Partition, response: Partition): Score {
  const bcubedRecall = (gold: Partition, other: Partition) => {
    const where = entityOf(other)
    let sum = 0
    let mentions = 0
    for (const entity of gold) {
      for (const mention of entity) {
        mentions++
        const index = where.get(mention)
        if (index === undefined) continue
        const together = new Set(other[index])
        sum += entity.filter((m) => together.has(m)).length / entity.length
      }
    }
    return ratio(sum, mentions)
  }
  return score(bcubedRecall(key, response), bcubedRecall(response, key))
}

/**
 * CEAF-e: the best one-to-one alignment of entities, each pair scored 2|K∩R| / (|K| + |R|).
 * Only entities sharing a mention score above zero, so the assignment is solved per connected
 * group of such entities: thousands of entities make small groups, not one huge matrix.
 */
export function ceafeScore(key: Partition, response: Partition): Score {
  if (key.length === 0 || response.length === 0) return score(0, 0)
  const inResponse = entityOf(response)
  // Union-find over key entities (0..k-1) and response entities (k..k+r-1) sharing mentions.
  const parent = Array.from({ length: key.length + response.length }, (_, i) => i)
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!
    return i
  }
  key.forEach((entity, k) => {
    for (const mention of entity) {
      const r = inResponse.get(mention)
      if (r !== undefined) parent[root(k)] = root(key.length + r)
    }
  })
  const groups = new Map<number, { keys: number[]; responses: number[] }>()
  const groupOf = (i: number) => {
    const top = root(i)
    let group = groups.get(top)
    if (!group) groups.set(top, (group = { keys: [], responses: [] }))
    return group
  }
  key.forEach((_, k) => groupOf(k).keys.push(k))
  response.forEach((_, r) => groupOf(key.length + r).responses.push(r))

  let total = 0
  for (const { keys, responses } of groups.values()) {
    if (keys.length === 0 || responses.length === 0) continue
    const similarity = keys.map((k) => {
      const inKey = new Set(key[k])
      return responses.map((r) => {
        const common = response[r]!.filter((m) => inKey.has(m)).length
        return (2 * common) / (key[k]!.length + response[r]!.length)
      })
    })
    if (keys.length === 1 && responses.length === 1) {
      total += similarity[0]![0]!
      continue
    }
    const { rowAssignments } = linearSumAssignment(similarity, { maximaze: true })
    rowAssignments.forEach((column, row) => {
      if (column >= 0) total += similarity[row]![column]!
    })
  }
  return score(total / key.length, total / response.length)
}

/**
 * BLANC: agreement on coreference links (pairs in one entity) and on non-coreference links
 * (pairs of mentions in different entities), each side's pairs taken over its own mentions.
 * Pairs are counted from entity sizes and overlaps, never listed: 10,000 mentions make 50
 * million pairs.
 */
export function blancScore(key: Partition, response: Partition): Score {
  const pairs = (n: number) => (n * (n - 1)) / 2
  const inKey = entityOf(key)
  const inResponse = entityOf(response)
  const shared = new Set([...inKey.keys()].filter((mention) => inResponse.has(mention)))
  const corefKey = key.reduce((sum, entity) => sum + pairs(entity.length), 0)
  const corefResponse = response.reduce((sum, entity) => sum + pairs(entity.length), 0)
  // Coreference links both sides make: pairs within one key entity and one response entity.
  const together = new Map<string, number>()
  for (const mention of shared) {
    const cell = `${inKey.get(mention)}|${inResponse.get(mention)}`
    together.set(cell, (together.get(cell) ?? 0) + 1)
  }
  const corefBoth = [...together.values()].reduce((sum, n) => sum + pairs(n), 0)
  // Non-coreference links both make: pairs of shared mentions that neither side puts together.
  const sharedWithin = (partition: Partition) =>
    partition.reduce((sum, entity) => sum + pairs(entity.filter((m) => shared.has(m)).length), 0)
  const apartBoth = pairs(shared.size) - sharedWithin(key) - sharedWithin(response) + corefBoth
  const apartKey = pairs(inKey.size) - corefKey
  const apartResponse = pairs(inResponse.size) - corefResponse

  const coref = score(ratio(corefBoth, corefKey), ratio(corefBoth, corefResponse))
  const nonCoref = score(ratio(apartBoth, apartKey), ratio(apartBoth, apartResponse))
  // Luo et al. (2014), as the reference scorer: when the key has no link of one kind (all its
  // mentions apart, or all in one entity), only the other kind is scored.
  if (corefKey === 0) return nonCoref
  if (apartKey === 0) return coref
  return {
    recall: (coref.recall + nonCoref.recall) / 2,
    precision: (coref.precision + nonCoref.precision) / 2,
    f1: (coref.f1 + nonCoref.f1) / 2,
  }
}
