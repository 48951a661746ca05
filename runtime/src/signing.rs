//! Building signed transactions for this runtime, for tools and tests that run next to a node
//! (the node's end-to-end tests, the latency benchmark, the runtime's own tests).
//!
//! Only available with `std`: the runtime itself never signs anything.

use codec::Encode;
use sp_core::{sr25519, Pair, H256};
use sp_runtime::generic::Era;

use crate::{
	Address, Nonce, Runtime, RuntimeCall, Signature, SignedPayload, TxExtension,
	UncheckedExtrinsic, VERSION,
};

/// The transaction extensions of an immortal transaction with the given `nonce` and `tip`.
pub fn tx_extension(nonce: Nonce, tip: crate::Balance) -> TxExtension {
	(
		frame_system::AuthorizeCall::<Runtime>::new(),
		frame_system::CheckNonZeroSender::<Runtime>::new(),
		frame_system::CheckSpecVersion::<Runtime>::new(),
		frame_system::CheckTxVersion::<Runtime>::new(),
		frame_system::CheckGenesis::<Runtime>::new(),
		frame_system::CheckEra::<Runtime>::from(Era::Immortal),
		frame_system::CheckNonce::<Runtime>::from(nonce),
		frame_system::CheckWeight::<Runtime>::new(),
		(
			pallet_stablecoin::RefuseFrozenSigner::<Runtime>::new(),
			crate::extensions::OperatorPriority,
			crate::extensions::PaymentLane,
		),
		pallet_transaction_payment::ChargeTransactionPayment::<Runtime>::from(tip).into(),
		frame_metadata_hash_extension::CheckMetadataHash::<Runtime>::new(false),
		frame_system::WeightReclaim::<Runtime>::new(),
	)
}

/// Signs `call` as `signer` with `nonce` for the chain whose genesis block hash is
/// `genesis_hash`, as an immortal transaction without tip, for this runtime's version.
pub fn sign_call(
	call: RuntimeCall,
	signer: &sr25519::Pair,
	nonce: Nonce,
	genesis_hash: H256,
) -> UncheckedExtrinsic {
	sign_call_with_tip(call, signer, nonce, genesis_hash, 0)
}

/// As [`sign_call`], with a `tip` for the block author (in smallest units).
pub fn sign_call_with_tip(
	call: RuntimeCall,
	signer: &sr25519::Pair,
	nonce: Nonce,
	genesis_hash: H256,
	tip: crate::Balance,
) -> UncheckedExtrinsic {
	let extension = tx_extension(nonce, tip);
	// What the extensions add to the signed payload without being part of the transaction:
	// versions, the genesis hash (twice: for the genesis check and for the immortal era) and
	// no metadata hash.
	let implicit = (
		(),
		(),
		VERSION.spec_version,
		VERSION.transaction_version,
		genesis_hash,
		genesis_hash,
		(),
		(),
		((), (), ()),
		(),
		None,
		(),
	);
	let payload = SignedPayload::from_raw(call.clone(), extension.clone(), implicit);
	let signature = payload.using_encoded(|bytes| signer.sign(bytes));
	let address = Address::Id(signer.public().into());
	UncheckedExtrinsic::new_signed(call, address, Signature::Sr25519(signature), extension)
}
