import { adfToMarkdown } from './adf-to-markdown';
import { parseMarkdown, type ParseOptions, type ParseResult } from './parse-markdown';

export class InvalidAdfError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidAdfError';
  }
}

/** Reads a Jira description written with the template (or `renderAdf` output) into the model. */
export function parseAdf(adf: unknown, options: ParseOptions = {}): ParseResult {
  if (typeof adf !== 'object' || adf === null || (adf as { type?: unknown }).type !== 'doc') {
    throw new InvalidAdfError('Not an ADF document: expected an object with type "doc".');
  }
  return parseMarkdown(adfToMarkdown(adf), options);
}
