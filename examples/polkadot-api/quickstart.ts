// A wallet's first steps with polkadot-api against the USDX development chain
// (./scripts/dev.sh), typed by descriptors generated from the chain's own metadata: read an
// account's balance and compliance standing, send USDX and wait for finality, and read the
// named error of a refused transfer.
//
//   npm ci && npx papi add usdx --wsUrl ws://127.0.0.1:9944 && npx tsx quickstart.ts [WS_URL]
//
// polkadot-api uses the global WebSocket of Node.js 22 and later; on Node.js 20, export
// NODE_OPTIONS=--experimental-websocket first.
//
// The test command generates the descriptors from the runtime it built and runs this against
// a fresh development node (node/tests/dev_chain.rs).
import { usdx } from "@polkadot-api/descriptors";
import { sr25519CreateDerive } from "@polkadot-labs/hdkd";
import { DEV_PHRASE, entropyToMiniSecret, mnemonicToEntropy, ss58Address } from "@polkadot-labs/hdkd-helpers";
import { createClient, type TxFinalizedPayload } from "polkadot-api";
import { getPolkadotSigner } from "polkadot-api/signer";
import { getWsProvider } from "polkadot-api/ws";

const client = createClient(getWsProvider(process.argv[2] ?? "ws://127.0.0.1:9944"));
const api = client.getTypedApi(usdx);
const derive = sr25519CreateDerive(entropyToMiniSecret(mnemonicToEntropy(DEV_PHRASE)));
const signer = (path: string) => getPolkadotSigner(derive(path).publicKey, "Sr25519", derive(path).sign);
const address = (path: string) => ss58Address(derive(path).publicKey, 42);
const alice = signer("//Alice");
const USDX = 1_000_000n; // six decimals

// 1. Balance, and what the account may do (the runtime API of the compliance pallet).
const { data } = await api.query.System.Account.getValue(address("//Alice"));
console.log(`Alice holds ${data.free / USDX} USDX`);
const standing = await api.apis.IdentityClaimsApi.account_status(address("//Alice"));
for (const { operation, result } of standing.operations) {
  console.log(`  may ${operation.type}: ${result.success ? "yes" : `no (${result.value.type})`}`);
}

// 2. Send USDX (Stablecoin.transfer: the ledger's raw transfers are refused) and wait for
// finality; 3. a refused transfer's error is named by the chain's metadata.
type Named = { type: string; value?: Named }; // Module → pallet → error → its reason
const outcome = ({ ok, block, dispatchError }: TxFinalizedPayload) => {
  if (ok) return `final in block ${block.hash}`;
  const { type, value } = dispatchError as Named;
  if (type !== "Module" || !value?.value) return `refused: ${type}`;
  return `refused: ${value.type}.${value.value.type}${value.value.value ? ` (${value.value.value.type})` : ""}`;
};
const send = (dest: string, amount: bigint) =>
  api.tx.Stablecoin.transfer({ dest, amount }).signAndSubmit(alice).then(outcome);
console.log(`10 USDX to Bob: ${await send(address("//Bob"), 10n * USDX)}`);
console.log(`5 USDX to an unverified account: ${await send(address("//Two"), 5n * USDX)}`); // no identity
client.destroy();
