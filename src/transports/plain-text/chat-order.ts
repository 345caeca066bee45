/**
 * Work per chat, in the order it came: a reply is matched against the options its predecessor
 * showed. Different chats run side by side; `drain` waits for everything taken so far.
 */
export function chatOrder(): { run<T>(chatId: string, work: () => Promise<T>): Promise<T>; drain(): Promise<void> } {
  const chains = new Map<string, Promise<unknown>>();
  const taken = new Set<Promise<unknown>>();
  return {
    run(chatId, work) {
      const previous = chains.get(chatId) ?? Promise.resolve();
      const handled = previous.catch(() => undefined).then(work);
      const settled = handled.catch(() => undefined);
      chains.set(chatId, settled);
      taken.add(settled);
      void settled.then(() => {
        taken.delete(settled);
        if (chains.get(chatId) === settled) chains.delete(chatId);
      });
      return handled;
    },
    async drain() {
      await Promise.all([...taken]);
    },
  };
}
