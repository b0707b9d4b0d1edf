// What the live UI's page and the daemon agree on: where the UI lives, where it calls the API,
// and the header that marks its calls (one no form can send: see live-call-guard.ts).

export const LIVE_UI_DIR = 'ui/';
/** The XML-RPC endpoint the page calls (relative to the page, so a proxy may mount it anywhere). */
export const LIVE_RPC_NAME = 'RPC2';
/** /RPC2's methods, for the live page's requests only. */
export const LIVE_RPC_PATH = `/${LIVE_UI_DIR}${LIVE_RPC_NAME}`;
export const LIVE_UI_HEADER = 'X-Tssupervisor-UI';
