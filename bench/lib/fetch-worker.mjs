/**
 * A worker thread that runs `fetch` for the thread that started it (`startFetchWorker` in
 * worker-fetch.ts), so a bench client's HTTP work (undici, reading the body) stays off the event
 * loop of the server it measures when both live in one process. Plain JavaScript: worker
 * threads do not get the parent's tsx loader.
 */
import { parentPort } from 'node:worker_threads';

parentPort?.on('message', (request) => {
  void fetch(request.url, request.init)
    .then(
      async (response) => ({
        id: request.id,
        status: response.status,
        text: await response.text(),
      }),
      (error) => ({ id: request.id, error: String(error) }),
    )
    .then((reply) => {
      parentPort?.postMessage(reply);
    });
});
