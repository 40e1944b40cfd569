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
