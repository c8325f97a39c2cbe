// Errors in the person's language: a sentence by code, the technical text kept for the details.
import { afterEach, describe, expect, it } from 'vitest';
import { errorDetails, errorDetailsLang, errorText } from './errors';
import { i18n } from './i18n.svelte';

afterEach(() => i18n.set('fr'));

describe('errors by code', () => {
  const offline = {
    code: 'directory.source_unavailable',
    message: 'the federation file https://example.org/chatons.properties could not be read (connect), and no earlier copy of it is kept: the directory in use is unchanged',
  };

  it('turns a known code into the sentence of the current language', () => {
    i18n.set('fr');
    expect(errorText(offline)).toBe('Le serveur de l’annuaire n’a pas répondu. Vérifiez la connexion à Internet, puis réessayez.');
    i18n.set('en');
    expect(errorText(offline)).toBe('The directory server did not answer. Check the Internet connection, then try again.');
    expect(errorText(offline, 'fr')).toMatch(/^Le serveur de l’annuaire/);
  });

  it('never shows the engine’s English message as the sentence', () => {
    const progress = { code: 'progress.io', message: 'could not save or read progress in /home/x/progress.json' };
    expect(errorText(progress)).toMatch(/^Vos progrès n’ont pas pu être enregistrés/);
    expect(errorText(progress)).not.toContain('could not');
  });

  it('gives the generic sentence for an unknown code, a malformed code or a thrown string', () => {
    const generic = /^Quelque chose n’a pas fonctionné\. Réessayez/;
    expect(errorText({ code: 'audit.melted', message: 'x' })).toMatch(generic);
    expect(errorText({ code: 'generic', message: 'x' })).toMatch(generic);
    expect(errorText({ code: 'directory', message: 'x' })).toMatch(generic);
    expect(errorText('invoke failed')).toMatch(/^Premiers Pas a rencontré un problème inattendu/);
    i18n.set('en');
    expect(errorText({ code: 'audit.melted', message: 'x' })).toMatch(/^Something went wrong\. Try again/);
  });

  it('keeps the technical message, the code and the detail for the details', () => {
    expect(errorDetails({ ...offline, detail: 'tcp connect error (os error 111)' })).toBe(
      `${offline.message} (directory.source_unavailable)\ntcp connect error (os error 111)`,
    );
    expect(errorDetails({ code: 'qr.empty', message: 'there is nothing to put in the QR code' })).toBe(
      'there is nothing to put in the QR code (qr.empty)',
    );
    expect(errorDetails(new Error('boom'))).toBe('Error: boom (ipc.unexpected)');
  });

  it('says the technical text is English, except an own pack checker’s, written in the page’s language', () => {
    expect(errorDetailsLang(offline)).toBe('en');
    expect(errorDetailsLang(new Error('boom'))).toBe('en');
    expect(errorDetailsLang({ code: 'own_pack.not_own', message: '`x` is not one of your own packs' })).toBe('en');
    expect(errorDetailsLang({ code: 'own_pack.invalid', message: 'ce fichier n’est pas un parcours valide' })).toBe(
      undefined,
    );
  });
});
