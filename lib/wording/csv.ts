/** The spreadsheet export's words, in the UI language. */
import { codeKey, t } from '../i18n';
import type { CsvWords } from '../export/csv';
import { healthLabel, kindLabel, productName } from './describe';

export function csvWords(): CsvWords {
  return {
    header: (column) => t(codeKey('csv_', column)),
    kind: kindLabel,
    health: healthLabel,
    console: productName,
    yes: t('csvYes'),
  };
}
