import { useEffect, useRef, useState } from 'preact/hooks';
import { consoleOf } from '../../lib/consoles/hosts';
import { credentialConsequence, healthAdvice, healthLabel, kindLabel, productName } from '../../lib/wording/describe';
import { holderNote } from '../../lib/credentials/apple-id';
import { isProblem } from '../../lib/credentials/health';
import { calendarDate } from '../../lib/credentials/urgency';
import { exportCsv } from '../../lib/export/csv';
import { csvWords } from '../../lib/wording/csv';
import { exportIcs } from '../../lib/export/ics';
import { exportJson } from '../../lib/export/json';
import { t } from '../../lib/i18n';
import type { Credential } from '../../lib/credentials/model';
import { send } from '../../lib/messages';
import type { Settings } from '../../lib/settings';
import { download } from './download';

const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

async function inventory(): Promise<{ credentials: Credential[]; settings: Settings } | string> {
  const answer = await send({ type: 'list' });
  return answer.ok ? answer : answer.error;
}

export function DataSection() {
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);
  const [confirmErase, setConfirmErase] = useState<number | null>(null);
  const eraseButton = useRef<HTMLButtonElement>(null);
  const confirm = useRef<HTMLDivElement>(null);
  const said = useRef<HTMLParagraphElement>(null);
  // The confirmation opened: the focus is on its safe choice. The erasure done: on what it says.
  useEffect(() => {
    if (confirmErase !== null) confirm.current?.querySelector<HTMLElement>('[data-safe]')?.focus();
  }, [confirmErase]);
  const cancelErase = () => {
    setConfirmErase(null);
    requestAnimationFrame(() => eraseButton.current?.focus());
  };
  const today = calendarDate(new Date());

  async function exportAs(kind: 'json' | 'csv' | 'ics') {
    const inv = await inventory();
    if (typeof inv === 'string') return setMessage({ text: inv, error: true });
    const now = new Date();
    if (kind === 'json') download(`token-radar-${today}.json`, exportJson(inv.credentials, now), 'application/json');
    if (kind === 'csv') download(`token-radar-${today}.csv`, exportCsv(inv.credentials, now, csvWords()), 'text/csv;charset=utf-8');
    if (kind === 'ics') {
      const ics = exportIcs(inv.credentials, inv.settings, now, {
        summary: (c) => `${c.health && isProblem(c.health.state) ? `[${healthLabel(c.health.state)}] ` : ''}${kindLabel(c.kind)}: ${c.name || c.topic || ''}`.replace(/: $/, ''),
        description: (c) =>
          [
            // A problem read beside the date comes first: the event's date is not the whole story.
            c.health && isProblem(c.health.state) ? `${healthLabel(c.health.state)}: ${healthAdvice(c.health.state)}` : '',
            credentialConsequence(c),
            c.console ? productName(c.console) + (c.account ? ` (${c.account})` : '') : '',
            c.appleId ? t('appleIdValue', c.appleId) : '',
            holderNote(c.appleId) ? t(holderNote(c.appleId)!) : '',
            c.owner ? t('ownerValue', c.owner) : '',
          ]
            .filter(Boolean)
            .join('\n'),
      });
      download(`token-radar-${today}.ics`, ics, 'text/calendar;charset=utf-8');
    }
  }

  async function importFile(file: File | undefined) {
    if (!file) return;
    if (file.size > MAX_IMPORT_BYTES) return setMessage({ text: t('importFailed', t('importTooLarge')), error: true });
    const answer = await send({ type: 'import', json: await file.text() });
    setMessage(answer.ok ? { text: t('importDone', answer.credentials) } : { text: t('importFailed', answer.error), error: true });
  }

  return (
    <>
      <section aria-labelledby="export-heading">
        <h2 id="export-heading">{t('exportHeading')}</h2>
        <p>{t('exportText')}</p>
        <div class="row-actions">
          <button type="button" class="button" onClick={() => void exportAs('json')}>{t('exportJson')}</button>
          <button type="button" class="button" onClick={() => void exportAs('csv')}>{t('exportCsv')}</button>
          <button type="button" class="button" onClick={() => void exportAs('ics')}>{t('exportIcs')}</button>
        </div>
      </section>
      <section aria-labelledby="import-heading">
        <h2 id="import-heading">{t('importHeading')}</h2>
        <p>{t('importText')}</p>
        <label class="file">
          {t('importChoose')}
          <input
            type="file"
            accept=".json,application/json"
            onChange={(e) => {
              const input = e.currentTarget;
              void importFile(input.files?.[0]).finally(() => (input.value = ''));
            }}
          />
        </label>
      </section>
      {message && (
        <p ref={said} tabIndex={-1} class={message.error ? 'error' : 'ok-message'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      <section aria-labelledby="erase-heading" class="danger-zone">
        <h2 id="erase-heading">{t('eraseHeading')}</h2>
        <p>{t('eraseText')}</p>
        {confirmErase === null ? (
          <button
            type="button"
            ref={eraseButton}
            class="button button--danger"
            onClick={async () => {
              const inv = await inventory();
              setConfirmErase(typeof inv === 'string' ? 0 : inv.credentials.length);
            }}
          >
            {t('eraseButton')}
          </button>
        ) : (
          <div
            class="confirm"
            role="alertdialog"
            aria-labelledby="erase-confirm"
            ref={confirm}
            onKeyDown={(e) => {
              if (e.key !== 'Escape') return;
              e.preventDefault();
              cancelErase();
            }}
          >
            <p id="erase-confirm">{t('eraseConfirm', confirmErase)}</p>
            <div class="row-actions">
              <button
                type="button"
                class="button button--danger"
                onClick={async () => {
                  const answer = await send({ type: 'erase' });
                  setConfirmErase(null);
                  setMessage(answer.ok ? { text: t('eraseDone') } : { text: answer.error, error: true });
                  requestAnimationFrame(() => said.current?.focus());
                }}
              >
                {t('eraseYes')}
              </button>
              <button type="button" class="button" data-safe onClick={cancelErase}>{t('cancel')}</button>
            </div>
          </div>
        )}
      </section>
    </>
  );
}
