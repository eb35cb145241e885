import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_KINDS, SCHEME_ACTIONS, type SchemeStatus } from '../../../contracts/extension';
import { ROLES, type Role } from '../../../contracts/roles';
import { capAmount, findCapRule } from './caps';
import { SUPPORT_CAPS } from './policy.data';
import {
  availableActions,
  checkDisbursement,
  decide,
  TERMINAL,
  TRANSITIONS,
  type TransitionContext,
} from './scheme-lifecycle';

const allDocs = new Set<string>(DOCUMENT_KINDS);
const ctx = (role: Role, extra: Partial<TransitionContext> = {}): TransitionContext => ({
  role,
  ownEnterprise: false,
  documentKinds: allDocs,
  note: 'ghi chú',
  approval: { amountVnd: 100n, capVnd: 200n, requestedVnd: 150n },
  settlement: { amountVnd: 100n, approvedVnd: 100n, disbursedVnd: 100n },
  ...extra,
});

/** The happy path of a scheme, with who takes each step. */
const HAPPY: [SchemeStatus, (typeof SCHEME_ACTIONS)[number], Role, SchemeStatus][] = [
  ['draft', 'submit', 'enterprise', 'submitted'],
  ['submitted', 'start_appraisal', 'extension_officer', 'appraisal'],
  ['appraisal', 'approve', 'leader', 'approved'],
  ['approved', 'sign_contract', 'extension_officer', 'contracted'],
  ['contracted', 'start_implementation', 'extension_officer', 'in_progress'],
  ['in_progress', 'accept', 'extension_officer', 'accepted'],
  ['accepted', 'settle', 'extension_officer', 'settled'],
];

describe('scheme lifecycle', () => {
  it('walks the happy path draft → settled with the right roles', () => {
    for (const [from, action, role, to] of HAPPY) {
      const r = decide(from, action, ctx(role, { ownEnterprise: role === 'enterprise' }));
      expect(r, `${from} --${action}--> ${to}`).toMatchObject({ ok: true, to });
    }
  });

  it('sends back for more documents and takes the resubmission', () => {
    expect(decide('appraisal', 'request_documents', ctx('extension_officer'))).toMatchObject({
      ok: true,
      to: 'needs_documents',
    });
    expect(decide('needs_documents', 'resubmit', ctx('enterprise', { ownEnterprise: true }))).toMatchObject({
      ok: true,
      to: 'submitted',
    });
  });

  it('refuses the wrong roles', () => {
    expect(decide('appraisal', 'approve', ctx('extension_officer'))).toMatchObject({
      ok: false,
      refusal: { code: 'forbidden' },
    });
    expect(decide('appraisal', 'approve', ctx('enterprise', { ownEnterprise: true }))).toMatchObject({
      ok: false,
      refusal: { code: 'forbidden' },
    });
    // another company's staff
    expect(decide('draft', 'submit', ctx('enterprise', { ownEnterprise: false }))).toMatchObject({
      ok: false,
      refusal: { code: 'forbidden' },
    });
    expect(decide('draft', 'submit', ctx('statistician'))).toMatchObject({
      ok: false,
      refusal: { code: 'forbidden' },
    });
    expect(decide('in_progress', 'accept', ctx('bank'))).toMatchObject({
      ok: false,
      refusal: { code: 'forbidden' },
    });
    // the enterprise may withdraw its draft, not cancel an approved scheme
    expect(decide('draft', 'cancel', ctx('enterprise', { ownEnterprise: true }))).toMatchObject({ ok: true });
    expect(decide('approved', 'cancel', ctx('enterprise', { ownEnterprise: true }))).toMatchObject({
      ok: false,
    });
  });

  it('requires the document of each step', () => {
    const none = new Set<string>();
    expect(decide('draft', 'submit', ctx('extension_officer', { documentKinds: none }))).toEqual({
      ok: false,
      refusal: { code: 'document_required', kind: 'application' },
    });
    expect(decide('appraisal', 'approve', ctx('leader', { documentKinds: none }))).toMatchObject({
      refusal: { code: 'document_required', kind: 'approval_decision' },
    });
    expect(decide('in_progress', 'accept', ctx('admin', { documentKinds: none }))).toMatchObject({
      refusal: { code: 'document_required', kind: 'acceptance_minutes' },
    });
    expect(decide('accepted', 'settle', ctx('admin', { documentKinds: none }))).toMatchObject({
      refusal: { code: 'document_required', kind: 'settlement_report' },
    });
  });

  it('requires a note to reject, to ask for documents and to cancel', () => {
    for (const [from, action, role] of [
      ['appraisal', 'reject', 'leader'],
      ['appraisal', 'request_documents', 'extension_officer'],
      ['in_progress', 'cancel', 'leader'],
    ] as const) {
      expect(decide(from, action, ctx(role, { note: '  ' }))).toMatchObject({
        refusal: { code: 'note_required' },
      });
    }
  });

  it('refuses approval above the cap, above the request, or with no rule in force', () => {
    expect(
      decide(
        'appraisal',
        'approve',
        ctx('leader', { approval: { amountVnd: 201n, capVnd: 200n, requestedVnd: 300n } }),
      ),
    ).toEqual({ ok: false, refusal: { code: 'cap_exceeded', amountVnd: 201n, capVnd: 200n } });
    expect(
      decide(
        'appraisal',
        'approve',
        ctx('leader', { approval: { amountVnd: 200n, capVnd: 200n, requestedVnd: 200n } }),
      ),
    ).toMatchObject({ ok: true });
    expect(
      decide(
        'appraisal',
        'approve',
        ctx('leader', { approval: { amountVnd: 151n, capVnd: 200n, requestedVnd: 150n } }),
      ),
    ).toMatchObject({ refusal: { code: 'above_requested' } });
    expect(
      decide(
        'appraisal',
        'approve',
        ctx('leader', { approval: { amountVnd: 1n, capVnd: null, requestedVnd: 1n } }),
      ),
    ).toMatchObject({ refusal: { code: 'no_cap_rule' } });
  });

  it('settles no more than approved and disbursed', () => {
    expect(
      decide(
        'accepted',
        'settle',
        ctx('admin', { settlement: { amountVnd: 101n, approvedVnd: 100n, disbursedVnd: 200n } }),
      ),
    ).toMatchObject({ refusal: { code: 'settlement_above_approved' } });
    expect(
      decide(
        'accepted',
        'settle',
        ctx('admin', { settlement: { amountVnd: 90n, approvedVnd: 100n, disbursedVnd: 80n } }),
      ),
    ).toMatchObject({ refusal: { code: 'settlement_above_disbursed' } });
  });

  it('refuses every transition out of a final state', () => {
    for (const from of TERMINAL)
      for (const action of SCHEME_ACTIONS)
        expect(decide(from, action, ctx('admin')).ok, `${from} ${action}`).toBe(false);
  });

  it('disburses only while the scheme runs and never beyond the approved amount', () => {
    expect(checkDisbursement('in_progress', 100n, 60n, 40n)).toEqual({ ok: true });
    expect(checkDisbursement('in_progress', 100n, 60n, 41n)).toEqual({
      ok: false,
      code: 'disbursement_exceeds_approved',
      remainingVnd: 40n,
    });
    expect(checkDisbursement('approved', 100n, 0n, 10n)).toMatchObject({ code: 'not_disbursable' });
    expect(checkDisbursement('accepted', 100n, 0n, 10n)).toMatchObject({ code: 'not_disbursable' });
  });

  it('lists the actions open to a caller', () => {
    expect(availableActions('appraisal', 'leader', false).map((t) => t.action)).toEqual([
      'approve',
      'reject',
      'cancel',
    ]);
    expect(availableActions('draft', 'enterprise', true).map((t) => t.action)).toEqual(['submit', 'cancel']);
    expect(availableActions('settled', 'admin', false)).toEqual([]);
  });

  // ---- properties ----

  const arbStep = fc.record({
    action: fc.constantFrom(...SCHEME_ACTIONS),
    role: fc.constantFrom(...ROLES),
    own: fc.boolean(),
    docs: fc.subarray([...DOCUMENT_KINDS]),
    note: fc.option(fc.constantFrom('lý do', ''), { nil: null }),
    amount: fc.bigInt({ min: 0n, max: 2_000_000_000n }),
    cap: fc.option(fc.bigInt({ min: 0n, max: 1_000_000_000n }), { nil: null }),
  });

  it('property: no path through the machine reaches settled without passing accepted', () => {
    fc.assert(
      fc.property(fc.array(arbStep, { maxLength: 40 }), (steps) => {
        let s: SchemeStatus = 'draft';
        const seen: SchemeStatus[] = [s];
        for (const st of steps) {
          const r = decide(s, st.action, {
            role: st.role,
            ownEnterprise: st.own,
            documentKinds: new Set(st.docs),
            note: st.note,
            approval: { amountVnd: st.amount, capVnd: st.cap, requestedVnd: st.amount },
            settlement: { amountVnd: st.amount, approvedVnd: st.amount, disbursedVnd: st.amount },
          });
          if (r.ok) {
            s = r.to;
            seen.push(s);
          }
        }
        if (s === 'settled') {
          expect(seen).toContain('accepted');
          expect(seen).toContain('approved');
          expect(seen.indexOf('accepted')).toBeLessThan(seen.indexOf('settled'));
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('property: an approved amount never exceeds the cap it was checked against', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 5_000_000_000n }),
        fc.bigInt({ min: 0n, max: 5_000_000_000n }),
        fc.option(fc.bigInt({ min: 0n, max: 5_000_000_000n }), { nil: null }),
        (amount, requested, cap) => {
          const r = decide(
            'appraisal',
            'approve',
            ctx('leader', { approval: { amountVnd: amount, capVnd: cap, requestedVnd: requested } }),
          );
          if (r.ok) {
            expect(cap).not.toBeNull();
            expect(amount <= cap!).toBe(true);
            expect(amount <= requested).toBe(true);
          }
        },
      ),
    );
  });

  it('property: with the seeded rules, no approved amount exceeds the cap in force on the application date', () => {
    const rules = SUPPORT_CAPS;
    fc.assert(
      fc.property(
        fc.constantFrom(...rules.map((r) => r.supportKind)),
        fc.constantFrom('national' as const, 'local' as const),
        fc.date({ min: new Date('2012-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }),
        fc.bigInt({ min: 1n, max: 10_000_000_000n }),
        fc.bigInt({ min: 0n, max: 2_000_000_000n }),
        (kind, source, d, cost, amount) => {
          const date = d.toISOString().slice(0, 10);
          const found = findCapRule(rules, {
            supportKind: kind,
            fundingSource: source,
            provinceCode: '20',
            date,
          });
          const capVnd = found ? capAmount(found.rule, cost) : null;
          const r = decide(
            'appraisal',
            'approve',
            ctx('leader', { approval: { amountVnd: amount, capVnd, requestedVnd: amount } }),
          );
          if (r.ok) {
            expect(found).not.toBeNull();
            const rule = found!.rule;
            expect(
              rule.effectiveFrom <= date && (rule.effectiveTo === null || date <= rule.effectiveTo),
            ).toBe(true);
            if (rule.maxAmountVnd !== null) expect(amount <= rule.maxAmountVnd).toBe(true);
            if (rule.maxPercent !== null)
              expect(amount * 100n <= cost * BigInt(Number(rule.maxPercent))).toBe(true);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('every transition names at least one staff role', () => {
    for (const t of TRANSITIONS) expect(t.roles.length).toBeGreaterThan(0);
  });
});
