/**
 * The lifecycle of an industrial-extension scheme (đề án khuyến công), as a pure state machine:
 * the transitions, who may take each, what each needs (a document, a note, an amount within the cap…).
 * No database, no clock: the service gathers the facts into a `TransitionContext` and applies the result.
 */
import type { DocumentKind, SchemeAction, SchemeStatus } from '../../../contracts/extension';
import type { Role } from '../../../contracts/roles';

export interface TransitionDef {
  action: SchemeAction;
  from: readonly SchemeStatus[];
  to: SchemeStatus;
  roles: readonly Role[];
  /** The enterprise's own staff may take it (on their own company's scheme only). */
  enterprise: boolean;
  requiresDocument: DocumentKind | null;
  requiresNote: boolean;
}

const OFFICE = ['admin', 'extension_officer'] as const satisfies readonly Role[];
const DECIDERS = ['admin', 'leader'] as const satisfies readonly Role[];

export const TERMINAL: readonly SchemeStatus[] = ['rejected', 'settled', 'cancelled'];

export const TRANSITIONS: readonly TransitionDef[] = [
  {
    action: 'submit',
    from: ['draft'],
    to: 'submitted',
    roles: OFFICE,
    enterprise: true,
    requiresDocument: 'application',
    requiresNote: false,
  },
  {
    action: 'start_appraisal',
    from: ['submitted'],
    to: 'appraisal',
    roles: OFFICE,
    enterprise: false,
    requiresDocument: null,
    requiresNote: false,
  },
  {
    action: 'request_documents',
    from: ['submitted', 'appraisal'],
    to: 'needs_documents',
    roles: OFFICE,
    enterprise: false,
    requiresDocument: null,
    requiresNote: true,
  },
  {
    action: 'resubmit',
    from: ['needs_documents'],
    to: 'submitted',
    roles: OFFICE,
    enterprise: true,
    requiresDocument: null,
    requiresNote: false,
  },
  {
    action: 'approve',
    from: ['appraisal'],
    to: 'approved',
    roles: DECIDERS,
    enterprise: false,
    requiresDocument: 'approval_decision',
    requiresNote: false,
  },
  {
    action: 'reject',
    from: ['appraisal'],
    to: 'rejected',
    roles: DECIDERS,
    enterprise: false,
    requiresDocument: null,
    requiresNote: true,
  },
  {
    action: 'sign_contract',
    from: ['approved'],
    to: 'contracted',
    roles: OFFICE,
    enterprise: false,
    requiresDocument: 'contract',
    requiresNote: false,
  },
  {
    action: 'start_implementation',
    from: ['contracted'],
    to: 'in_progress',
    roles: OFFICE,
    enterprise: false,
    requiresDocument: null,
    requiresNote: false,
  },
  {
    action: 'accept',
    from: ['in_progress'],
    to: 'accepted',
    roles: OFFICE,
    enterprise: false,
    requiresDocument: 'acceptance_minutes',
    requiresNote: false,
  },
  {
    action: 'settle',
    from: ['accepted'],
    to: 'settled',
    roles: OFFICE,
    enterprise: false,
    requiresDocument: 'settlement_report',
    requiresNote: false,
  },
  {
    action: 'cancel',
    from: ['draft', 'submitted', 'appraisal', 'needs_documents', 'approved', 'contracted', 'in_progress'],
    to: 'cancelled',
    roles: [...OFFICE, 'leader'],
    enterprise: true,
    requiresDocument: null,
    requiresNote: true,
  },
];

export interface TransitionContext {
  role: Role;
  /** The caller is the enterprise's own staff of this scheme's lead enterprise. */
  ownEnterprise: boolean;
  documentKinds: ReadonlySet<string>;
  note: string | null;
  /** approve: the amount and the cap in force on the application date (null = no rule in force). */
  approval?: { amountVnd: bigint; capVnd: bigint | null; requestedVnd: bigint };
  /** approve: a baseline (capacity, employees, income…) has been recorded, to be frozen at approval. */
  hasBaseline?: boolean;
  /** settle: the settled amount, the approved amount and what was disbursed. */
  settlement?: { amountVnd: bigint; approvedVnd: bigint; disbursedVnd: bigint };
}

export type Refusal =
  | { code: 'invalid_transition'; from: SchemeStatus; action: SchemeAction }
  | { code: 'forbidden' }
  | { code: 'document_required'; kind: DocumentKind }
  | { code: 'note_required' }
  | { code: 'no_cap_rule' }
  | { code: 'baseline_required' }
  | { code: 'cap_exceeded'; amountVnd: bigint; capVnd: bigint }
  | { code: 'above_requested'; amountVnd: bigint; requestedVnd: bigint }
  | { code: 'settlement_above_approved'; amountVnd: bigint; approvedVnd: bigint }
  | { code: 'settlement_above_disbursed'; amountVnd: bigint; disbursedVnd: bigint };

export type TransitionResult =
  | { ok: true; to: SchemeStatus; def: TransitionDef }
  | { ok: false; refusal: Refusal };

export function transitionDef(action: SchemeAction): TransitionDef {
  const d = TRANSITIONS.find((t) => t.action === action);
  if (!d) throw new Error(`unknown action ${action}`);
  return d;
}

/** May this caller take this action at all (ignoring the state)? The enterprise only on its own scheme. */
export function mayAct(def: TransitionDef, role: Role, ownEnterprise: boolean): boolean {
  if (role === 'enterprise') return def.enterprise && ownEnterprise;
  // The enterprise may withdraw its own draft only; staff cancel at any non-final stage.
  return def.roles.includes(role);
}

/** Decide one transition. Pure: the same inputs always give the same answer. */
export function decide(from: SchemeStatus, action: SchemeAction, ctx: TransitionContext): TransitionResult {
  const def = transitionDef(action);
  if (!def.from.includes(from)) return { ok: false, refusal: { code: 'invalid_transition', from, action } };
  if (!mayAct(def, ctx.role, ctx.ownEnterprise)) return { ok: false, refusal: { code: 'forbidden' } };
  if (action === 'cancel' && ctx.role === 'enterprise' && from !== 'draft' && from !== 'needs_documents')
    return { ok: false, refusal: { code: 'forbidden' } };
  if (def.requiresNote && !ctx.note?.trim()) return { ok: false, refusal: { code: 'note_required' } };
  if (def.requiresDocument && !ctx.documentKinds.has(def.requiresDocument))
    return { ok: false, refusal: { code: 'document_required', kind: def.requiresDocument } };
  if (action === 'approve') {
    const a = ctx.approval;
    if (ctx.hasBaseline === false) return { ok: false, refusal: { code: 'baseline_required' } };
    if (!a || a.capVnd === null) return { ok: false, refusal: { code: 'no_cap_rule' } };
    if (a.amountVnd > a.requestedVnd)
      return {
        ok: false,
        refusal: { code: 'above_requested', amountVnd: a.amountVnd, requestedVnd: a.requestedVnd },
      };
    if (a.amountVnd > a.capVnd)
      return { ok: false, refusal: { code: 'cap_exceeded', amountVnd: a.amountVnd, capVnd: a.capVnd } };
  }
  if (action === 'settle') {
    const s = ctx.settlement;
    if (!s) return { ok: false, refusal: { code: 'invalid_transition', from, action } };
    if (s.amountVnd > s.approvedVnd)
      return {
        ok: false,
        refusal: { code: 'settlement_above_approved', amountVnd: s.amountVnd, approvedVnd: s.approvedVnd },
      };
    if (s.amountVnd > s.disbursedVnd)
      return {
        ok: false,
        refusal: { code: 'settlement_above_disbursed', amountVnd: s.amountVnd, disbursedVnd: s.disbursedVnd },
      };
  }
  return { ok: true, to: def.to, def };
}

/** The actions open from a status to this caller (for the UI's buttons). */
export function availableActions(from: SchemeStatus, role: Role, ownEnterprise: boolean): TransitionDef[] {
  return TRANSITIONS.filter(
    (t) =>
      t.from.includes(from) &&
      mayAct(t, role, ownEnterprise) &&
      !(t.action === 'cancel' && role === 'enterprise' && from !== 'draft' && from !== 'needs_documents'),
  );
}

/** Statuses in which money may be paid out to the scheme. */
export const DISBURSABLE: readonly SchemeStatus[] = ['contracted', 'in_progress'];

/** A disbursement is allowed while the scheme runs, and never beyond the approved amount in total. */
export function checkDisbursement(
  status: SchemeStatus,
  approvedVnd: bigint | null,
  alreadyDisbursedVnd: bigint,
  amountVnd: bigint,
):
  | { ok: true }
  | { ok: false; code: 'not_disbursable' | 'disbursement_exceeds_approved'; remainingVnd: bigint } {
  const remaining = (approvedVnd ?? 0n) - alreadyDisbursedVnd;
  if (!DISBURSABLE.includes(status) || approvedVnd === null)
    return { ok: false, code: 'not_disbursable', remainingVnd: remaining };
  if (amountVnd <= 0n || amountVnd > remaining)
    return { ok: false, code: 'disbursement_exceeds_approved', remainingVnd: remaining };
  return { ok: true };
}

/** Statuses from which the approved amount counts as committed in a plan's budget. */
export const COMMITTED: readonly SchemeStatus[] = [
  'approved',
  'contracted',
  'in_progress',
  'accepted',
  'settled',
];

/** Who may edit an application's fields: its drafter while draft or asked for more documents. */
export const EDITABLE: readonly SchemeStatus[] = ['draft', 'needs_documents'];
