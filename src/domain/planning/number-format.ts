/** One decimal at most, without a trailing ".0": 1.4, 2, 12.5. */
export function formatAmount(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
}

/** "1 sprint", "2 sprints", "1.5 sprints". */
export function countOf({ value, one, many }: { value: number; one: string; many: string }): string {
  const text = formatAmount(value);
  return `${text} ${text === '1' ? one : many}`;
}
