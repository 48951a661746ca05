// Runs a network operation of `network_ops` (node/examples/network_ops.rs) from a zombienet
// test line:
//
//   alice: js-script ./ops.js with "progress,nodes={alice}+{bob},seconds=20" within 60 seconds
//
// `{name}` becomes the WebSocket URL of the node `name`, `{tmp}` the network's folder and
// `{spec}` its chain spec. Two forms run an operation alongside the next lines of the test:
// `background,<label>,<command>,...` starts it and returns at once; `wait,<label>` waits for
// it and fails as it failed. The program's output goes to the test's output.
const { spawn } = require("child_process");

const running = (globalThis.usdxBackgroundOps = globalThis.usdxBackgroundOps || {});

function resolve(networkInfo, arg) {
  return arg.trim().replace(/\{([a-z0-9-]+)\}/g, (_, name) => {
    if (name === "tmp") return networkInfo.tmpDir;
    if (name === "spec") return networkInfo.chainSpecPath;
    const node = networkInfo.nodesByName[name];
    if (!node) throw new Error(`ops.js: no node named ${name}`);
    return node.wsUri;
  });
}

function launch(args) {
  const program = process.env.USDX_NETWORK_OPS;
  if (!program) throw new Error("ops.js: USDX_NETWORK_OPS is not set (scripts/zombienet.sh sets it)");
  return new Promise((done, failed) => {
    const child = spawn(program, args, { stdio: ["ignore", "inherit", "inherit"] });
    child.on("error", failed);
    child.on("exit", (code) =>
      code === 0 ? done(0) : failed(new Error(`network_ops ${args[0]} failed (exit code ${code})`)),
    );
  });
}

async function run(_nodeName, networkInfo, args) {
  const resolved = args.map((arg) => resolve(networkInfo, arg));
  if (resolved[0] === "background") {
    const [, label, ...command] = resolved;
    const operation = launch(command);
    // Kept until `wait` asks for it; a failure is reported there, not as an unhandled rejection.
    operation.catch(() => {});
    running[label] = operation;
    return 0;
  }
  if (resolved[0] === "wait") {
    const operation = running[resolved[1]];
    if (!operation) throw new Error(`ops.js: nothing runs under the label ${resolved[1]}`);
    delete running[resolved[1]];
    return operation;
  }
  return launch(resolved);
}

module.exports = { run };
