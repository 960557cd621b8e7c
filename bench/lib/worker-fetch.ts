import { Worker } from 'node:worker_threads';

export interface FetchRequest {
  id: number;
  url: string;
  init: { method: string; headers: Record<string, string>; body?: string };
}

export interface FetchReply {
  id: number;
  status?: number;
  text?: string;
  error?: string;
}

/** An HTTP client on a thread of its own (bench/lib/fetch-worker.mjs). */
export function startFetchWorker() {
  const worker = new Worker(new URL('./fetch-worker.mjs', import.meta.url));
  const pending = new Map<number, (reply: FetchReply) => void>();
  let nextId = 0;
  worker.on('message', (reply: FetchReply) => {
    pending.get(reply.id)?.(reply);
    pending.delete(reply.id);
  });
  return {
    /** The response's status and body text; throws what `fetch` threw. */
    async fetch(
      url: string,
      init: FetchRequest['init'],
    ): Promise<{ status: number; text: string }> {
      const id = nextId++;
      const reply = await new Promise<FetchReply>((resolve) => {
        pending.set(id, resolve);
        worker.postMessage({ id, url, init } satisfies FetchRequest);
      });
      if (reply.error !== undefined) throw new Error(reply.error);
      return { status: reply.status ?? 0, text: reply.text ?? '' };
    },
    close: () => worker.terminate(),
  };
}
