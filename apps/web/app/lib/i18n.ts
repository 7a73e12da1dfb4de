/**
 * UI languages and their catalogues. Finnish first; Swedish and English switchable. Components
 * never hold UI text: they call `t(key)` with a key of the Finnish catalogue.
 */
import { en } from '../i18n/en';
import { type MessageKey, fi } from '../i18n/fi';
import { sv } from '../i18n/sv';

export const LANGS = ['fi', 'sv', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export type { MessageKey };

export const CATALOGUES: Record<Lang, Record<MessageKey, string>> = { fi, sv, en };

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
  const template = CATALOGUES[lang][key] ?? CATALOGUES.fi[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** `t` bound to a language. */
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** A `t` for one language. */
export function translator(lang: Lang): Translate {
  return (key, params) => translate(lang, key, params);
}

/** The lower-case language code of a content language enum (FI → fi). */
export function contentLang(language: string | null | undefined): Lang | undefined {
  const code = language?.toLowerCase();
  return isLang(code) ? code : undefined;
}
