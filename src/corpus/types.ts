/** Who is speaking in a passage; shown on every card (PRODUCT.md, "Provenance"). */
export type Provenance = 'firsthand' | 'witness' | 'report' | 'commentary';

/** Parts of a story that the reader page shows but that are never excerpts. */
export type AsideKind = 'heading' | 'caption' | 'editor-note' | 'footnote';

export type BlockKind = Provenance | AsideKind;

export const PROVENANCES: readonly Provenance[] = ['firsthand', 'witness', 'report', 'commentary'];
export const ASIDE_KINDS: readonly AsideKind[] = ['heading', 'caption', 'editor-note', 'footnote'];

export function isProvenance(kind: BlockKind): kind is Provenance {
  return (PROVENANCES as readonly string[]).includes(kind);
}

export interface StoryMeta {
  id: string;
  title: string;
  narrator: string;
  publisher: string;
  /** ISO date, YYYY-MM-DD. */
  date: string;
  url: string;
  urlNote?: string;
  topics: string[];
  contentNotes: string[];
  lang: string;
}

/** One paragraph of a story's body, in order, as written in its source file. */
export interface Block {
  kind: BlockKind;
  text: string;
  attribution?: string;
  /** 1-based line in the source file, for error messages. */
  line: number;
  /** Set on blocks that belong to a passage (excerptable kinds only). */
  passageId?: string;
}

export interface Passage {
  id: string;
  storyId: string;
  provenance: Provenance;
  attribution?: string;
  /** The passage's paragraphs joined by a blank line, word for word from the source. */
  text: string;
}

export interface Story extends StoryMeta {
  blocks: Block[];
}
