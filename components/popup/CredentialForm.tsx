import { useEffect, useRef, useState } from 'preact/hooks';
import { CONSOLES } from '../../lib/consoles/list';
import type { ConsoleId } from '../../lib/consoles/types';
import { kindLabel } from '../../lib/wording/describe';
import { t } from '../../lib/i18n';
import { KINDS, type Credential, type ManualFields } from '../../lib/credentials/model';

/** Add or edit a credential by hand. Only metadata: there is no field for a token or a key. */
export function CredentialForm({ initial, prefill, onSave, onCancel }: {
  initial?: Credential | undefined;
  /** What a console page showed for certain, when the form is opened from a page that could not be read. */
  prefill?: Partial<ManualFields> | undefined;
  onSave: (fields: ManualFields) => Promise<string | null>;
  onCancel: () => void;
}) {
  const [fields, setFields] = useState<ManualFields>(() => ({
    kind: initial?.kind ?? prefill?.kind ?? 'apns',
    name: initial?.name ?? prefill?.name ?? '',
    expiresOn: initial?.expiresOn ?? null,
    ...(initial?.console ? { console: initial.console } : prefill?.console ? { console: prefill.console } : {}),
    account: initial?.account ?? '',
    appleId: initial?.appleId ?? prefill?.appleId ?? '',
    topic: initial?.topic ?? prefill?.topic ?? '',
    owner: initial?.owner ?? '',
    notes: initial?.notes ?? '',
  }));
  const [error, setError] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  // Opened: the first field has the focus.
  useEffect(() => formRef.current?.querySelector<HTMLElement>('select, input')?.focus(), []);
  const set = <K extends keyof ManualFields>(k: K, v: ManualFields[K]) => setFields((f) => ({ ...f, [k]: v }));
  const title = initial ? t('formEditTitle', initial.name || kindLabel(initial.kind)) : t('formAddTitle');

  async function submit(e: Event) {
    e.preventDefault();
    if (!fields.name.trim() && !fields.topic?.trim()) return setError(t('formNameRequired'));
    if (fields.expiresOn !== null && !/^\d{4}-\d{2}-\d{2}$/.test(fields.expiresOn)) return setError(t('formDateInvalid'));
    const problem = await onSave({ ...fields, name: fields.name.trim() });
    setError(problem);
  }

  return (
    <form
      class="form"
      ref={formRef}
      onSubmit={submit}
      aria-labelledby="form-title"
      // Escape closes the form (the browser would otherwise close the popup with it).
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <h2 id="form-title">{title}</h2>
      <label>
        {t('fieldKind')}
        <select value={fields.kind} onChange={(e) => set('kind', (e.currentTarget.value as ManualFields['kind']))}>
          {KINDS.map((k) => (
            <option key={k} value={k}>{kindLabel(k)}</option>
          ))}
        </select>
      </label>
      <label>
        {t('fieldName')}
        <input value={fields.name} maxLength={200} onInput={(e) => set('name', e.currentTarget.value)} />
      </label>
      <label>
        {t('fieldExpiresOn')}
        <input type="date" value={fields.expiresOn ?? ''} onInput={(e) => set('expiresOn', e.currentTarget.value || null)} />
      </label>
      <label>
        {t('fieldConsole')}
        <select value={fields.console ?? ''} onChange={(e) => {
          const v = e.currentTarget.value as ConsoleId | '';
          setFields((f) => {
            const { console: _drop, ...rest } = f;
            return v ? { ...rest, console: v } : rest;
          });
        }}>
          <option value="">{t('fieldConsoleNone')}</option>
          {CONSOLES.map((s) => (
            <option key={s.id} value={s.id}>{s.product}</option>
          ))}
        </select>
      </label>
      <label>
        {t('fieldAccount')}
        <input value={fields.account ?? ''} maxLength={200} onInput={(e) => set('account', e.currentTarget.value)} />
      </label>
      <label>
        {t('fieldAppleId')}
        <input type="email" value={fields.appleId ?? ''} maxLength={200} onInput={(e) => set('appleId', e.currentTarget.value)} />
      </label>
      {fields.kind === 'apns' && (
        <label>
          {t('fieldTopic')}
          <input value={fields.topic ?? ''} maxLength={200} placeholder="com.apple.mgmt.External.…" onInput={(e) => set('topic', e.currentTarget.value)} />
        </label>
      )}
      <label>
        {t('fieldOwner')}
        <input value={fields.owner ?? ''} maxLength={200} onInput={(e) => set('owner', e.currentTarget.value)} />
      </label>
      <label>
        {t('fieldNotes')}
        <textarea value={fields.notes ?? ''} maxLength={2000} rows={2} onInput={(e) => set('notes', e.currentTarget.value)} />
      </label>
      {error && <p class="error" role="alert">{error}</p>}
      <div class="row-actions">
        <button type="submit" class="button button--primary">{t('save')}</button>
        <button type="button" class="button" onClick={onCancel}>{t('cancel')}</button>
      </div>
    </form>
  );
}
