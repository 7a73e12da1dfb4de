/** The root loader's data (language, viewer, CSRF token) for any component. */
import { useRouteLoaderData } from '@remix-run/react';
import {
  type Lang,
  type MessageKey,
  type Translate,
  type TranslateCount,
  countTranslator,
  translator,
} from './i18n';

export interface RootData {
  lang: Lang;
  csrf: string;
  /**
   * Who is signed in; `personId` is their person record (for "my actions"), when linked;
   * `isAdmin` shows the admin-only actions (anonymising a person).
   */
  viewer: { name: string; canCurate: boolean; isAdmin: boolean; personId?: string | null } | null;
  flash: string | null;
}

/** The root data; falls back to Finnish and nobody signed in (error pages). */
export function useRootData(): RootData {
  return (
    useRouteLoaderData<RootData>('root') ?? {
      lang: 'fi',
      csrf: '',
      viewer: null,
      flash: null,
    }
  );
}

/** The UI language, its `t`, and `count` for every count shown ("1 tulos", "3 tulosta"). */
export function useT(): { lang: Lang; t: Translate; count: TranslateCount } {
  const { lang } = useRootData();
  return { lang, t: translator(lang), count: countTranslator(lang) };
}

/** A page title "<page> – <site>" in the UI language, for route `meta` functions. */
export function titleMeta(
  matches: readonly { id: string; data: unknown }[],
  key: MessageKey | null,
  text?: string,
): { title: string }[] {
  const root = matches.find((m) => m.id === 'root')?.data as RootData | undefined;
  const t = translator(root?.lang ?? 'fi');
  const page = text ?? (key ? t(key) : '');
  return [{ title: page ? `${page} – ${t('site.name')}` : t('site.name') }];
}
