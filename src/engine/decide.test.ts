import { describe, expect, it } from 'vitest';
import { decide } from './decide';
import { customer, note, reply, sample } from './sample';

const PORT_REJECTED_3X = [
  customer('My number transfer from AT&T keeps failing.'),
  note('Port request PRQ-100200 rejected 3 times, code 8C. Account number, PIN and zip verified with cx.'),
];
const rules = (d: ReturnType<typeof decide>) => d.reasons.map((r) => r.rule);

describe('how rules combine', () => {
  it('lets a specialist team take the case; the L2 fallback still raises urgency and SLO tag', () => {
    const d = decide(
      sample(PORT_REJECTED_3X, {
        hoursOpen: 100,
        checklist: { port_in_info_verified: true, info_complete: true },
      }),
    );
    expect(d.targets).toEqual(['carrier']);
    expect(rules(d)).toEqual(expect.arrayContaining(['port_in_rejected_3_plus', 'stuck_over_72h']));
    expect(d.reasons.find((r) => r.rule === 'stuck_over_72h')?.covered_by).toEqual(['carrier']);
    expect(d.urgency).toBe('high');
    expect(d.tags).toEqual(['escalated_carrier', 'slo_at_risk']);
    expect(d.follow_up_hours).toBe(72);
  });

  it('sends a stuck ticket with no specialist rule to L2 with priority', () => {
    const d = decide(
      sample([customer('My voicemail still does not work.'), note('Reset voicemail, still failing.')], {
        hoursOpen: 80,
      }),
    );
    expect(d.targets).toEqual(['l2']);
    expect(d.urgency).toBe('high');
    expect(d.tags).toEqual(['escalated_l2', 'slo_at_risk']);
  });

  it('keeps a multi-team escalation in team order with the shortest follow-up', () => {
    const d = decide(
      sample(
        [customer('No service at all since noon, and my neighbours have none either. There is an outage.')],
        {
          similar: 3,
          category: 'network',
        },
      ),
    );
    expect(d.targets).toEqual(['engineering', 'carrier']);
    expect(d.follow_up_hours).toBe(48);
    expect(d.urgent_alert).toBe(false);
  });

  it('escalates what may go ahead and lists what a guard holds back', () => {
    const d = decide(
      sample(
        [customer('The app shows ERR_SYNC_502 when I open billing.'), note('No troubleshooting done yet.')],
        {
          requesterTags: ['vip'],
          checklist: { info_complete: true },
        },
      ),
    );
    expect(d.escalate).toBe(true);
    expect(d.targets).toEqual(['l2']);
    expect(d.held_back).toEqual([
      { rule: 'api_error', targets: ['engineering'], blocked_by: ['troubleshooting_not_done'] },
    ]);
  });

  it('does not escalate on the request alone and says why', () => {
    const d = decide(sample([customer('Just send this to your engineers, please.')], { checklist: {} }));
    expect(d.escalate).toBe(false);
    expect(d.targets).toEqual(['engineering']);
    expect(d.blockers.map((b) => b.id)).toEqual(['no_escalation_rule']);
    expect(d.tags).toEqual([]);
    expect(d.follow_up_hours).toBeNull();
  });

  it('treats a bare demand for a manager as the guide\'s "offer a solution first"', () => {
    const d = decide(
      sample([customer('I want to speak to your supervisor about my bill.')], { checklist: {} }),
    );
    expect(d.escalate).toBe(false);
    expect(d.blockers.map((b) => b.id)).toEqual(['only_wants_manager']);
  });

  it('stops nothing for an unanswered checklist question, and lists it', () => {
    const d = decide(sample([customer('The app shows ERR_SYNC_502 every time I pay.')], { checklist: {} }));
    expect(d.escalate).toBe(true);
    expect(d.targets).toEqual(['engineering']);
    expect(d.open_questions).toEqual(expect.arrayContaining(['troubleshooting_done', 'info_complete']));
  });

  it('does not fire problem rules once the customer says it works', () => {
    const d = decide(
      sample([
        customer('The app shows ERR_SYNC_502 every time I pay.'),
        reply('Please update the app.'),
        customer('Updated, and it works now. Thanks!'),
      ]),
    );
    expect(d.escalate).toBe(false);
    expect(d.reasons).toEqual([]);
  });
});

describe('the customer email', () => {
  it('blocks an ordinary escalation until it is collected', () => {
    const d = decide(sample([customer('Please refund the duplicate charge.')], { refund: 150, email: null }));
    expect(d.escalate).toBe(false);
    expect(d.targets).toEqual(['l2']);
    expect(d.blockers.map((b) => b.id)).toEqual(['customer_email_missing']);
    expect(d.parameters.customer_email).toBeNull();
  });

  it('does not hold back the urgent path, and the note says it is missing', () => {
    const d = decide(
      sample([customer('Your app is showing me other customers\u2019 personal data and call logs.')], {
        email: null,
      }),
    );
    expect(d.escalate).toBe(true);
    expect(d.urgent_alert).toBe(true);
    expect(d.note).toContain('[customer email missing');
  });
});

describe('thresholds from settings', () => {
  it('reads a refund threshold given as manifest text', () => {
    const lines = [customer('Please refund the charge.')];
    expect(decide(sample(lines, { refund: 150 })).escalate).toBe(true);
    expect(decide(sample(lines, { refund: 150, settings: { refund_threshold: '200' } })).escalate).toBe(
      false,
    );
  });

  it('reads a refund amount given as a decimal string', () => {
    expect(decide(sample([customer('Refund please.')], { refund: '100.01' })).targets).toEqual(['l2']);
    expect(decide(sample([customer('Refund please.')], { refund: '100.00' })).escalate).toBe(false);
  });

  it('reads VIP tags given as comma-separated text', () => {
    const lines = [customer('My voicemail greeting will not save.')];
    const d = decide(sample(lines, { requesterTags: ['gold'], settings: { vip_tags: 'platinum, gold' } }));
    expect(d.reasons.map((r) => r.rule)).toContain('vip_customer');
  });

  it('moves the widespread-outage line with outage_threshold', () => {
    const lines = [customer('Outage: no service here and all my neighbours lost signal too.')];
    expect(decide(sample(lines, { similar: 12, category: 'network' })).urgent_alert).toBe(true);
    expect(
      decide(sample(lines, { similar: 12, category: 'network', settings: { outage_threshold: 20 } }))
        .urgent_alert,
    ).toBe(false);
  });

  it('moves the SLO tag with slo_risk_hours', () => {
    const lines = [customer('Please refund the duplicate charge.')];
    expect(decide(sample(lines, { refund: 150, hoursOpen: 30 })).tags).not.toContain('slo_at_risk');
    expect(
      decide(sample(lines, { refund: 150, hoursOpen: 30, settings: { slo_risk_hours: 24 } })).tags,
    ).toContain('slo_at_risk');
  });
});

describe('the guide parameters', () => {
  it('are always filled when escalating', () => {
    const d = decide(
      sample(PORT_REJECTED_3X, { category: 'port_in', checklist: { port_in_info_verified: true } }),
    );
    expect(d.parameters).toEqual({
      issue_type: 'Port-In',
      urgency: 'medium',
      escalation_target: 'Carrier',
      customer_email: 'sam@example.com',
    });
  });
});
