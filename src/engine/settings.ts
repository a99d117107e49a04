/** The app's installation settings as the engine uses them, with the guide's numbers as defaults. */
import type { Settings } from './bundle';

export interface Thresholds {
  /** A refund above this needs L2 approval (guide: $100). */
  refundThreshold: number;
  /** Stuck longer than this: L2 priority (guide: 72 h). */
  stuckHours: number;
  /** Stuck longer than this: tag `slo_at_risk` (guide: 48 h). */
  sloRiskHours: number;
  /** More customers affected than this: widespread outage, urgent path (guide: 10). */
  outageThreshold: number;
}

export interface EngineSettings extends Thresholds {
  categoryFieldId: string | null;
  refundFieldId: string | null;
  deviceFieldId: string | null;
  vipTags: string[];
}

export const DEFAULT_THRESHOLDS: Thresholds = {
  refundThreshold: 100,
  stuckHours: 72,
  sloRiskHours: 48,
  outageThreshold: 10,
};

const num = (value: number | string | null | undefined, fallback: number): number => {
  const n = typeof value === 'string' ? Number(value.trim()) : value;
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : fallback;
};

const idText = (value: number | string | null | undefined): string | null =>
  value === null || value === undefined || value === '' ? null : String(value);

/** A manifest parameter holds a list as comma-separated text; a case file may hold a JSON array. */
export function tagList(value: readonly string[] | string | null | undefined): string[] {
  const items = typeof value === 'string' ? value.split(/[,\s]+/) : (value ?? []);
  return items.map((t) => t.trim().toLowerCase()).filter(Boolean);
}

export function engineSettings(settings: Settings | null | undefined): EngineSettings {
  const s = settings ?? {};
  return {
    categoryFieldId: idText(s.category_field_id),
    refundFieldId: idText(s.refund_amount_field_id),
    deviceFieldId: idText(s.device_field_id),
    vipTags: s.vip_tags == null ? ['vip', 'influencer'] : tagList(s.vip_tags),
    refundThreshold: num(s.refund_threshold, DEFAULT_THRESHOLDS.refundThreshold),
    stuckHours: num(s.stuck_hours, DEFAULT_THRESHOLDS.stuckHours),
    sloRiskHours: num(s.slo_risk_hours, DEFAULT_THRESHOLDS.sloRiskHours),
    outageThreshold: num(s.outage_threshold, DEFAULT_THRESHOLDS.outageThreshold),
  };
}
