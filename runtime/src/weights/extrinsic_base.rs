//! The base weight every extrinsic is charged, net of what its transaction extensions charge
//! themselves.
//!
//! `benchmark overhead` measures [`ExtrinsicBaseWeight`] by timing blocks full of signed
//! `System::remark`s: its figure is the signature check, the dispatch machinery and everything
//! every transaction extension does (nonce, fee, mortality, weight checks...). Since extensions
//! declare their own weights, and `frame_system` charges every transaction its base weight plus
//! those declared weights plus its call's weight, charging the whole measured figure as the base
//! counts the extensions' work twice (an open upstream issue, polkadot-sdk #9981). For a
//! compliant transfer that was about 131 µs of its roughly 690 µs, a fifth of every block's
//! capacity spent on nothing.
//!
//! The runtime's base is therefore the measured figure less the *compute* the extensions of that
//! same remark declare (their benchmarked times without their storage accesses). Their storage
//! reads and writes are not taken off: the overhead benchmark reads one warm account again and
//! again, while each extension is charged for cold database accesses. So every transaction is
//! still charged at least what the overhead benchmark measured for a signed remark, plus the
//! extensions' storage accesses at their database cost: never less than it costs.

use frame_support::weights::Weight;

use super::ExtrinsicBaseWeight;
use crate::Runtime;

/// One transaction extension's declared weight for the overhead benchmark's remark, with the
/// storage reads and writes that weight includes (the counts its weight file states).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExtensionWeight {
	/// The extension's weight function, as its weight file names it.
	pub name: &'static str,
	/// What the extension declares: compute plus its storage accesses at the database's cost.
	pub declared: Weight,
	/// Storage reads included in `declared`.
	pub reads: u64,
	/// Storage writes included in `declared`.
	pub writes: u64,
}

impl ExtensionWeight {
	/// The compute part: the declared weight less its storage accesses.
	pub fn compute(&self) -> Weight {
		let db = <Runtime as frame_system::Config>::DbWeight::get();
		self.declared.saturating_sub(db.reads_writes(self.reads, self.writes))
	}
}

/// The weights the runtime's transaction extensions declare for the transaction the overhead
/// benchmark times: a signed, immortal `System::remark` without tip, as
/// `node/src/benchmarking.rs` builds it. Extensions that declare nothing for it (`AuthorizeCall`,
/// `OperatorPriority`, `PaymentLane`, `CheckMetadataHash`) are not listed; the runtime's tests
/// check that the list adds up to what the whole extension pipeline declares and that the
/// access counts are those of the weight files.
pub fn remark_extension_weights() -> [ExtensionWeight; 10] {
	use crate::weights::{
		frame_system_extensions::WeightInfo as SystemExtensions,
		pallet_stablecoin::WeightInfo as Stablecoin,
		pallet_transaction_payment::WeightInfo as TransactionPayment,
	};
	use frame_system::ExtensionsWeightInfo;
	use pallet_stablecoin::WeightInfo as _;
	use pallet_transaction_payment::WeightInfo as _;
	type System = SystemExtensions<Runtime>;
	let entry = |name, declared, reads, writes| ExtensionWeight { name, declared, reads, writes };
	[
		entry("check_non_zero_sender", System::check_non_zero_sender(), 0, 0),
		entry("check_spec_version", System::check_spec_version(), 0, 0),
		entry("check_tx_version", System::check_tx_version(), 0, 0),
		entry("check_genesis", System::check_genesis(), 0, 0),
		// An immortal transaction's era check charges no proof size (upstream's choice; the
		// genesis hash is read once a block).
		entry(
			"check_mortality_immortal_transaction",
			System::check_mortality_immortal_transaction().set_proof_size(0),
			0,
			0,
		),
		entry("check_nonce", System::check_nonce(), 1, 1),
		entry("check_weight", System::check_weight(), 0, 0),
		entry("refuse_frozen_signer", Stablecoin::<Runtime>::refuse_frozen_signer(), 1, 0),
		entry(
			"charge_transaction_payment",
			TransactionPayment::<Runtime>::charge_transaction_payment(),
			2,
			2,
		),
		entry("weight_reclaim", System::weight_reclaim(), 0, 0),
	]
}

/// The compute, storage accesses left out, that the extensions declare for a signed remark:
/// the part of the measured [`ExtrinsicBaseWeight`] they charge again on their own.
fn remark_extensions_compute() -> Weight {
	remark_extension_weights()
		.iter()
		.fold(Weight::zero(), |sum, extension| sum.saturating_add(extension.compute()))
}

/// The base weight of every extrinsic: [`ExtrinsicBaseWeight`] (measured) less the compute of
/// [`remark_extension_weights`], for every dispatch class.
pub fn extrinsic_base_weight() -> Weight {
	ExtrinsicBaseWeight::get().saturating_sub(remark_extensions_compute())
}

#[cfg(test)]
mod tests {
	use frame_support::dispatch::GetDispatchInfo;
	use sp_runtime::traits::TransactionExtension;

	use super::*;
	use crate::{tx_extension, RuntimeCall};

	fn remark() -> RuntimeCall {
		RuntimeCall::System(frame_system::Call::remark { remark: Default::default() })
	}

	/// The reads and writes a generated weight file states for `function`.
	fn declared_accesses(file: &str, function: &str) -> (u64, u64) {
		let start = file
			.find(&format!("fn {function}() -> Weight {{"))
			.unwrap_or_else(|| panic!("no weight function {function}"));
		let body = &file[start..];
		let body = &body[..body.find("\n\t}").expect("function end")];
		let count = |what: &str| {
			body.find(&format!(".{what}(")).map_or(0, |at| {
				let rest = &body[at + what.len() + 2..];
				rest[..rest.find(')').expect("closing parenthesis")]
					.parse::<u64>()
					.expect("a count")
			})
		};
		(count("reads"), count("writes"))
	}

	#[test]
	fn the_list_is_everything_the_extensions_declare_for_a_remark() {
		let listed = remark_extension_weights()
			.iter()
			.fold(Weight::zero(), |sum, extension| sum.saturating_add(extension.declared));
		assert_eq!(listed, tx_extension(0, 0).weight(&remark()));
	}

	#[test]
	fn the_access_counts_are_those_of_the_weight_files() {
		let files = [
			include_str!("frame_system_extensions.rs"),
			include_str!("pallet_stablecoin.rs"),
			include_str!("pallet_transaction_payment.rs"),
		];
		for extension in remark_extension_weights() {
			let stated = files
				.iter()
				.find(|file| file.contains(&format!("fn {}() -> Weight {{", extension.name)))
				.map(|file| declared_accesses(file, extension.name))
				.unwrap_or_else(|| panic!("{} is in no weight file", extension.name));
			assert_eq!(stated, (extension.reads, extension.writes), "{}", extension.name);
		}
	}

	#[test]
	fn the_base_is_the_measurement_less_the_extensions_compute() {
		let measured = ExtrinsicBaseWeight::get();
		let base = extrinsic_base_weight();
		let compute = remark_extensions_compute();
		// The extensions' compute is a part of the measured figure, not more than all of it:
		// the subtraction did not saturate.
		assert!(compute.ref_time() > 0 && compute.ref_time() < measured.ref_time());
		assert_eq!(base.ref_time(), measured.ref_time() - compute.ref_time());
	}

	#[test]
	fn a_signed_remark_is_charged_at_least_its_measured_cost() {
		// What `frame_system` charges a signed remark: the base, the extensions' declared
		// weights and the call's own.
		let charged = extrinsic_base_weight()
			.saturating_add(tx_extension(0, 0).weight(&remark()))
			.saturating_add(remark().get_dispatch_info().call_weight);
		let db = <Runtime as frame_system::Config>::DbWeight::get();
		// At least the measured cost of the whole signed remark, plus the extensions' storage
		// accesses (four reads, three writes) at their database cost.
		assert!(charged.ref_time() >= ExtrinsicBaseWeight::get().ref_time());
		assert!(
			charged.ref_time()
				>= ExtrinsicBaseWeight::get().ref_time() + db.reads_writes(4, 3).ref_time()
		);
	}
}
