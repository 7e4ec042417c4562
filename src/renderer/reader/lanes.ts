/**
 * Colleagues' claims drawn read-only under the text, one lane per annotator: a thin line in the
 * annotator's colour, each lane at its own depth below the analyst's own underlines, so six
 * people's work stays legible and never hides whose is whose.
 *
 * The text is cut into segments where the set of lanes over it is constant, and each segment
 * is one decoration drawing all its lanes as stacked background lines (one decoration per lane
 * would be merged by ProseMirror into one span, which can draw only one underline). The
 * segment's title names who marked it and how, for the pointer.
 */
import type { Node as ProseMirrorNode } from 'prosemirror-model'
import { Plugin, PluginKey, type EditorState } from 'prosemirror-state'
import { Decoration, DecorationSet } from 'prosemirror-view'
import { offsetsToRange, type PositionMap } from './positions'

/** One colleague's claim in their lane. */
export interface LaneSpan {
  lane: number
  start: number
  end: number
  /** How it reads in the tooltip: "Ben: Figure (alleged)". */
  title: string
  /** The annotator's links from or to it: a badge in the lane's colour after the passage. */
  links?: number
}

/** What the reader draws: the lanes shown (in order, each with its colour and name) and spans. */
export interface ReaderLanes {
  lanes: readonly { name: string; colour: string }[]
  spans: readonly LaneSpan[]
}

/** Vertical distance between two lanes, and the room left for the analyst's own underlines. */
export const LANE_STEP_PX = 3
const LANE_LINE_PX = 2
const OWN_UNDERLINES_PX = 14

export interface LaneSegment {
  start: number
  end: number
  /** The lanes over it, ascending, each once. */
  lanes: number[]
  titles: string[]
}

/** The text cut where the set of lanes over it changes; stretches without lanes left out. */
export function laneSegments(spans: readonly LaneSpan[]): LaneSegment[] {
  const cuts = [...new Set(spans.flatMap((span) => [span.start, span.end]))].sort((a, b) => a - b)
  const segments: LaneSegment[] = []
  const sorted = [...spans].sort((a, b) => a.start - b.start)
  let open: LaneSpan[] = []
  let next = 0
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [start, end] = [cuts[i]!, cuts[i + 1]!]
    open = open.filter((span) => span.end > start)
    while (next < sorted.length && sorted[next]!.start <= start) open.push(sorted[next++]!)
    const over = open.filter((span) => span.start <= start && span.end >= end)
    if (over.length === 0) continue
    segments.push({
      start,
      end,
      lanes: [...new Set(over.map((span) => span.lane))].sort((a, b) => a - b),
      titles: over.map((span) => span.title),
    })
  }
  return segments
}

/** The inline style drawing `lanes` (of `count` shown) as stacked lines under the text. */
export function laneStyle(lanes: readonly number[], colours: readonly string[]): string {
  const count = colours.length
  const images = lanes.map((lane) => `linear-gradient(${colours[lane]}, ${colours[lane]})`)
  const positions = lanes.map((lane) => `0 calc(100% - ${(count - 1 - lane) * LANE_STEP_PX}px)`)
  return [
    `background-image: ${images.join(', ')}`,
    `background-size: ${lanes.map(() => `100% ${LANE_LINE_PX}px`).join(', ')}`,
    `background-position: ${positions.join(', ')}`,
    'background-repeat: no-repeat',
    `padding-bottom: ${OWN_UNDERLINES_PX + count * LANE_STEP_PX}px`,
  ].join('; ')
}

/** Extra line height the lanes need under each line, for the reader's style. */
export function laneRoomPx(count: number): number {
  return count === 0 ? 0 : OWN_UNDERLINES_PX + count * LANE_STEP_PX
}

function buildLanes(doc: ProseMirrorNode, map: PositionMap, lanes: ReaderLanes | null) {
  if (lanes === null || lanes.spans.length === 0) return DecorationSet.empty
  const colours = lanes.lanes.map((lane) => lane.colour)
  const decorations = laneSegments(lanes.spans).map((segment) => {
    const { from, to } = offsetsToRange(map, segment.start, segment.end)
    return Decoration.inline(from, to, {
      nodeName: 'span',
      class: 'lane',
      style: laneStyle(segment.lanes, colours),
      title: segment.titles.join('\n'),
      'data-lanes': segment.lanes.map((lane) => lanes.lanes[lane]!.name).join(' '),
      // ProseMirror cuts a segment where the analyst's own highlights begin or end: its pieces
      // share this.
      'data-lane-start': String(segment.start),
    })
  })
  // A colleague's linked claim: the count of their links after its passage, in their colour.
  const badges = lanes.spans.flatMap((span) =>
    span.links
      ? [
          Decoration.widget(
            offsetsToRange(map, span.start, span.end).to,
            () => laneBadge(span, lanes),
            {
              side: 1,
              key: `lane-badge:${span.lane}:${span.start}:${span.end}:${span.links}`,
            },
          ),
        ]
      : [],
  )
  return DecorationSet.create(doc, [...decorations, ...badges])
}

function laneBadge(span: LaneSpan, lanes: ReaderLanes): HTMLElement {
  const badge = document.createElement('span')
  const lane = lanes.lanes[span.lane]!
  badge.className = 'lane-badge'
  badge.textContent = String(span.links)
  badge.title = span.title
  badge.dataset.annotator = lane.name
  // CSSOM, which the CSP allows (no style attribute in markup).
  badge.style.color = lane.colour
  badge.style.borderColor = lane.colour
  return badge
}

export const lanesKey = new PluginKey<DecorationSet>('annotator-lanes')

/** The lanes' decorations; a transaction with lanesKey's meta (ReaderLanes | null) redraws. */
export function lanesPlugin(map: PositionMap, initial: ReaderLanes | null): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: lanesKey,
    state: {
      init: (_config, state) => buildLanes(state.doc, map, initial),
      apply(tr, current) {
        const meta = tr.getMeta(lanesKey) as { lanes: ReaderLanes | null } | undefined
        return meta === undefined ? current : buildLanes(tr.doc, map, meta.lanes)
      },
    },
    props: { decorations: (state: EditorState) => lanesKey.getState(state) },
  })
}

export function setLanesMeta(lanes: ReaderLanes | null) {
  return { lanes }
}
