/** What a registry login resolves to; in a file of its own so resolvers and helpers share it without a cycle. */
export interface Credentials {
  username?: string;
  password?: string;
  /** OAuth2 refresh/identity token from docker login */
  identityToken?: string;
  /** registry token used directly as Bearer */
  registryToken?: string;
}
