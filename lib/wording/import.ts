/** What is wrong with a file the admin tried to import, in the UI language (the JSON path stays as the file has it). */
import { codeKey, t } from '../i18n';
import type { ImportError } from '../export/json';

export function importErrorText(e: ImportError): string {
  switch (e.code) {
    case 'not-json':
    case 'too-deep':
      return t(codeKey('importErr_', e.code));
    case 'too-long':
      return t('importErr_too_long', e.path, e.max);
    case 'not-date':
    case 'not-date-time':
      return t(codeKey('importErr_', e.code), e.path, e.value);
    case 'not-one-of':
      return t('importErr_not_one_of', e.path, e.value, e.allowed);
    case 'not-export':
      return t('importErr_not_export', e.value);
    case 'bad-version':
      return t('importErr_bad_version', e.value, e.max);
    case 'duplicate-id':
      return t('importErr_duplicate_id', e.path, e.value);
    default:
      return t(codeKey('importErr_', e.code), e.path);
  }
}
