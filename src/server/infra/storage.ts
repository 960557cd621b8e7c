import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { AppError } from './app-error.js';
import type { StorageConfig } from './storage-config.js';

/** Options of `FileStorage.put`. */
export interface PutOptions {
  /** Stored with the object and served back (already checked by the caller). */
  contentType: string;
}

/**
 * Where uploaded files live. Keys are relative paths the caller builds from ids
 * (`recovery/<organizationId>/<requestId>/<documentId>`): segments of letters, digits, `.`, `_`
 * and `-`, each starting with a letter or digit; anything else is refused, so no key can
 * escape the storage root.
 */
export interface FileStorage {
  readonly driver: StorageConfig['driver'];
  /** Stores a file under `key`, replacing any file there; never leaves a partial file behind. */
  put(key: string, body: Readable | Buffer, options: PutOptions): Promise<void>;
  /** The file's content; throws `AppError('not_found')` when there is none. */
  get(key: string): Promise<Readable>;
  /** Removes the file; a missing file is not an error. */
  delete(key: string): Promise<void>;
  /** Releases connections (S3); the local driver holds none. */
  close(): void;
}

const KEY_PATTERN = /^[A-Za-z0-9][\w.-]*(\/[A-Za-z0-9][\w.-]*)*$/;

/** Throws unless `key` is a safe storage key (see `FileStorage`). */
export function assertStorageKey(key: string): void {
  if (key.length > 512 || !KEY_PATTERN.test(key)) throw new Error(`invalid storage key: ${key}`);
}

/** The configured storage: local disk by default, S3-compatible when `S3_*` is set. */
export function createStorage(config: StorageConfig): FileStorage {
  return config.driver === 'local' ? createLocalStorage(config.dir) : createS3Storage(config);
}

/** Files under `root` (`<KABINET_DATA_DIR>/files`), readable only by the server's account. */
export function createLocalStorage(root: string): FileStorage {
  const resolvedRoot = path.resolve(root);
  const pathOf = (key: string) => {
    assertStorageKey(key);
    const file = path.resolve(resolvedRoot, ...key.split('/'));
    // Belt and braces: the key pattern already rules out `..` and absolute paths.
    if (!file.startsWith(resolvedRoot + path.sep)) throw new Error(`invalid storage key: ${key}`);
    return file;
  };
  return {
    driver: 'local',
    async put(key, body) {
      const file = pathOf(key);
      await fs.promises.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
      // Written beside the target and renamed: readers never see a half-written file.
      const temporary = `${file}.${randomBytes(6).toString('hex')}.partial`;
      try {
        await pipeline(
          Buffer.isBuffer(body) ? Readable.from([body]) : body,
          fs.createWriteStream(temporary, { mode: 0o600 }),
        );
        await fs.promises.rename(temporary, file);
      } catch (error) {
        await fs.promises.rm(temporary, { force: true });
        throw error;
      }
    },
    async get(key) {
      const file = pathOf(key);
      try {
        const handle = await fs.promises.open(file, 'r');
        return handle.createReadStream();
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new AppError('not_found');
        throw error;
      }
    },
    async delete(key) {
      await fs.promises.rm(pathOf(key), { force: true });
    },
    close() {},
  };
}

async function toBuffer(body: Readable | Buffer): Promise<Buffer> {
  if (Buffer.isBuffer(body)) return body;
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

/** An S3-compatible bucket (AWS, MinIO, Yandex Object Storage, Selectel, VK Cloud…). */
export function createS3Storage(config: Extract<StorageConfig, { driver: 's3' }>): FileStorage {
  const client = new S3Client({
    region: config.region,
    ...(config.endpoint ? { endpoint: config.endpoint, forcePathStyle: true } : {}),
    ...(config.credentials ? { credentials: config.credentials } : {}),
    // Many S3-compatible servers do not know the SDK's newer default checksums (CRC32
    // trailers); requests without them work everywhere.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const checked = (key: string) => {
    assertStorageKey(key);
    return key;
  };
  return {
    driver: 's3',
    async put(key, body, options) {
      // Buffered so the request has a Content-Length (a plain PutObject needs one); callers
      // store bounded files (uploads are size-limited before they get here).
      const bytes = await toBuffer(body);
      await client.send(
        new PutObjectCommand({
          Bucket: config.bucket,
          Key: checked(key),
          Body: bytes,
          ContentLength: bytes.length,
          ContentType: options.contentType,
        }),
      );
    },
    async get(key) {
      try {
        const result = await client.send(
          new GetObjectCommand({ Bucket: config.bucket, Key: checked(key) }),
        );
        if (!(result.Body instanceof Readable)) throw new Error('S3 returned no body stream');
        return result.Body;
      } catch (error) {
        const missing =
          error instanceof NoSuchKey ||
          (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404);
        if (missing) throw new AppError('not_found');
        throw error;
      }
    },
    async delete(key) {
      await client.send(new DeleteObjectCommand({ Bucket: config.bucket, Key: checked(key) }));
    },
    close() {
      client.destroy();
    },
  };
}
