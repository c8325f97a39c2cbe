import { describe, expect, it } from 'vitest';
import { i18n } from './i18n.svelte';
import { NARROW_NBSP as n, typeset } from './typography';

describe('French typography', () => {
  it('puts a narrow no-break space before : ; ? ! » and after «', () => {
    expect(typeset('Pas de compte : ni nom ; rien !', 'fr')).toBe(`Pas de compte${n}: ni nom${n}; rien${n}!`);
    expect(typeset('Vous êtes toujours là ?', 'fr')).toBe(`Vous êtes toujours là${n}?`);
    expect(typeset('cliquez « Ajouter »', 'fr')).toBe(`cliquez «${n}Ajouter${n}»`);
    expect(typeset('Oui\u00a0!', 'fr')).toBe(`Oui${n}!`);
  });

  it('leaves addresses, times, glued marks and other languages alone', () => {
    for (const text of ['https://entraide.chatons.org/', 'à 12:30', 'id=x?y!z', '«Firefox»', 'C:\\Users', ''])
      expect(typeset(text, 'fr')).toBe(text);
    expect(typeset('Essayer sans compte : https://entraide.chatons.org/', 'fr')).toBe(
      `Essayer sans compte${n}: https://entraide.chatons.org/`,
    );
    expect(typeset('In short : yes « no »', 'en')).toBe('In short : yes « no »');
  });

  it('changes nothing the second time', () => {
    const once = typeset('Ah : « oui » ? Non !', 'fr');
    expect(typeset(once, 'fr')).toBe(once);
  });

  it('is applied by t() to the template, not to the values put in it', () => {
    const line = i18n.t('privacy.account');
    expect(line).toContain(`donner${n}: ni nom`);
    expect(line).not.toMatch(/ [:;?!»]/);
    expect(i18n.t('summary.saved', { path: '/tmp/a : b' })).toContain('/tmp/a : b');
    i18n.set('en');
    expect(i18n.t('privacy.account')).not.toContain(n);
  });

  it('is applied by tr() in the language the text is actually written in', () => {
    const text = { fr: 'Oui : non', en: 'Yes : no' };
    expect(i18n.tr(text)).toBe(`Oui${n}: non`);
    i18n.set('en');
    expect(i18n.tr(text)).toBe('Yes : no');
    expect(i18n.tr({ fr: 'Seulement : en français' })).toBe(`Seulement${n}: en français`);
  });
});
