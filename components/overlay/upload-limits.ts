/** The file reader's size limit, known to the content script without loading the reader (lib/files MAX_BYTES). */
export const MAX_BYTES_GUARD = 1024 * 1024;
