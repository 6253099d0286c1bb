// Packages this project uses that ship no types of their own.

declare module 'wink-porter2-stemmer' {
  /** Porter2 (Snowball English) stem of one lower-case word. */
  export default function stem(word: string): string;
}

declare module 'stopword' {
  /** Stop word lists by ISO 639-3 code (stopword 3). */
  export const eng: readonly string[];
  export const kor: readonly string[];
}
