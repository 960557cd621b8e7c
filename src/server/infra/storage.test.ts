import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveStorageConfig } from './storage-config.js';
import { createLocalStorage, createS3Storage, type FileStorage } from './storage.js';

/** The behaviour both drivers promise. */
function behavesLikeStorage(name: string, open: () => FileStorage) {
  describe(name, () => {
    it('stores a buffer and a stream and reads them back', async () => {
      const storage = open();
      await storage.put('recovery/org-1/a.pdf', Buffer.from('первый'), {
        contentType: 'application/pdf',
      });
      await storage.put(
        'recovery/org-1/b.png',
        Readable.from([Buffer.from('вто'), Buffer.from('рой')]),
        {
          contentType: 'image/png',
        },
      );
      expect(await text(await storage.get('recovery/org-1/a.pdf'))).toBe('первый');
      expect(await text(await storage.get('recovery/org-1/b.png'))).toBe('второй');
    });

    it('replaces a file stored under the same key', async () => {
      const storage = open();
      await storage.put('k/replace', Buffer.from('old'), { contentType: 'text/plain' });
      await storage.put('k/replace', Buffer.from('new'), { contentType: 'text/plain' });
      expect(await text(await storage.get('k/replace'))).toBe('new');
    });

    it('deletes a file, and deleting a missing one is fine', async () => {
      const storage = open();
      await storage.put('k/gone', Buffer.from('x'), { contentType: 'text/plain' });
      await storage.delete('k/gone');
      await expect(storage.get('k/gone')).rejects.toMatchObject({ code: 'not_found' });
      await storage.delete('k/gone');
    });

    it('refuses keys that could escape the storage root', async () => {
      const storage = open();
      for (const key of [
        '../etc/passwd',
        '/abs',
        'a/../../b',
        'a//b',
        '.hidden',
        'a/./b',
        'a\\b',
        '',
      ])
        await expect(
          storage.put(key, Buffer.from('x'), { contentType: 'text/plain' }),
        ).rejects.toThrow(/invalid storage key/);
    });
  });
}

describe('local storage', () => {
  let root: string;
  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'kabinet-storage-'));
  });
  afterAll(() => {
    fs.rmSync(root, { recursive: true, force: true });
  });

  behavesLikeStorage('local driver', () => createLocalStorage(path.join(root, 'files')));

  it('keeps files inside the root, private to the server account, with no partial leftovers', async () => {
    const storage = createLocalStorage(path.join(root, 'files'));
    await storage.put('x/y/z.bin', Buffer.from('data'), {
      contentType: 'application/octet-stream',
    });
    const file = path.join(root, 'files', 'x', 'y', 'z.bin');
    expect(fs.readFileSync(file, 'utf8')).toBe('data');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['z.bin']);
  });

  it('removes the partial file when the incoming stream fails', async () => {
    const storage = createLocalStorage(path.join(root, 'files'));
    const failing = new Readable({
      read() {
        this.push(Buffer.from('start'));
        this.destroy(new Error('connection lost'));
      },
    });
    await expect(
      storage.put('broken/file', failing, { contentType: 'application/pdf' }),
    ).rejects.toThrow('connection lost');
    expect(fs.readdirSync(path.join(root, 'files', 'broken'))).toEqual([]);
  });
});

/** A stand-in of the S3 API: path-style PutObject, GetObject and DeleteObject, signed requests only. */
async function startFakeS3() {
  const objects = new Map<string, { body: Buffer; contentType: string }>();
  const requests: string[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const key = decodeURIComponent(new URL(request.url ?? '/', 'http://s3').pathname);
      requests.push(`${request.method} ${key}`);
      if (!request.headers.authorization?.startsWith('AWS4-HMAC-SHA256 Credential=test-key/')) {
        response.writeHead(403, { 'content-type': 'application/xml' });
        response.end('<Error><Code>AccessDenied</Code><Message>no</Message></Error>');
        return;
      }
      if (request.method === 'PUT') {
        objects.set(key, {
          body: Buffer.concat(chunks),
          contentType: request.headers['content-type'] ?? '',
        });
        response.writeHead(200, { etag: '"1"' });
        response.end();
      } else if (request.method === 'GET') {
        const object = objects.get(key);
        if (!object) {
          response.writeHead(404, { 'content-type': 'application/xml' });
          response.end('<Error><Code>NoSuchKey</Code><Message>missing</Message></Error>');
          return;
        }
        response.writeHead(200, {
          'content-type': object.contentType,
          'content-length': object.body.length,
        });
        response.end(object.body);
      } else if (request.method === 'DELETE') {
        objects.delete(key);
        response.writeHead(204);
        response.end();
      } else {
        response.writeHead(405);
        response.end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://test-key:test%2Fsecret@127.0.0.1:${port}/kabinet-files?region=ru-central1`,
    objects,
    requests,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

describe('S3 storage against a local stand-in of the S3 API', () => {
  let fake: Awaited<ReturnType<typeof startFakeS3>>;
  const opened: FileStorage[] = [];
  beforeAll(async () => {
    fake = await startFakeS3();
  });
  afterAll(async () => {
    for (const storage of opened) storage.close();
    await fake.close();
  });

  const open = () => {
    const config = resolveStorageConfig({ S3_URL: fake.url }, '/unused');
    if (config.driver !== 's3') throw new Error('expected the S3 driver');
    const storage = createS3Storage(config);
    opened.push(storage);
    return storage;
  };

  behavesLikeStorage('s3 driver', open);

  it('addresses objects path-style in the bucket and stores the content type', async () => {
    await open().put('recovery/o/doc', Buffer.from('%PDF-1.7'), { contentType: 'application/pdf' });
    expect(fake.requests).toContain('PUT /kabinet-files/recovery/o/doc');
    expect(fake.objects.get('/kabinet-files/recovery/o/doc')?.contentType).toBe('application/pdf');
  });
});

describe('storage configuration', () => {
  it('uses the data folder when no S3 variable is set', () => {
    expect(resolveStorageConfig({}, '/srv/kabinet')).toEqual({
      driver: 'local',
      dir: path.join('/srv/kabinet', 'files'),
    });
  });

  it('reads endpoint, bucket, keys and region from S3_URL', () => {
    expect(
      resolveStorageConfig(
        { S3_URL: 'https://AK:S%2Fk@storage.yandexcloud.net/docs?region=ru-central1' },
        '/d',
      ),
    ).toEqual({
      driver: 's3',
      bucket: 'docs',
      region: 'ru-central1',
      endpoint: 'https://storage.yandexcloud.net',
      credentials: { accessKeyId: 'AK', secretAccessKey: 'S/k' },
    });
  });

  it('lets separate variables override S3_URL and defaults the region', () => {
    expect(
      resolveStorageConfig(
        {
          S3_ENDPOINT: 'http://minio:9000',
          S3_BUCKET: 'b',
          S3_ACCESS_KEY_ID: 'a',
          S3_SECRET_ACCESS_KEY: 's',
        },
        '/d',
      ),
    ).toMatchObject({
      driver: 's3',
      bucket: 'b',
      region: 'us-east-1',
      endpoint: 'http://minio:9000',
    });
  });

  it('refuses incomplete S3 settings with the variable named', () => {
    expect(() => resolveStorageConfig({ S3_ENDPOINT: 'http://minio:9000' }, '/d')).toThrow(
      /S3_BUCKET/,
    );
    expect(() => resolveStorageConfig({ S3_BUCKET: 'b', S3_ACCESS_KEY_ID: 'a' }, '/d')).toThrow(
      /S3_SECRET_ACCESS_KEY/,
    );
    expect(() => resolveStorageConfig({ S3_URL: 'ftp://x/b' }, '/d')).toThrow(/S3_URL/);
    expect(() => resolveStorageConfig({ S3_URL: 'https://host' }, '/d')).toThrow(/bucket/);
  });
});
