import { describe, expect, it } from 'vitest';
import { containsPhrase, foldText, indexText } from '../../../main/services/docs/text';

describe('folding text as the index does', () => {
  it('removes accents and case, and leaves typographic punctuation between words as punctuation', () => {
    expect(foldText('Résumé of the CAFÉ')).toBe('resume of the cafe');
    expect(foldText('Use “QuerySet.filter()” — see ¶ 2')).toBe('use “queryset.filter()” — see ¶ 2');
    expect(foldText(indexText('Django 3.2.25 “Release notes”'))).toBe(indexText('django 3.2.25 “release notes”'));
  });

  it('finds a phrase across curly quotes, pilcrows and no-break spaces, and in accented text', () => {
    expect(containsPhrase(foldText('Call “save()” on the\u00a0model ¶'), ['save', 'on', 'the', 'model'], false)).toBe(true);
    expect(containsPhrase(foldText('Le café reçoit la requête'), ['cafe', 'recoit'], false)).toBe(true);
    expect(containsPhrase(foldText('the model “save” on'), ['save', 'the', 'model'], false)).toBe(false);
  });
});
