/**
 * The figures a passage states. In news claims the numbers are the claim: "13,000 containers"
 * and "6,700 containers" differ by a few characters but say different things, so a fuzzy match
 * that changes a figure must not carry a claim.
 */

const DIGIT_RUN = /\p{Nd}+/gu

/** The runs of decimal digits in `text`, in order ("13,000 in 2022" -> 13, 000, 2022). */
export function figuresOf(text: string): string[] {
  return text.match(DIGIT_RUN) ?? []
}

/** True when both texts state the same figures in the same order. */
export function sameFigures(a: string, b: string): boolean {
  const figuresA = figuresOf(a)
  const figuresB = figuresOf(b)
  return figuresA.length === figuresB.length && figuresA.every((f, i) => f === figuresB[i])
}
