import { useEffect, useState } from 'preact/hooks';
import { kindLabel } from '../../lib/wording/describe';
import type { AnyKind } from '../../lib/credentials/urgency';
import { t } from '../../lib/i18n';
import { KINDS } from '../../lib/credentials/model';
import { send } from '../../lib/messages';
import { parseThresholds, type Settings } from '../../lib/settings';
import { loadSettings, saveSettings } from '../../lib/settings-store';

export function SettingsForm() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [thresholdText, setThresholdText] = useState<Record<string, string>>({});
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');

  useEffect(() => {
    void loadSettings().then((s) => {
      setSettings(s);
      setThresholdText(Object.fromEntries(KINDS.map((k) => [k, s.thresholds[k].join(', ')])));
    });
  }, []);
  if (!settings) return <p class="muted">{t('loading')}</p>;
  const s = settings;

  async function save(e: Event) {
    e.preventDefault();
    const thresholds = {} as Record<AnyKind, number[]>;
    for (const k of KINDS) {
      const parsed = parseThresholds(thresholdText[k] ?? '');
      if (!parsed) {
        setStatus('');
        return setError(t('thresholdsInvalid', kindLabel(k)));
      }
      thresholds[k] = parsed;
    }
    // Where the panel is hidden or docked is changed from the pages and the popup, not here: keep what is stored now.
    const { panelHidden, panelDock } = await loadSettings();
    const next = await saveSettings({ ...s, thresholds, panelHidden, panelDock });
    setSettings(next);
    setThresholdText(Object.fromEntries(KINDS.map((k) => [k, next.thresholds[k].join(', ')])));
    setError('');
    setStatus(t('settingsSaved'));
  }

  return (
    <form class="form" onSubmit={save} aria-labelledby="notif-heading">
      <h2 id="notif-heading">{t('notifHeading')}</h2>
      <label class="check">
        <input type="checkbox" checked={s.notifications} onChange={(e) => setSettings({ ...s, notifications: e.currentTarget.checked })} />
        {t('notifEnabled')}
      </label>
      <label class="check">
        <input type="checkbox" checked={s.dailyLastWeek} onChange={(e) => setSettings({ ...s, dailyLastWeek: e.currentTarget.checked })} />
        {t('notifDaily')}
      </label>
      <p class="muted" id="thresholds-hint">{t('thresholdsHint')}</p>
      <div class="grid-2">
        {KINDS.map((k) => (
          <label key={k}>
            {t('thresholdsLabel', kindLabel(k))}
            <input
              name={`thresholds-${k}`}
              aria-describedby="thresholds-hint"
              inputMode="numeric"
              value={thresholdText[k] ?? ''}
              onInput={(e) => setThresholdText({ ...thresholdText, [k]: e.currentTarget.value })}
            />
          </label>
        ))}
      </div>
      <fieldset class="quiet">
        <legend>
          <label class="check">
            <input
              type="checkbox"
              checked={s.quietHours.enabled}
              onChange={(e) => setSettings({ ...s, quietHours: { ...s.quietHours, enabled: e.currentTarget.checked } })}
            />
            {t('quietEnabled')}
          </label>
        </legend>
        <label>
          {t('quietStart')}
          <input type="time" value={s.quietHours.start} disabled={!s.quietHours.enabled}
            onInput={(e) => setSettings({ ...s, quietHours: { ...s.quietHours, start: e.currentTarget.value } })} />
        </label>
        <label>
          {t('quietEnd')}
          <input type="time" value={s.quietHours.end} disabled={!s.quietHours.enabled}
            onInput={(e) => setSettings({ ...s, quietHours: { ...s.quietHours, end: e.currentTarget.value } })} />
        </label>
      </fieldset>
      {error && <p class="error" role="alert">{error}</p>}
      <div class="row-actions">
        <button type="submit" class="button button--primary">{t('save')}</button>
        <button
          type="button"
          class="button"
          onClick={async () => {
            const answer = await send({ type: 'check' });
            setStatus(answer.ok ? t('checkDone', answer.notified) : answer.error);
          }}
        >
          {t('checkNow')}
        </button>
      </div>
      <p role="status" class="muted">{status}</p>
    </form>
  );
}
