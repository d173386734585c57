import { MAX_BYTES } from '../../lib/files';
import { MAX_BYTES_GUARD } from '../../components/overlay/upload-limits';
import { expect, it } from 'vitest';
it('the content script knows the file reader\'s size limit', () => expect(MAX_BYTES_GUARD).toBe(MAX_BYTES));
