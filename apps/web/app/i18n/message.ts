/**
 * A message that depends on a number: one form per plural category of the language
 * (`Intl.PluralRules`: Finnish, Swedish and English use `one` and `other`), each with the
 * number as `{count}`. `other` is the fallback for any category a catalogue leaves out.
 */
export interface PluralMessage {
  readonly one?: string;
  readonly other: string;
}

/** A catalogue entry: a text, or plural forms of a count. */
export type Message = string | PluralMessage;
