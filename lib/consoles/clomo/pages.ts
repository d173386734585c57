/**
 * CLOMO PANEL, Japanese (its menus are English words, its content Japanese), from the vendor's
 * renewal FAQ and support pages: the HOME screen lists the expiry of the push certificate (as the
 * "MDM 構成プロファイル"), the VPP service token and the DEP service token — each only from three
 * months before it expires, so a credential missing there is not absent; the DEP server token
 * is under Settings > Mobile Device Management > iOS / macOS > 基本設定. The exact markup is
 * not public: the shared layer reads whatever layout carries these words.
 */
import type { PageKind } from '../adapter';
import { hasExpiryText, titled } from '../detect';

const HOME_TITLES = ['home', 'ホーム'];
const SETTINGS_TITLES = ['基本設定', 'basic settings', 'device enrollment program', 'mobile device management', 'サービス設定', 'clomo mobile app portal'];

export const clomoPages: readonly PageKind[] = [
  // Each line names its credential: the kind comes from its words.
  { page: 'home', holds: null, detect: (ctx) => titled(ctx, HOME_TITLES) && hasExpiryText(ctx) },
  { page: 'basic-settings', holds: null, detect: (ctx) => titled(ctx, SETTINGS_TITLES) && hasExpiryText(ctx) },
];
