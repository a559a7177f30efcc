import { z } from 'zod';
import { setSecret } from '../../log.js';
import type { Credentials } from '../auth/credentials.js';
import { type Challenge } from './challenge.js';
import { discard, readBody, send, type TransferLimits } from './http.js';
import { InsecureRealmError, RegistryError } from './errors.js';

/** The largest token response read. */
const TOKEN_RESPONSE_LIMIT = 1024 * 1024;

/** `Basic …` for these credentials; the base64 form is masked like the password itself. */
export function basicAuthorization(username: string, password: string): string {
  const encoded = Buffer.from(`${username}:${password}`).toString('base64');
  setSecret(encoded);
  return `Basic ${encoded}`;
}

/** How the Authenticator reaches its token realm. */
export interface AuthenticatorOptions {
  /** the registry's own scheme: an https registry's credentials never travel over http */
  scheme?: 'http' | 'https';
  limits?: TransferLimits;
}

const tokenResponse = z.object({
  token: z.string().optional(),
  access_token: z.string().optional(),
  refresh_token: z.string().optional(),
  expires_in: z.number().optional(),
});

interface CachedToken {
  value: string;
  expiresAt: number;
}

const scopeKey = (scopes: string[]): string => [...scopes].sort().join(' ');

/**
 * Per-registry authorization: Basic, or the distribution token flow with tokens cached per
 * scope set. Once a registry has challenged us, later requests are authorised up front so
 * each new scope costs one token request, not a 401 round trip.
 */
export class Authenticator {
  private challenge: Challenge | undefined;
  // Promises, so concurrent requests for one scope share one token request.
  private readonly tokens = new Map<string, Promise<CachedToken>>();
  private credentials: Credentials | undefined;
  private credentialsLoaded = false;

  constructor(
    private readonly registry: string,
    private readonly loadCredentials: () => Promise<Credentials | undefined>,
    private readonly now: () => number = Date.now,
    private readonly options: AuthenticatorOptions = {},
  ) {}

  private async creds(): Promise<Credentials | undefined> {
    if (!this.credentialsLoaded) {
      this.credentials = await this.loadCredentials();
      this.credentialsLoaded = true;
    }
    return this.credentials;
  }

  /** Header for these scopes, if the registry is known to need one. */
  async authorization(scopes: string[]): Promise<string | undefined> {
    if (!this.challenge) return undefined;
    if (this.challenge.scheme === 'basic') {
      const c = await this.creds();
      if (!c?.username || c.password === undefined) return undefined;
      return basicAuthorization(c.username, c.password);
    }
    const key = scopeKey(scopes);
    const pending = this.tokens.get(key);
    const cached = pending ? await pending.catch(() => undefined) : undefined;
    if (cached && cached.expiresAt > this.now()) return `Bearer ${cached.value}`;
    const fresh = this.fetchToken(scopes);
    this.tokens.set(key, fresh);
    fresh.catch(() => this.tokens.delete(key));
    return `Bearer ${(await fresh).value}`;
  }

  /**
   * Records a 401 challenge. Returns false when retrying cannot help: Basic credentials were
   * already sent and refused, or there are none.
   */
  async challenged(
    challenge: Challenge | undefined,
    scopes: string[],
    sentAuthorization: string | undefined,
  ): Promise<boolean> {
    if (!challenge) return false;
    this.challenge = challenge;
    if (challenge.scheme === 'basic')
      return !sentAuthorization?.startsWith('Basic') && (await this.creds()) !== undefined;
    // A refused token is dropped, unless a concurrent request already replaced it.
    const key = scopeKey(scopes);
    const pending = this.tokens.get(key);
    if (pending && `Bearer ${(await pending.catch(() => undefined))?.value}` === sentAuthorization)
      this.tokens.delete(key);
    return true;
  }

  private async fetchToken(scopes: string[]): Promise<CachedToken> {
    const params = this.challenge?.params ?? {};
    if (!params.realm)
      throw new Error(`${this.registry} asked for a Bearer token but gave no realm`);
    const c = await this.creds();
    if (c?.registryToken) return { value: c.registryToken, expiresAt: Number.MAX_SAFE_INTEGER };
    const url = new URL(params.realm);
    // A realm over http would carry the credentials, or hand out a token, in clear text.
    if (url.protocol !== 'https:' && (this.options.scheme ?? 'https') === 'https') {
      throw new InsecureRealmError(
        `${this.registry} is https but names the token realm ${url.origin}${url.pathname} over plain ${url.protocol.replace(':', '')}: refusing to send credentials or take a token there`,
      );
    }
    const headers: Record<string, string> = {};
    let method = 'GET';
    let body: Buffer | undefined;
    if (c?.identityToken) {
      // docker login's identity token is an OAuth2 refresh token: exchange it with a POST.
      method = 'POST';
      const form = new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: c.identityToken,
        service: params.service ?? '',
        client_id: 'kiln',
        scope: scopes.join(' '),
      });
      body = Buffer.from(form.toString());
      headers['content-type'] = 'application/x-www-form-urlencoded';
    } else {
      if (params.service) url.searchParams.set('service', params.service);
      for (const s of scopes) url.searchParams.append('scope', s);
      if (c?.username && c.password !== undefined) {
        headers.authorization = basicAuthorization(c.username, c.password);
      }
    }
    const res = await send({ method, url, headers, body, limits: this.options.limits });
    if (res.status !== 200) {
      const text = (await readBody(res).catch(() => Buffer.alloc(0)))
        .toString('utf8')
        .slice(0, 300);
      throw new RegistryError(
        method,
        url.origin + url.pathname,
        res.status,
        [],
        `token request for ${scopes.join(' ')} refused${text ? ': ' + text : ''}`,
      );
    }
    const parsed = tokenResponse.safeParse(
      JSON.parse(
        (await readBody(res, TOKEN_RESPONSE_LIMIT, `token response from ${url.origin}`)).toString(
          'utf8',
        ),
      ),
    );
    const value = parsed.success ? (parsed.data.token ?? parsed.data.access_token) : undefined;
    if (!value) {
      await discard(res).catch(() => {});
      throw new Error(`token server ${url.origin} returned no token`);
    }
    setSecret(value);
    // Renew a little early so a token never expires mid-request.
    const ttl = Math.max(60, parsed.data?.expires_in ?? 60);
    return { value, expiresAt: this.now() + (ttl - 10) * 1000 };
  }
}
