// The two WHATWG encoding helpers jsdom itself uses ship without type declarations;
// these cover the small part of their API this module calls.

declare module 'whatwg-encoding' {
  /** Maps an encoding label ("latin1", "cp1251") to its WHATWG name, or null. */
  export function labelToName(label: string): string | null
  /** Decodes with the WHATWG rules: a BOM overrides `fallbackEncodingName`. */
  export function decode(bytes: Uint8Array, fallbackEncodingName: string): string
  export function getBOMEncoding(bytes: Uint8Array): 'UTF-8' | 'UTF-16LE' | 'UTF-16BE' | null
  export function isSupported(name: string): boolean
}

declare module 'html-encoding-sniffer' {
  /**
   * The HTML encoding sniffing algorithm: BOM, then the transport label, then a
   * prescan of the first 1024 bytes for <meta charset>, then `defaultEncoding`.
   */
  export default function htmlEncodingSniffer(
    bytes: Uint8Array,
    options?: { transportLayerEncodingLabel?: string; defaultEncoding?: string },
  ): string
}

// pdf.js's worker code ships without declarations; pdf.ts only hands the module to pdf.js.
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown
}
