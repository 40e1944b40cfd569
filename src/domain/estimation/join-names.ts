/**
 * "Ana", "Ana and Raj", "Ana, Raj and Li": names listed the way the locale writes a list
 * (Intl.ListFormat, conjunction). English by default, in the British style without the serial
 * comma, as the app's texts have always listed names; pass a locale for another language.
 */
export function joinNames(names: readonly string[], locale = 'en-GB'): string {
  return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(names);
}
