/**
 * A minimal JSON-RPC 2.0 client over one browser WebSocket: each request gets an id and a
 * promise, answered when the node's reply with that id arrives. Error answers reject with an
 * {@link RpcError} that keeps the node's code and message (4002 unknown block, 4003 pruned
 * state, ... as docs/rpc.md lists them).
 */

/** An error answer of the node, or a failure of the connection itself (`code` null). */
export class RpcError extends Error {
  constructor(
    /** The method that was called. */
    readonly method: string,
    /** The JSON-RPC error code, or null when the connection (or the answer) failed. */
    readonly code: number | null,
    /** The node's message (or what went wrong with the connection). */
    readonly detail: string,
  ) {
    super(code === null ? detail : `${method}: error ${code}: ${detail}`);
    this.name = "RpcError";
  }
}

/** A request waiting for its answer. */
interface Pending {
  method: string;
  resolve: (value: unknown) => void;
  reject: (error: RpcError) => void;
  timer: ReturnType<typeof setTimeout>;
}

/** The shape of a JSON-RPC answer; notifications (no id) are ignored. */
interface Answer {
  id?: number;
  result?: unknown;
  error?: { code: number; message: string };
}

/** How long one request may take before it fails. */
const REQUEST_TIMEOUT_MS = 60_000;

/** A JSON-RPC client; the connection is opened on first use and again after it closed. */
export class RpcClient {
  private socket: WebSocket | null = null;
  private opening: Promise<WebSocket> | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(readonly url: string) {}

  /** Calls `method` with positional `params` and resolves with the answer's `result`. */
  async call<T>(method: string, params: unknown[] = []): Promise<T> {
    const socket = await this.connect(method);
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new RpcError(method, null, `${method}: no answer within ${REQUEST_TIMEOUT_MS / 1000} s`));
      }, REQUEST_TIMEOUT_MS);
      this.pending.set(id, { method, resolve: (v) => resolve(v as T), reject, timer });
      socket.send(JSON.stringify({ jsonrpc: "2.0", id, method, params }));
    });
  }

  /** Closes the connection; waiting requests fail. */
  close(): void {
    this.socket?.close();
    this.socket = null;
  }

  /** The open socket, opening it if needed. */
  private connect(method: string): Promise<WebSocket> {
    if (this.socket && this.socket.readyState === WebSocket.OPEN) {
      return Promise.resolve(this.socket);
    }
    if (this.opening) return this.opening;
    this.opening = new Promise<WebSocket>((resolve, reject) => {
      let socket: WebSocket;
      try {
        socket = new WebSocket(this.url);
      } catch (e) {
        this.opening = null;
        reject(new RpcError(method, null, `cannot connect to ${this.url}: ${String(e)}`));
        return;
      }
      socket.onopen = () => {
        this.socket = socket;
        this.opening = null;
        resolve(socket);
      };
      socket.onmessage = (event: MessageEvent) => this.receive(event.data);
      socket.onclose = (event: CloseEvent) => {
        const wasOpen = this.socket === socket;
        if (wasOpen) this.socket = null;
        if (this.opening) {
          this.opening = null;
          reject(new RpcError(method, null, `cannot connect to ${this.url} (is the node running?)`));
        }
        this.failAll(`the connection to ${this.url} closed (code ${event.code})`);
      };
      // A failed connection also fires `close`, which reports it.
      socket.onerror = () => undefined;
    });
    return this.opening;
  }

  /** Settles the request an answer belongs to. */
  private receive(data: unknown): void {
    if (typeof data !== "string") return;
    let answers: Answer[];
    try {
      const parsed: unknown = JSON.parse(data);
      answers = (Array.isArray(parsed) ? parsed : [parsed]) as Answer[];
    } catch {
      return;
    }
    for (const answer of answers) {
      if (typeof answer.id !== "number") continue;
      const request = this.pending.get(answer.id);
      if (!request) continue;
      this.pending.delete(answer.id);
      clearTimeout(request.timer);
      if (answer.error) {
        request.reject(new RpcError(request.method, answer.error.code, answer.error.message));
      } else {
        request.resolve(answer.result);
      }
    }
  }

  /** Fails every waiting request, when the connection is lost. */
  private failAll(reason: string): void {
    for (const [id, request] of this.pending) {
      clearTimeout(request.timer);
      request.reject(new RpcError(request.method, null, `${request.method}: ${reason}`));
      this.pending.delete(id);
    }
  }
}
