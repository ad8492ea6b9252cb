// Shared engine types. The engine knows nothing of LSP, VS Code or the terminal.

export type Regime = 'FOIA' | 'EIR' | 'FOISA' | 'EISR';
export const REGIMES: readonly Regime[] = ['FOIA', 'EIR', 'FOISA', 'EISR'];

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = Severity | 'off';

/** LSP position: 0-based line, UTF-16 code unit character. */
export interface Position {
  line: number;
  character: number;
}
export interface Range {
  start: Position;
  end: Position;
}
/** Half-open span of UTF-16 offsets into the document text. */
export interface Span {
  start: number;
  end: number;
}

/** A text edit the user may choose to apply (quick fix): insert `text` at `offset`, replacing `replaceLength` characters. */
/** What a fix does: fix-all applies only `insert-section`; the others change a judgement, one at a time. */
export type FixKind = 'insert-section' | 'set-regime' | 'mark-checked';

export interface TextInsertion {
  kind: FixKind;
  title: string;
  offset: number;
  text: string;
  replaceLength?: number;
}

export interface RelatedNote {
  span: Span;
  message: string;
}

export type TitleStyle = 'atx' | 'setext' | 'bold' | 'plain' | 'numbered';

/** A line that may be a section title, as found in one block. */
export interface TitleCandidate {
  title: string;
  titleSpan: Span;
  style: TitleStyle;
  hardLevel?: number;
}

/** What a rule reports. The engine adds ranges and severity. */
export interface RuleFinding {
  span: Span;
  message: string;
  /** The provision the finding is about, as cited (e.g. "section 31(1)(a)"). */
  provision?: string;
  /** Sub-category (used by personal-data: "email", "phone", ...). */
  category?: string;
  related?: RelatedNote[];
  fixes?: TextInsertion[];
}

/** A finding as the engine returns it. */
export interface Finding extends RuleFinding {
  /** Stable for the same text: the rule, where the finding starts and ends, and a count among equals. */
  id: string;
  rule: string;
  severity: Severity;
  range: Range;
  docsUrl: string;
}
