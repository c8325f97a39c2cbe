// French typography, applied once when a string is shown: the space before : ; ? ! » and after « becomes
// a narrow no-break space (U+202F), so that a line never starts with ": ni nom" or ends with "«". Only a
// space that is there changes: "https://", "12:30" or "x?y" stay as they are. The core applies the same
// rule to the French it writes (i18n::typeset), and applying it twice changes nothing.

/** The narrow no-break space French puts before : ; ? ! » and after «. */
export const NARROW_NBSP = '\u202f';

const BEFORE_MARK = /[ \u00a0]([:;?!»])/g;
const AFTER_QUOTE = /«[ \u00a0]/g;

/** `text` in the typography of `lang` (a language code): French gets its spaces, others are untouched. */
export function typeset(text: string, lang: string): string {
  if (lang !== 'fr') return text;
  return text.replace(BEFORE_MARK, `${NARROW_NBSP}$1`).replace(AFTER_QUOTE, `«${NARROW_NBSP}`);
}
