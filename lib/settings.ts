/**
 * User settings, kept in extension storage with defaults. `normaliseSettings` accepts anything
 * (an old or hand-edited value) and returns valid settings.
 */
import type { AnyKind } from './credentials/urgency';
import { DEFAULT_THRESHOLDS } from './credentials/urgency';
import { KINDS } from './credentials/model';
import { isConsoleId } from './consoles/hosts';
import type { ConsoleId } from './consoles/list';
import { isCorner, type Corner } from './dom/place';

export interface QuietHours {
  enabled: boolean;
  /** 'HH:MM', local time. The quiet period may cross midnight (22:00 -> 07:00). */
  start: string;
  end: string;
}

export interface Settings {
  /** Days before expiry at which to notify, per kind, largest first. */
  thresholds: Record<AnyKind, number[]>;
  notifications: boolean;
  /** Notify every day in the last week before expiry (and during the APNs grace period). */
  dailyLastWeek: boolean;
  quietHours: QuietHours;
  /** Consoles whose pages show no Token Radar panel (the admin hid it there; badges stay). */
  panelHidden: ConsoleId[];
  /** The corner the admin docked the panel in, per console (dragged there, or moved with the arrow keys). */
  panelDock: Partial<Record<ConsoleId, Corner>>;
}

export const DEFAULT_SETTINGS: Settings = {
  thresholds: Object.fromEntries(KINDS.map((k) => [k, [...DEFAULT_THRESHOLDS]])) as Record<AnyKind, number[]>,
  notifications: true,
  dailyLastWeek: true,
  quietHours: { enabled: false, start: '20:00', end: '08:00' },
  panelHidden: [],
  panelDock: {},
};

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

export function parseThresholds(value: unknown): number[] | null {
  const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[\s,;、，]+/).filter(Boolean) : null;
  if (!list) return null;
  const nums = list.map((v) => (typeof v === 'number' ? v : Number(String(v).trim())));
  if (nums.some((n) => !Number.isInteger(n) || n < 0 || n > 366)) return null;
  return [...new Set(nums)].sort((a, b) => b - a);
}

export function normaliseSettings(raw: unknown): Settings {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Partial<Record<keyof Settings, unknown>>;
  const thresholdsIn = (typeof r.thresholds === 'object' && r.thresholds !== null ? r.thresholds : {}) as Record<string, unknown>;
  const thresholds = Object.fromEntries(
    KINDS.map((k) => [k, parseThresholds(thresholdsIn[k]) ?? [...DEFAULT_SETTINGS.thresholds[k]]]),
  ) as Record<AnyKind, number[]>;
  const q = (typeof r.quietHours === 'object' && r.quietHours !== null ? r.quietHours : {}) as Partial<QuietHours>;
  return {
    thresholds,
    notifications: typeof r.notifications === 'boolean' ? r.notifications : DEFAULT_SETTINGS.notifications,
    dailyLastWeek: typeof r.dailyLastWeek === 'boolean' ? r.dailyLastWeek : DEFAULT_SETTINGS.dailyLastWeek,
    quietHours: {
      enabled: typeof q.enabled === 'boolean' ? q.enabled : false,
      start: typeof q.start === 'string' && HHMM.test(q.start) ? q.start : DEFAULT_SETTINGS.quietHours.start,
      end: typeof q.end === 'string' && HHMM.test(q.end) ? q.end : DEFAULT_SETTINGS.quietHours.end,
    },
    panelHidden: Array.isArray(r.panelHidden) ? [...new Set(r.panelHidden.filter((id): id is ConsoleId => typeof id === 'string' && isConsoleId(id)))] : [],
    panelDock: Object.fromEntries(
      Object.entries(typeof r.panelDock === 'object' && r.panelDock !== null ? r.panelDock : {}).filter(([id, corner]) => isConsoleId(id) && isCorner(corner)),
    ) as Partial<Record<ConsoleId, Corner>>,
  };
}

/** True when `now` (in `timeZone`) falls inside the quiet hours. */
export function isQuiet(quiet: QuietHours, now: Date, timeZone?: string): boolean {
  if (!quiet.enabled || quiet.start === quiet.end) return false;
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(now);
  const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  const m = minutes(parts);
  const start = minutes(quiet.start);
  const end = minutes(quiet.end);
  return start < end ? m >= start && m < end : m >= start || m < end;
}
