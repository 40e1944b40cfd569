function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 160;
}

/** Splits after . ! ? followed by whitespace, keeping the punctuation with its sentence. */
export function pushSentences(line: string, into: string[]): void {
  let start = 0;
  for (let i = 0; i < line.length - 1; i += 1) {
    const code = line.charCodeAt(i);
    if ((code === 46 || code === 33 || code === 63) && isSpace(line.charCodeAt(i + 1))) {
      const sentence = line.slice(start, i + 1).trim();
      if (sentence.length > 0) into.push(sentence);
      start = i + 1;
    }
  }
  const rest = start === 0 ? line.trim() : line.slice(start).trim();
  if (rest.length > 0) into.push(rest);
}
