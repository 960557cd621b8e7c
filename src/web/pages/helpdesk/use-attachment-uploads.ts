import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/client.js';

/** One file the person added to a ticket or reply, and how its upload goes. */
export interface UploadItem {
  key: string;
  file: File;
  /** An object URL for images, revoked when the file is removed or the form goes away. */
  previewUrl: string | null;
  /** 0..1 while uploading. */
  progress: number;
  state: 'uploading' | 'done' | 'error';
  /** The server's attachment id once uploaded. */
  id?: string;
  /** Why this file was refused, already translated. */
  error?: string;
}

/** Uploads one file, reporting progress; resolves with the new attachment's id. */
export type UploadFile = (
  file: File,
  onProgress: (fraction: number) => void,
  signal: AbortSignal,
) => Promise<{ id: string }>;

/** Checks a file before it is sent (size, count); returns the translated reason or null. */
export type PrecheckFile = (file: File, index: number) => string | null;

let nextKey = 0;

/**
 * The attachments of one form: each file is uploaded as soon as it is added (one request per
 * file, so one refused file does not fail the others), with progress and its own error.
 */
export function useAttachmentUploads(
  upload: UploadFile,
  precheck: PrecheckFile,
  explain: (error: unknown, file: File) => string,
) {
  const [items, setItems] = useState<UploadItem[]>([]);
  const controllers = useRef(new Map<string, AbortController>());
  // The latest items for callbacks that must not change identity on every upload tick.
  const itemsRef = useRef(items);
  useEffect(() => {
    itemsRef.current = items;
  }, [items]);

  const patch = useCallback((key: string, change: Partial<UploadItem>) => {
    setItems((old) => old.map((item) => (item.key === key ? { ...item, ...change } : item)));
  }, []);

  const add = useCallback(
    (files: File[]) => {
      const accepted = itemsRef.current.filter((item) => item.state !== 'error').length;
      const added = files.map((file, index): UploadItem => {
        const reason = precheck(file, accepted + index);
        const key = `upload-${String(++nextKey)}`;
        const previewUrl =
          !reason && file.type.startsWith('image/') ? URL.createObjectURL(file) : null;
        return {
          key,
          file,
          previewUrl,
          progress: 0,
          state: reason ? 'error' : 'uploading',
          ...(reason ? { error: reason } : {}),
        };
      });
      setItems((old) => [...old, ...added]);
      for (const item of added) {
        if (item.state !== 'uploading') continue;
        const controller = new AbortController();
        controllers.current.set(item.key, controller);
        upload(
          item.file,
          (progress) => {
            patch(item.key, { progress });
          },
          controller.signal,
        )
          .then(({ id }) => {
            patch(item.key, { state: 'done', progress: 1, id });
          })
          .catch((error: unknown) => {
            if (controller.signal.aborted) return;
            patch(item.key, { state: 'error', error: explain(error, item.file) });
          })
          .finally(() => controllers.current.delete(item.key));
      }
    },
    [explain, patch, precheck, upload],
  );

  const remove = useCallback((key: string) => {
    controllers.current.get(key)?.abort();
    setItems((old) => {
      const gone = old.find((item) => item.key === key);
      if (gone?.previewUrl) URL.revokeObjectURL(gone.previewUrl);
      return old.filter((item) => item.key !== key);
    });
  }, []);

  const clear = useCallback(() => {
    for (const item of itemsRef.current) if (item.previewUrl) URL.revokeObjectURL(item.previewUrl);
    setItems([]);
  }, []);

  // Leaving the form: stop uploads in flight and free the previews' memory.
  useEffect(() => {
    const inFlight = controllers.current;
    return () => {
      for (const controller of inFlight.values()) controller.abort();
      for (const item of itemsRef.current)
        if (item.previewUrl) URL.revokeObjectURL(item.previewUrl);
    };
  }, []);

  return {
    items,
    add,
    remove,
    clear,
    /** Ids of the uploaded files, in the order they were added. */
    ids: items.flatMap((item) => (item.state === 'done' && item.id ? [item.id] : [])),
    uploading: items.some((item) => item.state === 'uploading'),
    failed: items.some((item) => item.state === 'error'),
  };
}

/** The attachments state a form passes to AttachmentPicker. */
export type AttachmentUploads = ReturnType<typeof useAttachmentUploads>;

/** True when the failure is the server refusing the file (not the network). */
export function isFileRefusal(error: unknown): error is ApiError {
  return (
    error instanceof ApiError &&
    ['file_too_large', 'too_many_files', 'file_type_not_allowed'].includes(error.code)
  );
}
