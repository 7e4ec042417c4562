/**
 * Annotator names. The name is the file name of the annotator's annotation file
 * (`annotations/<name>.json`), so it must be safe as a file name on every platform people share
 * projects from: letters, digits, space, ".", "-", "_"; starts with a letter or digit; does not
 * end with "." or space (Windows drops them); not a Windows device name (CON, NUL, COM1...).
 * Names are NFC-normalised so that the same name typed on macOS and Linux is the same file.
 */
import { z } from 'zod'

const WINDOWS_DEVICE_NAMES = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/i

export const annotatorNameSchema = z
  .string()
  .transform((name) => name.normalize('NFC').trim())
  .pipe(
    z
      .string()
      .min(1, 'the name is empty')
      .max(64, 'the name is longer than 64 characters')
      .regex(
        /^[\p{L}\p{N}][\p{L}\p{M}\p{N} ._-]*$/u,
        'use letters, digits, spaces, ".", "-" or "_", starting with a letter or digit',
      )
      .refine((name) => !/[. ]$/.test(name), 'the name must not end with "." or a space')
      .refine((name) => !WINDOWS_DEVICE_NAMES.test(name), 'this name is reserved by Windows'),
  )

/** The annotation file name of an already validated annotator name. */
export function annotationFileName(annotator: string): string {
  return `${annotator}.json`
}
