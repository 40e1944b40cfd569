/**
 * A list marker inside a line: "*", "**", "#", "•", "-" or "1." / "1)", with a space after it.
 * Lists arrive inline when a line's breaks were lost ("Acceptance criteria: * a * b") or when
 * people type them so ("AC: 1. … 2. …").
 */
const ITEM_MARKER = /(?:^|\s)(?:[*#•]+|-|\d{1,2}[.)])\s+(?=\S)/g;

/** True when `text` starts with a list marker. */
export function startsWithItemMarker(text: string): boolean {
  ITEM_MARKER.lastIndex = 0;
  const first = ITEM_MARKER.exec(text);
  return first !== null && text.slice(0, first.index).trim().length === 0;
}

/**
 * The items of an inline list: the text after each marker. Text before the first marker is an
 * introduction ("The user will go through these steps:"), not an item. Without any marker the
 * whole text is one item.
 */
export function inlineItems(text: string): string[] {
  const trimmed = text.trim();
  if (trimmed.length === 0) return [];
  const starts: { at: number; end: number }[] = [];
  ITEM_MARKER.lastIndex = 0;
  for (let match = ITEM_MARKER.exec(trimmed); match !== null; match = ITEM_MARKER.exec(trimmed)) {
    starts.push({ at: match.index, end: match.index + match[0].length });
  }
  if (starts.length === 0) return [trimmed];
  const items: string[] = [];
  starts.forEach(({ end }, index) => {
    const item = trimmed.slice(end, starts[index + 1]?.at ?? trimmed.length).trim();
    if (item.length > 0) items.push(item);
  });
  return items;
}
