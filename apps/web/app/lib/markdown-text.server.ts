/**
 * The readable text of Markdown, for loaders that show a summary as plain text. Server only
 * (the parser stays out of the browser bundle); the same function builds the search snippets.
 */
export { markdownToText } from '@ake/domain';
