import { useState } from 'preact/hooks';
import { formatDate, kindLabel } from '../../lib/wording/describe';
import type { FileReport } from '../../lib/files/report';
import { credentialName, matchFile, type FileMatch } from '../../lib/files/match';
import { MAX_BYTES } from '../../lib/files/limits';
import { t } from '../../lib/i18n';
import type { Credential } from '../../lib/credentials/model';
import { send } from '../../lib/messages';
import type { AnyKind } from '../../lib/credentials/urgency';

type Ok = Extract<FileReport, { ok: true }>;
/** Where each file goes in the inventory; the MDM server's public key is an 'other' credential. */
const KIND_OF: Partial<Record<Ok['kind'], AnyKind>> = { 'apns-certificate': 'apns', 'vpp-token': 'vpp', 'ade-token': 'ade', 'public-key': 'other' };

/**
 * Drop zone and file picker: reads a certificate or token file locally (the reader and
 * node-forge load only now), says what it is and where it belongs in the inventory.
 * The password and the private key stay in this component's memory and are never sent.
 */
export function FileCheck({ credentials, onChanged }: { credentials: Credential[]; onChanged: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<FileReport | null>(null);
  const [password, setPassword] = useState('');
  const [keyPem, setKeyPem] = useState('');
  const [saved, setSaved] = useState('');
  const [dragging, setDragging] = useState(false);

  async function read(f: File, opts: { password?: string; privateKeyPem?: string } = {}) {
    setSaved('');
    try {
      // Read in a worker that is stopped if the file takes too long (lib/files/read.ts).
      const { readFile } = await import('../../lib/files/read-page');
      const bytes = new Uint8Array(await f.slice(0, MAX_BYTES + 1).arrayBuffer());
      setReport(await readFile(f.name, bytes, { now: new Date(), lastModified: f.lastModified, ...opts }));
    } catch (e) {
      setReport({ ok: false, error: 'unrecognised', message: t('fileReadFailed', String((e as Error).message)) });
    }
  }

  function pick(f: File | undefined | null) {
    if (!f) return;
    setFile(f);
    setPassword('');
    setKeyPem('');
    void read(f);
  }

  const match: FileMatch | null = report?.ok ? matchFile(report, credentials) : null;
  const today = new Date().toISOString().slice(0, 10);

  async function save(matchId?: string) {
    if (!report?.ok || !file) return;
    const kind = KIND_OF[report.kind];
    if (!kind) return;
    const name = report.kind === 'public-key' ? t('filePublicKeyName', credentialName(report)) : credentialName(report);
    const item = { kind, name, expiresOn: report.expiresOn ?? null, ...(report.topic ? { topic: report.topic } : {}) };
    const answer = await send({ type: 'add-file', fileName: file.name, item, ...(matchId ? { matchId } : {}) });
    setSaved(answer.ok ? t('fileAdded') : answer.error);
    onChanged();
  }

  return (
    <section class="file-check" aria-labelledby="file-check-title">
      <h2 id="file-check-title">{t('fileCheckHeading')}</h2>
      <label
        class={`drop${dragging ? ' drop--over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          pick(e.dataTransfer?.files?.[0]);
        }}
      >
        <span>{t('fileDrop')}</span>
        <span class="button">{t('fileChoose')}</span>
        <input
          type="file"
          class="visually-hidden"
          accept=".pem,.cer,.crt,.der,.p12,.pfx,.vpptoken,.p7m,.csr,.plist,.txt,.json"
          onChange={(e) => {
            pick(e.currentTarget.files?.[0]);
            e.currentTarget.value = '';
          }}
        />
      </label>
      {report && file && (
        <div class={`file-result ${!report.ok ? 'file-result--error' : report.warnings.some((w) => w !== 'expiry-estimated') ? 'file-result--warn' : ''}`} role="status" aria-live="polite">
          <p class="file-result__name">{file.name}</p>
          <p>{report.message}</p>
          {report.ok && report.signingChain && (
            <>
              <p class="file-result__sub">{t('fileSigningChain')}</p>
              <ul class="file-chain">
                {report.signingChain.map((c) => {
                  const over = c.expiresOn < today;
                  return (
                    <li key={`${c.name}-${c.expiresOn}`} class={over ? 'warn' : undefined}>
                      {c.name} · {t(over ? 'fileChainExpired' : 'fileChainValid', formatDate(c.expiresOn))}
                    </li>
                  );
                })}
              </ul>
            </>
          )}
          {!report.ok && (report.error === 'password-needed' || report.error === 'wrong-password') && (
            <form class="inline-form" onSubmit={(e) => { e.preventDefault(); void read(file, { password }); }}>
              <label>
                {t('filePassword')}
                <input type="password" autoComplete="off" value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
              </label>
              <button type="submit" class="button">{t('fileRetry')}</button>
            </form>
          )}
          {report.ok && report.kind === 'ade-token' && !report.serverName && (
            <form class="inline-form" onSubmit={(e) => { e.preventDefault(); void read(file, { privateKeyPem: keyPem }); }}>
              <label>
                {t('fileKey')}
                <input type="file" accept=".pem,.key" onChange={async (e) => setKeyPem((await e.currentTarget.files?.[0]?.text()) ?? '')} />
              </label>
              <button type="submit" class="button" disabled={!keyPem}>{t('fileRetry')}</button>
            </form>
          )}
          {report.ok && report.expiresOn && KIND_OF[report.kind] && <p class="muted">{kindLabel(KIND_OF[report.kind]!)} · {formatDate(report.expiresOn)}</p>}
          {match?.type === 'topic-mismatch' && <p class="error" role="alert">{t('fileTopicMismatch', match.inventoryTopics.join(', '))}</p>}
          {match?.type === 'match' && (
            <>
              <p>{t('fileMatches', match.credential.name || match.credential.topic || kindLabel(match.credential.kind))}</p>
              {match.renews && report.ok && report.expiresOn ? (
                <p>{t('fileRenews', match.credential.expiresOn ? formatDate(match.credential.expiresOn) : '—', formatDate(report.expiresOn))}</p>
              ) : (
                <p class="muted">{t('fileSameDate')}</p>
              )}
              <button type="button" class="button button--primary" onClick={() => void save(match.credential.id)}>
                {t('fileUpdate', match.credential.name || kindLabel(match.credential.kind))}
              </button>
            </>
          )}
          {(match?.type === 'new' || match?.type === 'topic-mismatch') && (
            <button type="button" class="button" onClick={() => void save()}>{t('fileAdd')}</button>
          )}
          {match?.type === 'not-tracked' && <p class="muted">{t('fileNotTracked')}</p>}
          {saved && <p class="ok-message">{saved}</p>}
        </div>
      )}
    </section>
  );
}
