import { describe, expect, it } from 'vitest';
import { decide, parseBundle } from '../engine';
import { bundleSettings, DEFAULT_SETTINGS, parseSettings } from './settings';
import { asManifestParameters, sharedCases } from './testkit';

describe('parseSettings', () => {
  it('uses the guide’s defaults when nothing is set, without problems', () => {
    expect(parseSettings({})).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
  });

  it('reads manifest text: ids, numbers, tags, checkbox and delivery', () => {
    const { settings, problems } = parseSettings({
      l2_group_id: '360001',
      legal_group_id: ' 360005 ',
      escalated_status_id: '9000123',
      category_field_id: '27493018462210',
      refund_amount_field_id: 27493018469957,
      follow_up_field_id: '27493018470001',
      record_field_id: 'not an id',
      refund_threshold: '150.50',
      stuck_hours: '96',
      slo_risk_hours: '0',
      outage_threshold: '25',
      vip_tags: 'VIP, press ,, partner',
      keep_assignee: true,
      message_delivery: 'Editor',
    });
    expect(problems).toEqual([
      'record_field_id must be a Zendesk id (a whole number such as 360001234567); got "not an id". It is ignored.',
    ]);
    expect(settings).toEqual({
      groups: { l2: 360001, legal: 360005 },
      escalatedStatusId: 9000123,
      categoryFieldId: 27493018462210,
      refundFieldId: 27493018469957,
      followUpFieldId: 27493018470001,
      recordFieldId: null,
      refundThreshold: 150.5,
      stuckHours: 96,
      sloRiskHours: 0,
      outageThreshold: 25,
      vipTags: ['vip', 'press', 'partner'],
      keepAssignee: true,
      messageDelivery: 'editor',
      supervisorGroupIds: [],
    });
  });

  it('names each malformed setting and what it expects, and falls back to the default', () => {
    const { settings, problems } = parseSettings({
      carrier_group_id: 'Carrier team',
      category_field_id: '12.5',
      refund_threshold: '-100',
      stuck_hours: 'three days',
      outage_threshold: '7.5',
      vip_tags: 42,
      keep_assignee: 'yes',
      message_delivery: 'email',
    });
    expect(settings.groups).toEqual({});
    expect(settings.categoryFieldId).toBeNull();
    expect(settings.refundThreshold).toBe(100);
    expect(settings.stuckHours).toBe(72);
    expect(settings.outageThreshold).toBe(10);
    expect(settings.vipTags).toEqual(['vip', 'influencer']);
    expect(settings.keepAssignee).toBe(false);
    expect(settings.messageDelivery).toBe('post');
    expect(problems).toEqual([
      'carrier_group_id must be a Zendesk id (a whole number such as 360001234567); got "Carrier team". It is ignored.',
      'category_field_id must be a Zendesk id (a whole number such as 360001234567); got "12.5". It is ignored.',
      'refund_threshold must be a number of dollars, 0 or more; got "-100". Using 100.',
      'stuck_hours must be a number of hours, 0 or more; got "three days". Using 72.',
      'outage_threshold must be a whole number of customers, 0 or more; got "7.5". Using 10.',
      'vip_tags must be tags separated by commas, e.g. "vip, influencer"; got 42. Using "vip, influencer".',
      'keep_assignee must be checked or unchecked (true or false); got "yes". Using false.',
      'message_delivery must be "post" (send the customer message as a public reply) or "editor" (put it in the reply editor); got "email". Using "post".',
    ]);
  });

  it('reads a tag list with spaces as separate tags and says so', () => {
    const { settings, problems } = parseSettings({ vip_tags: 'vip influencer' });
    expect(settings.vipTags).toEqual(['vip', 'influencer']);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^vip_tags: a Zendesk tag has no spaces/u);
  });
});

describe('bundleSettings', () => {
  it('gives the engine the same settings a case file holds, from manifest text', () => {
    for (const { file, bundle } of sharedCases()) {
      const fromManifest = bundleSettings(parseSettings(asManifestParameters(bundle.settings)).settings);
      const parsed = parseBundle({ ...bundle, settings: fromManifest });
      const original = parseBundle(bundle);
      if (!parsed.ok || !original.ok) throw new Error(`${file} does not parse`);
      expect(decide(parsed.bundle).targets, file).toEqual(decide(original.bundle).targets);
      expect(fromManifest.category_field_id, file).toBe(27493018462210);
    }
  });

  it('leaves unconfigured fields out rather than sending nulls', () => {
    const out = bundleSettings(DEFAULT_SETTINGS);
    expect('category_field_id' in out).toBe(false);
    expect(out).toEqual({
      vip_tags: ['vip', 'influencer'],
      refund_threshold: 100,
      stuck_hours: 72,
      slo_risk_hours: 48,
      outage_threshold: 10,
    });
  });
});
