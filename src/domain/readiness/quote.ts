const MAX_QUOTE = 80;
const SPACES = /\s+/g;
const SPACE = /\s/;

/** True when collapsing `\s+` to one space would change the text: any whitespace but a lone space. */
function hasIrregularSpace(text: string): boolean {
  let previousSpace = false;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code === 32) {
      if (previousSpace) return true;
      previousSpace = true;
    } else {
      if (code < 128 ? code >= 9 && code <= 13 : code === 160 || code === 0x1680 || (code >= 0x2000 && SPACE.test(String.fromCharCode(code)))) {
        return true;
      }
      previousSpace = false;
    }
  }
  return false;
}

/** Quotes issue text for a detail line, shortened so one criterion stays one line in the panel. */
export function quote(text: string, max = MAX_QUOTE): string {
  const clean = (hasIrregularSpace(text) ? text.replace(SPACES, ' ') : text).trim();
  const short = clean.length > max ? `${clean.slice(0, max - 1).trimEnd()}…` : clean;
  return `“${short}”`;
}

/** "1 item" / "3 items". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** Letters whose English name starts with a vowel sound ("an ‘FAQ’ section", "an ‘MVP’ label"). */
const VOWEL_SOUND_LETTERS = /^[AEFHILMNORSX]/;

/**
 * "a ‘Definition of done’ heading", "an ‘Acceptance criteria’ heading", "an ‘AC’ label", "a ‘DoD’
 * label": the article for a heading a team wrote. Acronyms (a capital followed by another capital or
 * a slash) are read letter by letter; words by their first sound, with the common "you" and "one"
 * spellings ("a ‘Use case’", "a ‘One-pager’") read as consonants.
 */
export function withArticle(title: string): string {
  const text = title.trim();
  const acronym = /^[A-Z](?:[A-Z/]|$)/.test(text);
  const vowelSound = acronym ? VOWEL_SOUND_LETTERS.test(text) : /^[aeiou]/i.test(text) && !/^(?:uni|use|usu|uti|eu|one\b|once\b)/i.test(text);
  return `${vowelSound ? 'an' : 'a'} ‘${text}’`;
}
