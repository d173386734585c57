/**
 * What consoles call things, in every language we read (en, fr, ja; de and es where known).
 * All in `normLabel` form: lower case, no trailing `*` or `:`, ' for ’.
 */
export const EXPIRY = [
  'expiration', 'expiration date', 'expiry', 'expiry date', 'expires', 'expires on', 'expiration date (utc)', 'valid until',
  "date d'expiration", "date d'échéance", 'expire le', 'expiration le', 'valide jusqu\'au',
  '有効期限', '有効期限日', '期限', '有効期限 (utc)', '失効日',
  'ablaufdatum', 'läuft ab', 'gültig bis', 'ablauf',
  'fecha de expiración', 'fecha de caducidad', 'caduca', 'vencimiento',
] as const;

export const NAME = [
  'name', 'token name', 'token', 'nom', 'nom du jeton', 'jeton', '名前', 'トークン名', 'トークン', 'name des tokens', 'tokenname', 'nombre', 'nombre del token',
] as const;

export const APPLE_ID = [
  'apple id', 'apple id used', 'associated apple id', 'managed apple id', 'identifiant apple', 'id apple', 'apple-id', 'apple-id-adresse',
  'アップル id', 'apple id (管理対象)',
] as const;

export const STATUS = ['status', 'state', 'token status', 'état', 'statut', '状態', 'ステータス', 'status des tokens', 'estado', 'zustand'] as const;

export const SUBJECT_ID = ['subject id', 'subject', "id de l'objet", "id d'objet", 'id du sujet', 'id de sujet', 'サブジェクト id', 'サブジェクトid', 'antragsteller-id', 'id de asunto', 'topic', 'sujet'] as const;

export const ORGANIZATION = ["organization name", "organisation name", "nom de l'organisation", '組織名', 'organisationsname', 'nombre de la organización', 'location', 'emplacement', '場所'] as const;
