import type { ParsedContent } from './parsed'
export async function parsePdf(_bytes: Uint8Array, _fileName: string): Promise<ParsedContent> {
  throw new Error('PDF files are not read yet')
}
