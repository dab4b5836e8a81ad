export const SESSION_COOKIE = 'gk_session';
export const CSRF_COOKIE = 'gk_csrf';
export const ELDER_COOKIE = 'gk_elder';
