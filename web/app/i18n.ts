import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { type Lang, MESSAGES } from '../../contracts/messages';
import { en, vi } from './strings';

const STORAGE_KEY = 'bt_lang';

function initialLang(): Lang {
  const cookie = /(?:^|;\s*)bt_lang=(vi|en)/.exec(document.cookie)?.[1];
  const stored = cookie ?? localStorage.getItem(STORAGE_KEY);
  return stored === 'en' ? 'en' : 'vi';
}

/** Persist the language and tell the server (bt_lang cookie), which then answers errors in it too. */
export function setLang(lang: Lang): void {
  localStorage.setItem(STORAGE_KEY, lang);
  // biome-ignore lint/suspicious/noDocumentCookie: a plain preference cookie read by the server
  document.cookie = `bt_lang=${lang}; path=/; max-age=31536000; samesite=lax`;
  document.documentElement.lang = lang;
  void i18next.changeLanguage(lang);
}

const lang = initialLang();
document.documentElement.lang = lang;

void i18next.use(initReactI18next).init({
  lng: lang,
  fallbackLng: 'vi',
  // Keys are flat ('nav.enterprises', 'auth.required'): the error codes of contracts/ contain dots.
  keySeparator: false,
  nsSeparator: false,
  defaultNS: 'ui',
  ns: ['ui', 'msg'],
  resources: {
    vi: { ui: vi, msg: MESSAGES.vi },
    en: { ui: en, msg: MESSAGES.en },
  },
  interpolation: { escapeValue: false },
  initAsync: false,
});

export { i18next };

/** The current language, typed for contracts/format.ts. */
export function useLang(): Lang {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'vi';
}
