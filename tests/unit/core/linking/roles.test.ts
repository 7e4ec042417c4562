/**
 * Who sends to whom (roles.ts), on invented places: Veltra, Norland, Kessaria, and Halden,
 * Norland's capital. None of these sentences is from the sample articles.
 */
import { describe, expect, it } from 'vitest'
import { createAliasTable, extractNames } from '../../../../src/core/linking'
import { compareRoles, readRoles, type Roles } from '../../../../src/core/linking/roles'

const aliases = createAliasTable([
  { name: 'Norland', variants: ['Norlandic'] },
  { name: 'Halden', standsFor: ['Norland'] },
])

function rolesOf(text: string, sentence?: string): Roles | undefined {
  return readRoles(text, 0, extractNames(text, { aliases }), sentence)
}

function flow(text: string): [string[], string[]] | undefined {
  const roles = rolesOf(text)
  return roles && [[...roles.origins].sort(), [...roles.destinations].sort()]
}

describe('readRoles', () => {
  it('reads senders and receivers around shipment verbs and prepositions', () => {
    expect(flow('Veltra shipped grain to Norland by barge.')).toEqual([['veltra'], ['norland']])
    expect(
      flow('Most of the grain leaves Norland by rail, crossing from Kessaria into Veltra.'),
    ).toEqual([['kessaria', 'norland'], ['veltra']])
    expect(flow('Veltra received diesel from Norland in March.')).toEqual([['norland'], ['veltra']])
    expect(flow('The barges were loaded at the port of Kessaria and unloaded at Veltra.')).toEqual([
      ['kessaria'],
      ['veltra'],
    ])
    expect(flow('Grain from Kessaria arrived in Veltra overnight.')).toEqual([
      ['kessaria'],
      ['veltra'],
    ])
  })

  it('takes the recipient right after the verb, and a capital for its country', () => {
    expect(flow('Halden has supplied Veltra with turbines.')).toEqual([
      ['halden', 'norland'],
      ['veltra'],
    ])
    expect(flow('Veltra sent Norland two tankers of fuel.')).toEqual([['veltra'], ['norland']])
  })

  it('does not take "according to", an infinitive or a passive subject for a role', () => {
    expect(flow('Fuel was shipped by barge, according to Norland.')).toBeUndefined()
    expect(flow('The cargo was delayed to please Veltra.')).toBeUndefined()
    expect(flow('Kessaria was shipped more grain than ever.')).toBeUndefined()
    expect(flow('Veltra is shipping grain to Norland.')).toEqual([['veltra'], ['norland']])
  })

  it('reads nothing where nothing moves', () => {
    expect(rolesOf('Veltra and Norland signed a treaty in Halden.')).toBeUndefined()
  })

  it('marks a flow back, also when the marker is elsewhere in the sentence', () => {
    expect(rolesOf('Norland sent fuel back to Veltra.')!.isReturn).toBe(true)
    expect(rolesOf('Norland has sent Veltra fuel')!.isReturn).toBe(false)
    expect(
      rolesOf('Norland has sent Veltra fuel', 'In return, Norland has sent Veltra fuel.')!.isReturn,
    ).toBe(true)
  })
})

describe('compareRoles', () => {
  const outbound = rolesOf('Veltra shipped grain to Norland.')!

  it('finds the same direction, through a capital', () => {
    expect(compareRoles(outbound, rolesOf('Veltra sends wheat to Halden every week.')!)).toEqual({
      kind: 'same',
      from: 'veltra',
      to: 'norland',
    })
  })

  it('finds the reversed direction', () => {
    expect(compareRoles(outbound, rolesOf('Norland shipped grain to Veltra.')!)).toEqual({
      kind: 'reversed',
      from: 'veltra',
      to: 'norland',
    })
  })

  it('does not take a return flow for the reverse of an outbound one', () => {
    expect(compareRoles(outbound, rolesOf('In return, Norland sent fuel to Veltra.')!)).toBe(
      undefined,
    )
  })

  it('says nothing when the parties differ or both directions are named', () => {
    expect(compareRoles(outbound, rolesOf('Kessaria shipped grain to Norland.')!)).toBeUndefined()
    expect(rolesOf('Barges go from Veltra to Norland and from Norland to Veltra.')).toBeUndefined()
  })
})
