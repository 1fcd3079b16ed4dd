// Bounded work: files too large or minified are skipped with a reason instead of analysed.

/** Average line length above which a file is treated as minified/generated. */
const MINIFIED_AVERAGE_LINE = 300;
/** A single line this long (with few lines overall) also marks a bundle. */
const MINIFIED_LONGEST_LINE = 5000;

export function skipReason(text: string, maxFileSizeKb: number): string | undefined {
  const kb = text.length / 1024;
  if (kb > maxFileSizeKb) return `file is ${Math.round(kb)} KB, over statusHints.maxFileSizeKb (${maxFileSizeKb} KB)`;
  if (text.length < 2000) return undefined;
  let lines = 1;
  let longest = 0;
  let current = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      lines++;
      if (current > longest) longest = current;
      current = 0;
    } else current++;
  }
  if (current > longest) longest = current;
  if (text.length / lines > MINIFIED_AVERAGE_LINE || (longest > MINIFIED_LONGEST_LINE && lines < 20)) {
    return `looks minified (${lines} lines, longest ${longest} characters)`;
  }
  return undefined;
}
