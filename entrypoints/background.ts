import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { isRequest, type Request, type Responses } from '../lib/messages';

const workerStartedAt = Date.now();

async function handle(request: Request): Promise<Responses[Request['type']]> {
  switch (request.type) {
    case 'ping':
      return { ok: true, version: browser.runtime.getManifest().version, workerStartedAt };
  }
}

export default defineBackground({
  type: 'module',
  main() {
    // MV3: the worker is stopped whenever idle; every listener is registered synchronously here.
    browser.runtime.onMessage.addListener((message: unknown) => {
      if (!isRequest(message)) return undefined;
      return handle(message);
    });
  },
});
