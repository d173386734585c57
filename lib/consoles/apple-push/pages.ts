/**
 * Apple Push Certificates Portal (identity.apple.com/pushcert/), English only. The list page
 * is a table (or, on narrow screens, cards) of certificates: Service, Vendor, Expiration Date,
 * Status, actions; rows can show the subject DN, that is the push topic the MDM console shows
 * as Subject ID. The shared layer names a certificate after its Vendor and skips certificates
 * of other Apple services.
 */
import type { PageKind } from '../adapter';
import { textOf } from '../../dom/read';
import { hasExpiryText, titled } from '../detect';

const certificates: PageKind = {
  page: 'certificates',
  holds: 'apns',
  detect: (ctx) => titled(ctx, ['certificates for third-party servers', 'apple push certificates portal']) && hasExpiryText(ctx),
};

/** Signed in with an Apple ID that owns no certificate: the portal offers "Get Started". */
const getStarted: PageKind = {
  page: 'get-started',
  holds: 'apns',
  // It lists no certificate: a date in its help text is an example.
  sentences: false,
  detect: (ctx) => Array.from(ctx.doc.querySelectorAll('a, button, [role="button"]')).some((b) => /^get started$/i.test(textOf(b))),
};

// Get Started first: its help text may name the portal and a date, but it is never the list.
export const applePushPages: readonly PageKind[] = [getStarted, certificates];
