// A wallet's first steps with @polkadot/api against the USDX development chain
// (./scripts/dev.sh): read an account's balance and compliance standing, send USDX and wait
// for finality, and read the named error of a refused transfer.
//
//   npm ci && npx tsx quickstart.ts [WS_URL]
//
// The test command runs it against a fresh development node (node/tests/dev_chain.rs).
import { ApiPromise, Keyring, WsProvider } from "@polkadot/api";
import type { SubmittableExtrinsic } from "@polkadot/api/types";

const api = await ApiPromise.create({ provider: new WsProvider(process.argv[2] ?? "ws://127.0.0.1:9944"), noInitWarn: true });
const keyring = new Keyring({ type: "sr25519", ss58Format: 42 });
const alice = keyring.addFromUri("//Alice");
const USDX = 1_000_000n; // six decimals

// 1. Balance, and what the account may do (the runtime API of the compliance pallet).
const { data } = await api.query.system.account(alice.address);
console.log(`Alice holds ${data.free.toBigInt() / USDX} USDX`);
const standing: any = await api.call.identityClaimsApi.accountStatus(alice.address);
for (const { operation, result } of standing.operations) {
  console.log(`  may ${operation}: ${result.isOk ? "yes" : `no (${result.asErr})`}`);
}

// 2. Send USDX (Stablecoin.transfer: the ledger's raw transfers are refused) and wait for
// finality; 3. a refused transfer's error is named by the chain's metadata.
function send(tx: SubmittableExtrinsic<"promise">): Promise<string> {
  return new Promise((resolve, reject) => {
    tx.signAndSend(alice, ({ status, dispatchError }) => {
      if (!status.isFinalized) return;
      if (!dispatchError) return resolve(`final in block ${status.asFinalized.toHex()}`);
      const { section, name } = api.registry.findMetaError(dispatchError.asModule);
      resolve(`refused: ${section}.${name}`);
    }).catch(reject);
  });
}
const bob = keyring.addFromUri("//Bob").address;
const stranger = keyring.addFromUri("//Two").address; // no verified identity
console.log(`10 USDX to Bob: ${await send(api.tx.stablecoin.transfer(bob, 10n * USDX))}`);
console.log(`5 USDX to an unverified account: ${await send(api.tx.stablecoin.transfer(stranger, 5n * USDX))}`);
await api.disconnect();
