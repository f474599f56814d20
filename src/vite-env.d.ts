/// <reference types="vite/client" />

/** The build configuration the app reads (src/lib/app-config.ts); unset means the serving origin. */
interface ImportMetaEnv {
  readonly VITE_API_BASE_URL?: string;
  readonly VITE_OAUTH_AUTHORIZE_URL?: string;
  readonly VITE_OAUTH_TOKEN_URL?: string;
  readonly VITE_OAUTH_REVOKE_URL?: string;
  readonly VITE_OAUTH_CLIENT_ID?: string;
  readonly VITE_OAUTH_SCOPE?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
