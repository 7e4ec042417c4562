/** Links leave the app only for http(s), and only after the user said yes to the address. */
import { describe, expect, it } from 'vitest'
import {
  createLinkOpener,
  externalLinkPrompt,
  type ExternalLinkPrompt,
} from '../../../src/main/external-links'

describe('external links', () => {
  it('asks about http(s) links, naming the whole address', () => {
    const url = 'https://news.example/2026/12/04/story?id=7&utm_source=x#para-3'
    const prompt = externalLinkPrompt(url)
    expect(prompt).not.toBeNull()
    expect(prompt!.url).toBe(url)
    expect(prompt!.detail).toBe(url)
    expect(prompt!.buttons[0]).toBe('Open in Browser')
    // Enter and Escape answer Cancel.
    expect(prompt!.defaultId).toBe(1)
    expect(prompt!.cancelId).toBe(1)
    expect(externalLinkPrompt('http://example.com')?.url).toBe('http://example.com/')
  })

  it('shows internationalised hosts in punycode, and opens what it showed', () => {
    const prompt = externalLinkPrompt('https://аpple.com/login')
    expect(prompt?.detail).toBe('https://xn--pple-43d.com/login')
    expect(prompt?.url).toBe(prompt?.detail)
  })

  it('refuses other schemes without asking', () => {
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://host/share',
      'ms-msdt:x',
      'app://corroborate/index.html',
      'mailto:someone@example.com',
      'nonsense',
    ]) {
      expect(externalLinkPrompt(url), url).toBeNull()
    }
  })

  function opener(answer: number) {
    const asked: ExternalLinkPrompt[] = []
    const opened: string[] = []
    const open = createLinkOpener({
      confirm: async (prompt) => {
        asked.push(prompt)
        return answer
      },
      open: async (url) => {
        opened.push(url)
      },
    })
    return { open, asked, opened }
  }

  it('opens only after the user confirmed', async () => {
    const yes = opener(0)
    expect(await yes.open('https://example.com/a')).toBe('opened')
    expect(yes.opened).toEqual(['https://example.com/a'])

    const no = opener(1)
    expect(await no.open('https://example.com/a')).toBe('declined')
    expect(no.asked).toHaveLength(1)
    expect(no.opened).toEqual([])
  })

  it('neither asks nor opens for a refused link', async () => {
    const link = opener(0)
    expect(await link.open('file:///etc/passwd')).toBe('refused')
    expect(link.asked).toEqual([])
    expect(link.opened).toEqual([])
  })

  it('asks one question at a time: a flood of requests is dropped', async () => {
    let answer: (value: number) => void = () => {}
    const opened: string[] = []
    const open = createLinkOpener({
      confirm: () => new Promise<number>((resolve) => (answer = resolve)),
      open: async (url) => {
        opened.push(url)
      },
    })
    const first = open('https://example.com/1')
    expect(await open('https://example.com/2')).toBe('busy')
    expect(await open('https://example.com/3')).toBe('busy')
    answer(0)
    expect(await first).toBe('opened')
    expect(opened).toEqual(['https://example.com/1'])
    // Once answered, the next link is asked about again.
    const next = open('https://example.com/4')
    answer(1)
    expect(await next).toBe('declined')
  })
})
