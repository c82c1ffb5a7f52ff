export {
  ApiClient,
  type ApiClientOptions,
  type ApiErrorListener,
  type HttpMethod,
  type RequestOptions,
} from './api/api-client';
export {
  ApiError,
  NETWORK_ERROR_STATUS,
  type ApiErrorBody,
  type FieldError,
} from './api/api-error';
export { ApiClientProvider, useApiClient } from './api/api-client.context';
export {
  SignInForm,
  type SignInCredentials,
  type SignInFormProps,
  type SignedInUser,
} from './auth/sign-in-form';
export { BrandHeader, type BrandHeaderProps } from './brand/brand-header';
export { BrandMark } from './brand/brand-mark';
export { documentTitle, PRODUCT_TITLE, useDocumentTitle } from './brand/document-title';
export { HealthBadge, type HealthBadgeProps } from './health/health-badge';
export {
  fetchHealth,
  parseHealth,
  type HealthStatus,
  type ServiceState,
} from './health/health-status';
export { gongkaiTheme, I18nProvider, useLocale, useMessages } from './i18n/i18n.context';
export { LocaleSwitch } from './i18n/locale-switch';
export {
  DEFAULT_LOCALE,
  defineMessages,
  formatMessage,
  isLocale,
  LOCALES,
  type Locale,
  type MessageCatalog,
} from './i18n/messages';
export { uiMessages } from './i18n/ui.messages';
export {
  createFakeFetch,
  healthAnswer,
  type FakeAnswer,
  type FakeFetch,
  type FakeHandler,
  type FakeRequest,
} from './testing/fake-fetch';
export { DeadlineBadge, type DeadlineBadgeProps } from './deadline/deadline-badge';
export { AppProviders, newQueryClient } from './app/app-providers';
