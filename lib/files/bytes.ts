/** Byte helpers for the file readers: node-forge works on "binary strings" (one char per byte). */

export function toBinary(bytes: Uint8Array): string {
  let out = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    out += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return out;
}

/** The bytes as UTF-8 text, or null when they are not text (binary DER, PKCS#12, random bytes). */
export function asText(bytes: Uint8Array): string | null {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  // Control characters other than tab, CR, LF (and a BOM) mean binary.
  return /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(text) ? null : text.replace(/^\uFEFF/, '');
}

const B64 = /^[A-Za-z0-9+/=\s_-]+$/;

/** Decodes base64 (standard or URL-safe, with line breaks); null when it is not base64. */
export function fromBase64(text: string): Uint8Array | null {
  const clean = text.replace(/\s+/g, '');
  if (clean.length < 4 || !B64.test(clean)) return null;
  try {
    const normal = clean.replace(/-/g, '+').replace(/_/g, '/');
    const bin = atob(normal + '='.repeat((4 - (normal.length % 4)) % 4));
    return Uint8Array.from(bin, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

export function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}
