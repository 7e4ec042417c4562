/**
 * Who sends to whom. A shipment "from A to B" and one "from B to A" share every name and most
 * words, yet they contradict each other: wording and names cannot tell them apart, roles can.
 *
 * A passage's roles are read from the names it mentions (names.ts) and the words around them,
 * only in passages about something moving (shipments, supplies, traffic):
 *   origin       "from A", "A sent / shipped / supplied …", "leaves A", "loaded … at A"
 *   destination  "to / into / towards B", "… sent B (oil)", "supplied B with", "arrived at B",
 *                "unloaded … at B", "B received / imported …"
 * Each role keeps the entity's key and what it stands in for, so "Pyongyang sent …" and "North
 * Korea sent …" name the same sender.
 *
 * A return flow ("sent back from Russia to North Korea", "in return, Moscow has given …") runs
 * the other way on purpose: it is compared only with other return flows, never taken as the
 * reverse of the outbound one.
 */
import type { NameMention } from './names'

export interface Roles {
  /** Keys of the senders (with what they stand in for). */
  origins: Set<string>
  /** Keys of the receivers (with what they stand in for). */
  destinations: Set<string>
  /** The passage describes a flow back, in return for another. */
  isReturn: boolean
  /** How each key was written, for reasons. */
  written: Map<string, string>
}

export type RoleAgreement =
  { kind: 'same'; from: string; to: string } | { kind: 'reversed'; from: string; to: string }

/** Something moves: without one of these words, "from" and "to" are not about a shipment. */
const MOVEMENT =
  /\b(?:sen[dt]s?|sending|ship(?:s|ped|ping|ments?)?|suppl(?:y|ies|ied|ying)|deliver(?:s|ed|ing|y|ies)?|provid(?:e|es|ed|ing)|g[ia]ve|giv(?:es|en|ing)|export(?:s|ed|ing)?|import(?:s|ed|ing)?|transfer(?:s|red|ring)?|sold|sells?|carr(?:y|ies|ied)|moved?|goes|went|travell?(?:ed|ing)?|cross(?:es|ed|ing)|leav(?:e|es|ing)|left|depart(?:s|ed|ing)?|arriv(?:e|es|ed|ing)|reach(?:es|ed)?|(?:un)?load(?:s|ed|ing)?|receiv(?:e|es|ed|ing)|traffic|cargo|consignments?|routes?)\b/i

type Cue = 'send' | 'receive' | 'leave' | 'reach' | 'load' | 'unload'

const forms = (cue: Cue, words: string) => words.split(' ').map((word) => [word, cue] as const)

/** The words that give roles to the names around them, by what they say of them. */
const CUES = new Map<string, Cue>([
  // The subject sends, the name right after receives: "Moscow has supplied Pyongyang with".
  ...forms(
    'send',
    'send sends sent sending ship ships shipped shipping supply supplies supplied supplying ' +
      'deliver delivers delivered delivering provide provides provided providing give gives ' +
      'gave given giving export exports exported exporting transfer transfers transferred ' +
      'transferring sell sells sold selling',
  ),
  // The subject receives: "Veltra imported fuel".
  ...forms(
    'receive',
    'receive receives received receiving import imports imported importing buy buys bought ' +
      'buying obtain obtains obtained obtaining acquire acquires acquired acquiring',
  ),
  // The object is the place left: "leaves North Korea".
  ...forms('leave', 'leave leaves leaving left depart departs departed departing exits exited'),
  // The object is the place reached: "reached Vostochny", "entering Russia".
  ...forms('reach', 'reach reaches reached reaching enter enters entered entering'),
  // The place after "at"/"in" is left or reached: "loaded onto ships at Rajin", "arrived in Vostochny".
  ...forms('load', 'loaded'),
  ...forms('unload', 'unloaded arrive arrives arrived arriving'),
])

/** What may stand between a sender and its verb: auxiliaries and adverbs ("has now sent"). */
const BETWEEN_SUBJECT_AND_VERB =
  /^(?:\s+(?:has|have|had|is|was|were|are|been|being|also|reportedly|allegedly|now|already|again|still|then|not|never|likely|may|might|could|would|will|continued to|continues to))*\s+$/i
/** A form of "be" before a participle makes a passive: "Fuel was shipped" names no sender. */
const BE = /\b(?:is|was|were|are|been|being)\b/i

/** What may stand between a preposition and its name: a determiner and a few lower-case words. */
const BEFORE_NAME = /^\s+(?:(?:the|a|an|its|their|his|her|our)\s+)?(?:[\p{Ll}][\p{L}-]*\s+){0,3}$/u
/** After "to", the gap must open with a determiner (or be empty): "to please Washington" is a verb. */
const BEFORE_NAME_AFTER_TO =
  /^\s+(?:(?:the|a|an|its|their|his|her|our)\s+(?:[\p{Ll}][\p{L}-]*\s+){0,3})?$/u
/** Between a verb and its object name: at most a determiner ("supplied the DPRK with"). */
const BEFORE_OBJECT = /^\s+(?:(?:the|a|an)\s+)?$/

/** Names joined into one phrase: "the Russian port of Vostochny", "Vostochny and Dunai". */
const JOINED =
  /^\s+(?:(?:and|or|of|the|port|ports|station|border|town|city|region|province|settlement)\s+){0,3}$/
/** "according to", "due to", "close to": a "to" that leads to no destination. */
const NOT_A_DESTINATION_BEFORE_TO =
  /\b(?:according|due|thanks|next|close|closer|similar|addition|compared|relative|owing|prior|up)\s+$/i

const RETURN_FLOW = /\b(?:back|in return|in exchange|returns?|returned|opposite direction)\b/i

const WORD = /[\p{L}][\p{L}'’-]*/gu

/**
 * The roles in `text` (a sentence or a claim), given its names. `offset` is the position of
 * `text` in the document the names' ranges address; `sentence`, the whole sentence around a
 * claim, for what it says of the claim ("In return, … Moscow has supplied"). Undefined when it
 * describes no movement between names.
 */
export function readRoles(
  text: string,
  offset: number,
  names: readonly NameMention[],
  sentence = text,
): Roles | undefined {
  if (names.length < 1 || !MOVEMENT.test(text)) return undefined
  const mentions = names
    .map((name) => ({ ...name, start: name.start - offset, end: name.end - offset }))
    .filter((name) => name.start >= 0 && name.end <= text.length)
    .sort((a, b) => a.start - b.start)
  if (mentions.length === 0) return undefined
  const roles: Roles = {
    origins: new Set(),
    destinations: new Set(),
    isReturn: RETURN_FLOW.test(sentence),
    written: new Map(),
  }
  const add = (set: Set<string>, found: readonly NameMention[]) => {
    for (const name of found) {
      for (const key of [name.key, ...name.standsFor]) {
        set.add(key)
        if (!roles.written.has(key)) roles.written.set(key, name.text)
      }
    }
  }
  /**
   * The names of the phrase after `at`: the first reachable through `gap`, then those joined to
   * it by a few lower-case words ("the Russian port of Vostochny", "Vostochny and Dunai").
   */
  const namesAfter = (at: number, gap: RegExp): NameMention[] => {
    // Only the first name after `at` can be reached: a later one has it in its way.
    const first = mentions.findIndex((name) => name.start >= at)
    if (first < 0 || !gap.test(text.slice(at, mentions[first]!.start))) return []
    const phrase = [mentions[first]!]
    for (let i = first + 1; i < mentions.length; i++) {
      if (!JOINED.test(text.slice(mentions[i - 1]!.end, mentions[i]!.start))) break
      phrase.push(mentions[i]!)
    }
    return phrase
  }

  for (const match of text.matchAll(WORD)) {
    const lower = match[0].toLowerCase()
    const end = match.index + match[0].length
    if (lower === 'from') {
      add(roles.origins, namesAfter(end, BEFORE_NAME))
    } else if (lower === 'into' || lower === 'towards' || lower === 'toward') {
      add(roles.destinations, namesAfter(end, BEFORE_NAME))
    } else if (lower === 'to') {
      const before = text.slice(Math.max(0, match.index - 16), match.index)
      if (!NOT_A_DESTINATION_BEFORE_TO.test(before))
        add(roles.destinations, namesAfter(end, BEFORE_NAME_AFTER_TO))
    }
    const cue = CUES.get(lower)
    if (cue === 'send') {
      add(roles.origins, subjectBefore(text, mentions, match.index))
      add(roles.destinations, namesAfter(end, BEFORE_OBJECT))
    } else if (cue === 'receive') {
      add(roles.destinations, subjectBefore(text, mentions, match.index))
    } else if (cue === 'leave') {
      add(roles.origins, namesAfter(end, BEFORE_OBJECT))
    } else if (cue === 'reach') {
      add(roles.destinations, namesAfter(end, BEFORE_OBJECT))
    } else if (cue === 'load' || cue === 'unload') {
      // "loaded onto cargo ships at the port of Rajin": the first "at"/"in" of the clause.
      const clause = /^[^,;:.()]{0,60}?\b(?:at|in)\b/u.exec(text.slice(end, end + 80))
      if (clause) {
        const places = namesAfter(end + clause[0].length, BEFORE_NAME)
        add(cue === 'load' ? roles.origins : roles.destinations, places)
      }
    }
  }
  // A place on both sides ("from the Russian Far East … to Russian units") tells no direction.
  for (const key of [...roles.origins]) {
    if (roles.destinations.delete(key)) roles.origins.delete(key)
  }
  return roles.origins.size > 0 || roles.destinations.size > 0 ? roles : undefined
}

/** The name just before a verb, with only auxiliaries and adverbs between ("Moscow has sent"). */
function subjectBefore(
  text: string,
  mentions: readonly NameMention[],
  verbStart: number,
): NameMention[] {
  let subject: NameMention | undefined
  for (const name of mentions) {
    if (name.end > verbStart) break
    subject = name
  }
  if (subject === undefined) return []
  const between = text.slice(subject.end, verbStart)
  if (!BETWEEN_SUBJECT_AND_VERB.test(between)) return []
  const verb = /^[\p{L}]+/u.exec(text.slice(verbStart))?.[0] ?? ''
  return BE.test(between) && !/ing$/i.test(verb) ? [] : [subject]
}

/** True when the roles name both a sender and a receiver: a flow that can be compared. */
export function isCompleteFlow(roles: Roles | undefined): roles is Roles {
  return roles !== undefined && roles.origins.size > 0 && roles.destinations.size > 0
}

/**
 * Whether two flows between the same parties run the same way or are reversed. Undefined when
 * they do not share both parties, when both readings fit (a passage naming both directions), or
 * when one is a return flow and the other is not.
 */
export function compareRoles(mine: Roles, theirs: Roles): RoleAgreement | undefined {
  if (mine.isReturn !== theirs.isReturn) return undefined
  const sameFrom = firstShared(mine.origins, theirs.origins)
  const sameTo = firstShared(mine.destinations, theirs.destinations)
  const swappedFrom = firstShared(mine.origins, theirs.destinations)
  const swappedTo = firstShared(mine.destinations, theirs.origins)
  const same = sameFrom !== undefined && sameTo !== undefined
  const reversed = swappedFrom !== undefined && swappedTo !== undefined
  if (same && !reversed) return { kind: 'same', from: sameFrom, to: sameTo }
  if (reversed && !same) return { kind: 'reversed', from: swappedFrom, to: swappedTo }
  return undefined
}

function firstShared(a: ReadonlySet<string>, b: ReadonlySet<string>): string | undefined {
  for (const key of a) if (b.has(key)) return key
  return undefined
}
