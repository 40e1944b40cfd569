const MAX_QUOTE = 80;

/** Quotes issue text for a detail line, shortened so one criterion stays one line in the panel. */
export function quote(text: string, max = MAX_QUOTE): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  const short = clean.length > max ? `${clean.slice(0, max - 1).trimEnd()}…` : clean;
  return `“${short}”`;
}

/** "1 item" / "3 items". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
