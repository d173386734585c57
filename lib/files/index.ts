/**
 * What a file is, read locally: the readers' facts (./facts.ts), worded in the UI language
 * (lib/wording/file.ts). Nothing read is kept: no token, no key, no password.
 *
 * Contract (other tools import it): inspectFile(name, bytes, opts?) -> FileReport.
 */
import { worded } from '../wording/file';
import { readFacts } from './facts';
import type { FileReport, InspectOptions } from './report';

export type { FileKind, FileFacts, FileReport, FileError, FileWarning, InspectOptions, RequestInfo, SigningCertificate } from './report';
export { MAX_BYTES } from './limits';
export { MAX_P12_ITERATIONS, MAX_P12_TOTAL_ITERATIONS } from './pkcs12';
export { saneRsaKey } from './ade-token';
export { readFacts } from './facts';

/**
 * What a file is, read locally. Returns synchronously; the signature allows a Promise for
 * readers that may need one later.
 */
export function inspectFile(name: string, bytes: Uint8Array, opts: InspectOptions = {}): FileReport | Promise<FileReport> {
  return worded(readFacts(name, bytes, opts));
}
