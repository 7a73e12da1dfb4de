/**
 * UI languages and their catalogues. Finnish first; Swedish and English switchable. Components
 * never hold UI text: they call `t(key)` with a key of the Finnish catalogue.
 */
import { en } from '../i18n/en';
import { type MessageKey, fi } from '../i18n/fi';
import { type Message, type PluralMessage } from '../i18n/message';
import { sv } from '../i18n/sv';

export const LANGS = ['fi', 'sv', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export type { Message, MessageKey, PluralMessage };

export const CATALOGUES: Record<Lang, Record<MessageKey, Message>> = { fi, sv, en };

const pluralRules = new Map<Lang, Intl.PluralRules>();
const numberFormats = new Map<Lang, Intl.NumberFormat>();

/** The plural category of `count` in `lang` (`one`, `other` …). */
export function pluralCategory(lang: Lang, count: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(lang);
  if (!rules) pluralRules.set(lang, (rules = new Intl.PluralRules(lang)));
  return rules.select(count);
}

/** A number as the language writes it (1 000 in Finnish and Swedish, 1,000 in English). */
export function formatCount(lang: Lang, count: number): string {
  let format = numberFormats.get(lang);
  if (!format) numberFormats.set(lang, (format = new Intl.NumberFormat(lang)));
  return format.format(count);
}

/** The form of a message for `count`: the plural form of its category, else `other`. */
function formOf(lang: Lang, message: Message, count: unknown): string {
  if (typeof message === 'string') return message;
  const category = typeof count === 'number' ? pluralCategory(lang, count) : 'other';
  return (category === 'one' ? message.one : undefined) ?? message.other;
}

/** True for a supported language code. */
export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/** The message in the language with `{name}` placeholders filled in. */
export function translate(
  lang: Lang,
  key: MessageKey,
  params: Record<string, string | number> = {},
): string {
  const template = formOf(lang, CATALOGUES[lang][key] ?? CATALOGUES.fi[key], params.count);
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/**
 * A count in words, "1 tulos" / "3 tulosta": the message's plural form for `count` (see
 * `PluralMessage`), with `{count}` the number formatted for the language. Every count
 * the UI shows goes through here.
 */
export function translateCount(
  lang: Lang,
  key: MessageKey,
  count: number,
  params: Record<string, string | number> = {},
): string {
  const template = formOf(lang, CATALOGUES[lang][key] ?? CATALOGUES.fi[key], count);
  const values: Record<string, string | number> = { ...params, count: formatCount(lang, count) };
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

/** `t` bound to a language. */
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** {@link translateCount} bound to a language. */
export type TranslateCount = (
  key: MessageKey,
  count: number,
  params?: Record<string, string | number>,
) => string;

/** A `t` for one language. */
export function translator(lang: Lang): Translate {
  return (key, params) => translate(lang, key, params);
}

/** A `count` for one language. */
export function countTranslator(lang: Lang): TranslateCount {
  return (key, count, params) => translateCount(lang, key, count, params);
}

/** The lower-case language code of a content language enum (FI → fi). */
export function contentLang(language: string | null | undefined): Lang | undefined {
  const code = language?.toLowerCase();
  return isLang(code) ? code : undefined;
}
