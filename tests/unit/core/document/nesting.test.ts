import { describe, expect, it } from 'vitest'
import { estimateNestingDepth } from '../../../../src/core/document/nesting'
import { fixtureBytes } from './helpers'

describe('estimateNestingDepth', () => {
  it('counts elements that need an end tag', () => {
    expect(estimateNestingDepth('<div><section><span>x</span></section><div></div></div>')).toBe(3)
  })

  it('does not count void, self-closed or end-tag-optional elements, nor scripts and comments', () => {
    const many = (s: string) => s.repeat(2000)
    expect(
      estimateNestingDepth(
        `<div>${many('<p>para')}${many('<li>item')}${many('<br><img src=x>')}</div>`,
      ),
    ).toBe(1)
    expect(estimateNestingDepth(`<svg>${many('<symbol><path d="M0 0"/></symbol>')}</svg>`)).toBe(2)
    expect(
      estimateNestingDepth(`<script>${many('"<div>"')}</SCRIPT><!-- ${many('<div>')} --><b>x</b>`),
    ).toBe(1)
  })

  it('counts a self-closed HTML element, which HTML opens like any other, and markup in noscript', () => {
    expect(estimateNestingDepth('<div/>'.repeat(2000))).toBe(2000)
    expect(estimateNestingDepth(`<noscript>${'<span>'.repeat(1500)}</noscript>`)).toBe(1501)
    expect(estimateNestingDepth('<svg><g/><path/></svg><div/>')).toBe(1)
  })

  it('sees unclosed nesting, as the parser would build it', () => {
    expect(estimateNestingDepth('<font>'.repeat(1500))).toBe(1500)
  })

  it('stays small for a real saved page', () => {
    const html = new TextDecoder().decode(fixtureBytes('saved-page-dia-munitions.html'))
    expect(estimateNestingDepth(html)).toBeLessThan(15)
  })
})
