import path from 'node:path';

/** Where uploaded files live (see `src/server/infra/storage.ts`). */
export type StorageConfig =
  | { driver: 'local'; dir: string }
  | {
      driver: 's3';
      bucket: string;
      region: string;
      /** A custom endpoint (MinIO, Yandex Object Storage, Selectel…); addressed path-style. */
      endpoint: string | undefined;
      /** Without keys the SDK's default chain (environment, instance role) is used. */
      credentials: { accessKeyId: string; secretAccessKey: string } | undefined;
    };

/** The `S3_*` environment variables, as read by `loadConfig`. */
export interface S3Environment {
  S3_URL?: string | undefined;
  S3_ENDPOINT?: string | undefined;
  S3_BUCKET?: string | undefined;
  S3_REGION?: string | undefined;
  S3_ACCESS_KEY_ID?: string | undefined;
  S3_SECRET_ACCESS_KEY?: string | undefined;
}

const invalid = (variable: string, message: string) =>
  new Error(`Invalid configuration:\n  ${variable}: ${message}`);

/**
 * Local disk in `<dataDir>/files` unless S3 is configured, either as one
 * `S3_URL=https://KEY:SECRET@host[:port]/bucket?region=…` or as separate `S3_*` variables
 * (which override the parts of `S3_URL`).
 */
export function resolveStorageConfig(env: S3Environment, dataDir: string): StorageConfig {
  let fromUrl: Partial<Record<keyof S3Environment, string>> = {};
  if (env.S3_URL) {
    let url: URL;
    try {
      url = new URL(env.S3_URL);
    } catch {
      throw invalid('S3_URL', 'must look like https://KEY:SECRET@host/bucket');
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
      throw invalid('S3_URL', 'must start with https:// or http://');
    const bucket = url.pathname.split('/').filter(Boolean)[0];
    if (!bucket) throw invalid('S3_URL', 'must name the bucket as its path: https://host/bucket');
    fromUrl = {
      S3_ENDPOINT: `${url.protocol}//${url.host}`,
      S3_BUCKET: decodeURIComponent(bucket),
      ...(url.username ? { S3_ACCESS_KEY_ID: decodeURIComponent(url.username) } : {}),
      ...(url.password ? { S3_SECRET_ACCESS_KEY: decodeURIComponent(url.password) } : {}),
      ...(url.searchParams.get('region')
        ? { S3_REGION: url.searchParams.get('region') ?? '' }
        : {}),
    };
  }
  const value = (name: keyof S3Environment) => env[name] || fromUrl[name] || undefined;
  const bucket = value('S3_BUCKET');
  const endpoint = value('S3_ENDPOINT');
  const accessKeyId = value('S3_ACCESS_KEY_ID');
  const secretAccessKey = value('S3_SECRET_ACCESS_KEY');
  if (!bucket) {
    if (endpoint || accessKeyId || secretAccessKey)
      throw invalid('S3_BUCKET', 'is required when any S3_* variable is set');
    return { driver: 'local', dir: path.join(dataDir, 'files') };
  }
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey))
    throw invalid('S3_SECRET_ACCESS_KEY', 'S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together');
  if (endpoint && !/^https?:\/\/[^/]+\/?$/.test(endpoint))
    throw invalid('S3_ENDPOINT', 'must look like https://host[:port]');
  return {
    driver: 's3',
    bucket,
    // Most S3-compatible servers ignore the region but the signature needs one.
    region: value('S3_REGION') ?? 'us-east-1',
    endpoint: endpoint?.replace(/\/$/, ''),
    credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
  };
}
