import type { Regime } from '../types';

/** How a provision is engaged. */
export type TestKind =
  | 'class'
  | 'prejudice'
  | 'required-for'
  | 'endanger'
  | 'adverse-effect'
  | 'substantial-prejudice';

export type Status = 'absolute' | 'qualified';

/**
 * Facts that may differ per limb. A limb overrides the entry's defaults for
 * every citation at or below its path (longest matching path wins).
 */
export interface ProvisionFacts {
  status?: Status;
  test?: TestKind;
  /** True when this limb removes the duty to confirm or deny. */
  ncnd?: boolean;
  /** A legitimate interests assessment is expected (s40 first condition, reg 13...). */
  needsLegitimateInterests?: boolean;
  /** The qualified person's reasonable opinion must be recorded (FOIA s36). */
  needsQualifiedPerson?: boolean;
  /** False where the notice need not state the public interest reasons (FOISA s18(2) for s18 notices). */
  publicInterestStatement?: boolean;
  /** s40(2)-style: which condition this limb is ("first" | "second" | "third"). */
  condition?: 'first' | 'second' | 'third';
  /** Short note shown in hover. */
  note?: string;
}

export interface Limb extends ProvisionFacts {
  /** Full path in the regime's numbering, e.g. "31(3)", "40(3A)", "12(5)(b)", "37(1)(a)". */
  path: string;
  title?: string;
}

export interface CatalogueEntry extends ProvisionFacts {
  regime: Regime;
  /** Top-level number: "31", "22A", "12" (for EIR reg 12 use separate entries per paragraph, see below). */
  id: string;
  /** "exemption" (or EIR "exception") entries can be relied on; "procedural" are known but not grounds for refusal. */
  kind: 'exemption' | 'procedural';
  title: string;
  /** Each limb is a ground of its own (EIR reg 12, EISR reg 10); a citation without a limb is a reference. */
  separateLimbs?: boolean;
  /** The NCND provision for this exemption, if any, e.g. "31(3)". */
  ncndProvision?: string;
  limbs?: Limb[];
  legislationUrl: string;
  guidanceUrl?: string;
}

export interface Catalogue {
  $schema?: string;
  version: string;
  entries: CatalogueEntry[];
}
