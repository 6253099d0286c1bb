import type { ProtocolMap } from './protocol';

/**
 * The extension API, looked up when first used, not when the script loads: stage 0 touches
 * no extension API on a page that cannot be about North Korea. Firefox's `browser` and
 * Chrome's `chrome` (MV3) both answer with promises.
 */
const extension = (): typeof chrome =>
  (globalThis as { browser?: typeof chrome }).browser ?? (globalThis as unknown as { chrome: typeof chrome }).chrome;

type Data<K extends keyof ProtocolMap> = Parameters<ProtocolMap[K]>[0];
type Reply<K extends keyof ProtocolMap> = ReturnType<ProtocolMap[K]>;

/**
 * The typed protocol (protocol.ts) for the page pipeline's scripts (stage 0, which runs on
 * every page and must stay a few kilobytes, and the detector, the UI and the panel's code
 * injected after it): the same messages in @webext-core/messaging's own
 * wire format (`{ id, type, data, timestamp }`, answered `{ res }` or `{ err }`), without
 * the library's error serialisation and logging. light-messaging.test.ts checks that the
 * library's listeners answer it and that it answers the library's senders.
 */
export async function sendLight<K extends keyof ProtocolMap>(type: K, data?: Data<K>): Promise<Reply<K>> {
  // The library numbers its messages only to pair the lines of its debug log: these are not logged.
  const message = { id: 0, type, data, timestamp: Date.now() };
  const reply = (await extension().runtime.sendMessage(message)) as { res?: Reply<K>; err?: unknown } | undefined;
  if (!reply || reply.err != null) throw new Error(`${type}: no answer`);
  return reply.res as Reply<K>;
}

/** Answers one message type with what its handler returns (`{ res: undefined }` for nothing). */
export function onLight<K extends keyof ProtocolMap>(
  type: K,
  handler: (data: Data<K>) => Awaited<Reply<K>> | undefined,
): () => void {
  const listener = (message: unknown, _sender: unknown, respond: (reply: unknown) => void) => {
    const m = message as { type?: unknown; timestamp?: unknown; data?: Data<K> } | null;
    if (m?.type !== type || typeof m.timestamp !== 'number') return undefined;
    respond({ res: handler(m.data as Data<K>) });
    // Answered: the browser needs no more (true also keeps polyfilled and fake runtimes,
    // which read only a returned promise or `true`, from answering "no response").
    return true;
  };
  extension().runtime.onMessage.addListener(listener);
  return () => extension().runtime.onMessage.removeListener(listener);
}
