import { describe, expect, it } from 'vitest';
import {
  ACTION_DUE_DAYS,
  allowedTransitions,
  defaultDueOn,
  type Gap,
  gapsOf,
  isOverdue,
  planActions,
} from './actions';
import type { Template } from './template';

const template: Template = {
  id: 't',
  version: 1,
  title: { vi: 't', en: 't' },
  publishedOn: '2026-01-01',
  sections: [
    {
      id: 'S1',
      title: { vi: 'S1', en: 'S1' },
      items: ['A', 'B', 'C', 'D'].map((id) => ({
        id,
        text: { vi: `mục ${id}`, en: `item ${id}` },
        legalBasis: [{ document: 'Luật 84/2015/QH13', article: 'Điều 7' }],
        weight: 2,
        severity: id === 'A' ? ('critical' as const) : ('minor' as const),
        allowNotApplicable: true,
        ...(id === 'B' ? { evidenceKinds: ['osh_plan' as const] } : {}),
      })),
    },
  ],
};

const gap = (itemId: string): Gap => ({
  itemId,
  title: { vi: itemId, en: itemId },
  legalBasis: [],
  severity: 'minor',
});

describe('gapsOf', () => {
  it('lists every scored item below full points, with its title, legal basis, severity and evidence kinds', () => {
    const gaps = gapsOf(
      {
        items: [
          { id: 'A', outcome: 'non_compliant', points: 0, maxPoints: 2 },
          { id: 'B', outcome: 'non_compliant', reason: 'evidence_missing', points: 0, maxPoints: 2 },
          { id: 'C', outcome: 'partial', points: 1, maxPoints: 2 },
          { id: 'D', outcome: 'compliant', points: 2, maxPoints: 2 },
        ],
      },
      template,
    );
    expect(gaps.map((g) => [g.itemId, g.severity])).toEqual([
      ['A', 'critical'],
      ['B', 'minor'],
      ['C', 'minor'],
    ]);
    expect(gaps[1]?.evidenceKinds).toEqual(['osh_plan']);
    expect(gaps[0]?.title.en).toBe('item A');
  });

  it('leaves out items answered not applicable', () => {
    expect(
      gapsOf({ items: [{ id: 'A', outcome: 'not_applicable', points: 0, maxPoints: 0 }] }, template),
    ).toEqual([]);
  });
});

describe('due days', () => {
  it('gives critical gaps the shortest time and minor ones the longest', () => {
    expect(defaultDueOn('critical', '2026-11-01')).toBe('2026-12-01');
    expect(defaultDueOn('major', '2026-11-01')).toBe('2026-12-31');
    expect(defaultDueOn('minor', '2026-11-01')).toBe('2027-01-30');
    expect(ACTION_DUE_DAYS.critical).toBeLessThan(ACTION_DUE_DAYS.major);
  });

  it('counts an action overdue only while pending and after its due day', () => {
    expect(isOverdue({ status: 'open', dueOn: '2026-11-01' }, '2026-11-01')).toBe(false);
    expect(isOverdue({ status: 'in_progress', dueOn: '2026-11-01' }, '2026-11-02')).toBe(true);
    expect(isOverdue({ status: 'done', dueOn: '2026-11-01' }, '2026-11-02')).toBe(false);
  });
});

describe('allowedTransitions', () => {
  it('lets the firm work on its actions but never verify or reopen them', () => {
    expect(allowedTransitions('open', 'enterprise')).toEqual(['in_progress', 'done']);
    expect(allowedTransitions('done', 'enterprise')).toEqual([]);
    expect(allowedTransitions('verified', 'enterprise')).toEqual([]);
  });

  it('lets an overseer verify or reopen a done action, and reopen a verified one', () => {
    expect(allowedTransitions('done', 'overseer')).toEqual(['verified', 'open']);
    expect(allowedTransitions('verified', 'overseer')).toEqual(['open']);
    expect(allowedTransitions('open', 'overseer')).not.toContain('verified');
  });
});

describe('planActions', () => {
  it('creates an action only for gaps without a pending one on the same item', () => {
    const plan = planActions({
      gaps: [gap('A'), gap('B')],
      pending: new Map([['A', { actionId: 'x1', sourceId: 'old' }]]),
    });
    expect(plan.create.map((g) => g.itemId)).toEqual(['B']);
    expect(plan.cancel).toEqual([]);
  });

  it('on an amendment, cancels the replaced check’s actions whose items are no longer gaps', () => {
    const plan = planActions({
      gaps: [gap('A')],
      pending: new Map([
        ['A', { actionId: 'x1', sourceId: 'v1' }],
        ['B', { actionId: 'x2', sourceId: 'v1' }],
        ['C', { actionId: 'x3', sourceId: 'inspection-1' }],
      ]),
      replaces: new Set(['v1']),
    });
    expect(plan.create).toEqual([]);
    expect(plan.cancel).toEqual(['x2']);
  });
});
