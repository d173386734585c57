/**
 * The one size limit of the file checks, in a module of its own so that the content script (the
 * upload guard) knows it without loading the readers: Apple's certificates and tokens are a few
 * kilobytes; a file past this is not one of them and is turned away by its size.
 */
export const MAX_BYTES = 1024 * 1024;
