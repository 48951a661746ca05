//! The runtime APIs: what the node, wallets and tools may ask of the runtime.

use alloc::vec::Vec;
use frame_support::{
	genesis_builder_helper::{build_state, get_preset},
	weights::Weight,
};
use sp_api::impl_runtime_apis;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_core::{crypto::KeyTypeId, OpaqueMetadata};
use sp_runtime::{
	traits::{Block as BlockT, NumberFor},
	transaction_validity::{TransactionSource, TransactionValidity},
	ApplyExtrinsicResult,
};
use sp_version::RuntimeVersion;
use stablecoin_primitives::{FixedU128, GuardedOperation, PriceKey};

use super::{
	AccountId, Aura, Balance, Block, CircuitBreaker, Executive, Grandpa, IdentityClaims,
	InherentDataExt, Nonce, Oracle, Reserves, Runtime, RuntimeCall, RuntimeGenesisConfig,
	SessionKeys, Stablecoin, System, TransactionPayment, VERSION,
};

impl_runtime_apis! {
	impl sp_api::Core<Block> for Runtime {
		fn version() -> RuntimeVersion {
			VERSION
		}

		fn execute_block(block: <Block as BlockT>::LazyBlock) {
			Executive::execute_block(block);
		}

		fn initialize_block(header: &<Block as BlockT>::Header) -> sp_runtime::ExtrinsicInclusionMode {
			Executive::initialize_block(header)
		}
	}

	impl sp_api::Metadata<Block> for Runtime {
		fn metadata() -> OpaqueMetadata {
			OpaqueMetadata::new(Runtime::metadata().into())
		}

		fn metadata_at_version(version: u32) -> Option<OpaqueMetadata> {
			Runtime::metadata_at_version(version)
		}

		fn metadata_versions() -> Vec<u32> {
			Runtime::metadata_versions()
		}
	}

	impl frame_support::view_functions::runtime_api::RuntimeViewFunction<Block> for Runtime {
		fn execute_view_function(
			id: frame_support::view_functions::ViewFunctionId,
			input: Vec<u8>,
		) -> Result<Vec<u8>, frame_support::view_functions::ViewFunctionDispatchError> {
			Runtime::execute_view_function(id, input)
		}
	}

	impl sp_block_builder::BlockBuilder<Block> for Runtime {
		fn apply_extrinsic(extrinsic: <Block as BlockT>::Extrinsic) -> ApplyExtrinsicResult {
			Executive::apply_extrinsic(extrinsic)
		}

		fn finalize_block() -> <Block as BlockT>::Header {
			Executive::finalize_block()
		}

		fn inherent_extrinsics(data: sp_inherents::InherentData) -> Vec<<Block as BlockT>::Extrinsic> {
			data.create_extrinsics()
		}

		fn check_inherents(
			block: <Block as BlockT>::LazyBlock,
			data: sp_inherents::InherentData,
		) -> sp_inherents::CheckInherentsResult {
			data.check_extrinsics(&block)
		}
	}

	impl sp_transaction_pool::runtime_api::TaggedTransactionQueue<Block> for Runtime {
		fn validate_transaction(
			source: TransactionSource,
			tx: <Block as BlockT>::Extrinsic,
			block_hash: <Block as BlockT>::Hash,
		) -> TransactionValidity {
			Executive::validate_transaction(source, tx, block_hash)
		}
	}

	impl sp_offchain::OffchainWorkerApi<Block> for Runtime {
		fn offchain_worker(header: &<Block as BlockT>::Header) {
			Executive::offchain_worker(header)
		}
	}

	impl sp_consensus_aura::AuraApi<Block, AuraId> for Runtime {
		fn slot_duration() -> sp_consensus_aura::SlotDuration {
			sp_consensus_aura::SlotDuration::from_millis(Aura::slot_duration())
		}

		fn authorities() -> Vec<AuraId> {
			pallet_aura::Authorities::<Runtime>::get().into_inner()
		}
	}

	impl sp_session::SessionKeys<Block> for Runtime {
		fn generate_session_keys(
			owner: Vec<u8>,
			seed: Option<Vec<u8>>,
		) -> sp_session::OpaqueGeneratedSessionKeys {
			SessionKeys::generate(&owner, seed).into()
		}

		fn decode_session_keys(encoded: Vec<u8>) -> Option<Vec<(Vec<u8>, KeyTypeId)>> {
			SessionKeys::decode_into_raw_public_keys(&encoded)
		}
	}

	impl sp_consensus_grandpa::GrandpaApi<Block> for Runtime {
		fn grandpa_authorities() -> sp_consensus_grandpa::AuthorityList {
			Grandpa::grandpa_authorities()
		}

		fn current_set_id() -> sp_consensus_grandpa::SetId {
			Grandpa::current_set_id()
		}

		fn submit_report_equivocation_unsigned_extrinsic(
			_equivocation_proof: sp_consensus_grandpa::EquivocationProof<
				<Block as BlockT>::Hash,
				NumberFor<Block>,
			>,
			_key_owner_proof: sp_consensus_grandpa::OpaqueKeyOwnershipProof,
		) -> Option<()> {
			// Without sessions there is no key-ownership proof to check a report against.
			None
		}

		fn generate_key_ownership_proof(
			_set_id: sp_consensus_grandpa::SetId,
			_authority_id: sp_consensus_grandpa::AuthorityId,
		) -> Option<sp_consensus_grandpa::OpaqueKeyOwnershipProof> {
			None
		}
	}

	impl frame_system_rpc_runtime_api::AccountNonceApi<Block, AccountId, Nonce> for Runtime {
		fn account_nonce(account: AccountId) -> Nonce {
			System::account_nonce(account)
		}
	}

	impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentApi<Block, Balance> for Runtime {
		fn query_info(
			uxt: <Block as BlockT>::Extrinsic,
			len: u32,
		) -> pallet_transaction_payment_rpc_runtime_api::RuntimeDispatchInfo<Balance> {
			TransactionPayment::query_info(uxt, len)
		}

		fn query_fee_details(
			uxt: <Block as BlockT>::Extrinsic,
			len: u32,
		) -> pallet_transaction_payment::FeeDetails<Balance> {
			TransactionPayment::query_fee_details(uxt, len)
		}

		fn query_weight_to_fee(weight: Weight) -> Balance {
			TransactionPayment::weight_to_fee(weight)
		}

		fn query_length_to_fee(length: u32) -> Balance {
			TransactionPayment::length_to_fee(length)
		}
	}

	impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentCallApi<Block, Balance, RuntimeCall>
		for Runtime
	{
		fn query_call_info(
			call: RuntimeCall,
			len: u32,
		) -> pallet_transaction_payment::RuntimeDispatchInfo<Balance> {
			TransactionPayment::query_call_info(call, len)
		}

		fn query_call_fee_details(
			call: RuntimeCall,
			len: u32,
		) -> pallet_transaction_payment::FeeDetails<Balance> {
			TransactionPayment::query_call_fee_details(call, len)
		}

		fn query_weight_to_fee(weight: Weight) -> Balance {
			TransactionPayment::weight_to_fee(weight)
		}

		fn query_length_to_fee(length: u32) -> Balance {
			TransactionPayment::length_to_fee(length)
		}
	}

	#[api_version(2)]
	impl pallet_identity_claims::runtime_api::IdentityClaimsApi<Block, AccountId> for Runtime {
		fn identity_of(
			who: AccountId,
		) -> Option<pallet_identity_claims::IdentityView<AccountId>> {
			IdentityClaims::identity_of(&who)
		}

		fn valid_claims(who: AccountId) -> Vec<pallet_identity_claims::ClaimView<AccountId>> {
			IdentityClaims::valid_claims_of(&who)
		}

		fn check(
			who: AccountId,
			operation: stablecoin_primitives::Operation,
		) -> Result<(), stablecoin_primitives::ComplianceError> {
			IdentityClaims::check_operation(&who, operation)
		}

		fn account_status(who: AccountId) -> pallet_identity_claims::AccountStatus<AccountId> {
			IdentityClaims::account_status(&who)
		}

		fn jurisdiction_rules(
			jurisdiction: stablecoin_primitives::CountryCode,
		) -> Vec<pallet_identity_claims::JurisdictionRuleView> {
			IdentityClaims::jurisdiction_rules_of(jurisdiction)
		}
	}

	impl pallet_stablecoin::runtime_api::StablecoinApi<Block, AccountId, Balance> for Runtime {
		fn supply() -> pallet_stablecoin::SupplyReport<Balance> {
			Stablecoin::supply_report()
		}

		fn mint_request(
			id: pallet_stablecoin::MintId,
		) -> Option<pallet_stablecoin::MintRequest<AccountId, Balance>> {
			pallet_stablecoin::MintRequests::<Runtime>::get(id)
		}

		fn redemption(
			id: pallet_stablecoin::RedemptionId,
		) -> Option<pallet_stablecoin::Redemption<AccountId, Balance>> {
			pallet_stablecoin::Redemptions::<Runtime>::get(id)
		}

		fn redemption_queue(
		) -> Vec<(pallet_stablecoin::RedemptionId, pallet_stablecoin::Redemption<AccountId, Balance>)> {
			Stablecoin::redemption_queue()
		}

		fn redemptions_page(
			after: Option<pallet_stablecoin::RedemptionId>,
			limit: u32,
		) -> Vec<(pallet_stablecoin::RedemptionId, pallet_stablecoin::Redemption<AccountId, Balance>)> {
			Stablecoin::redemptions_page(after, limit)
		}

		fn overdue_redemptions(
		) -> Vec<(pallet_stablecoin::RedemptionId, pallet_stablecoin::Redemption<AccountId, Balance>)> {
			Stablecoin::overdue_redemptions()
		}

		fn awaiting_authorization(
		) -> Vec<(pallet_stablecoin::MintId, pallet_stablecoin::MintRequest<AccountId, Balance>)> {
			Stablecoin::awaiting_authorization()
		}

		fn account_status(who: AccountId) -> pallet_stablecoin::AccountStatus<Balance> {
			Stablecoin::account_status(&who)
		}

		fn parameters() -> pallet_stablecoin::Parameters<Balance> {
			pallet_stablecoin::Params::<Runtime>::get()
		}

		fn renounced_powers(
		) -> Vec<(pallet_stablecoin::Power, pallet_stablecoin::RenunciationRecord<Balance>)> {
			Stablecoin::renounced_powers()
		}

		fn holder_claim(who: AccountId) -> pallet_stablecoin::HolderClaim<Balance> {
			Stablecoin::holder_claim(&who)
		}

		fn holidays(year: u16) -> Vec<pallet_stablecoin::HolidayDate> {
			pallet_stablecoin::Holidays::<Runtime>::get(year).into_inner()
		}

		fn frozen_accounts() -> Vec<(AccountId, pallet_stablecoin::FreezeView)> {
			Stablecoin::frozen_accounts()
		}

		fn frozen_identities() -> Vec<stablecoin_primitives::IdentityId> {
			Stablecoin::frozen_identities()
		}

		fn travel_rule() -> pallet_stablecoin::TravelRuleSettings<Balance> {
			pallet_stablecoin::TravelRule::<Runtime>::get()
		}

		fn travel_rule_records(
			after: Option<u64>,
			limit: u32,
		) -> Vec<(u64, pallet_stablecoin::TravelRuleEntry<AccountId, Balance>)> {
			Stablecoin::travel_rule_records(after, limit)
		}

		fn redemption_due_time(requested_at: pallet_stablecoin::Moment) -> pallet_stablecoin::Moment {
			Stablecoin::due_time(
				requested_at,
				pallet_stablecoin::Params::<Runtime>::get().settlement_days,
			)
		}
	}

	impl pallet_oracle::runtime_api::OracleApi<Block, AccountId> for Runtime {
		fn price_state(key: PriceKey) -> Option<pallet_oracle::PriceState<AccountId>> {
			Oracle::price_state(key)
		}

		fn price_history(key: PriceKey) -> Vec<stablecoin_primitives::PriceObservation> {
			Oracle::price_history(key)
		}

		fn twap(key: PriceKey) -> Option<FixedU128> {
			Oracle::twap(key)
		}

		fn price_keys() -> Vec<(PriceKey, pallet_oracle::PriceKeyParams)> {
			Oracle::price_keys()
		}

		fn feeder_health() -> Vec<(AccountId, pallet_oracle::FeederHealth)> {
			Oracle::feeder_health()
		}
	}

	impl pallet_reserves::runtime_api::ReservesApi<Block, AccountId, Balance> for Runtime {
		fn figures() -> Option<pallet_reserves::ReserveFigures<Balance>> {
			Reserves::figures()
		}

		fn status() -> stablecoin_primitives::ReserveStatus {
			Reserves::current_status()
		}

		fn effective_attestation() -> Option<pallet_reserves::AttestationRecordView<AccountId, Balance>> {
			Reserves::effective_attestation()
		}

		fn attestation_history() -> Vec<pallet_reserves::AttestationRecordView<AccountId, Balance>> {
			Reserves::attestation_history()
		}

		fn pending_reports() -> Vec<pallet_reserves::PendingReportView<AccountId, Balance>> {
			Reserves::pending_reports()
		}

		fn attestors() -> Vec<AccountId> {
			Reserves::attestors()
		}

		fn parameters() -> pallet_reserves::ReserveParameters {
			Reserves::parameters()
		}
	}

	impl pallet_circuit_breaker::runtime_api::CircuitBreakerApi<Block, Balance> for Runtime {
		fn level() -> pallet_circuit_breaker::LevelView {
			CircuitBreaker::level_view()
		}

		fn parameters() -> pallet_circuit_breaker::ParametersView<Balance> {
			CircuitBreaker::parameters_view()
		}

		fn active_pauses() -> Vec<pallet_circuit_breaker::PauseView> {
			CircuitBreaker::active_pauses()
		}

		fn remaining_volume(
			operation: GuardedOperation,
		) -> pallet_circuit_breaker::RemainingVolume<Balance> {
			CircuitBreaker::remaining_volume(operation)
		}

		fn check(
			operation: GuardedOperation,
			amount: Balance,
		) -> Result<(), pallet_circuit_breaker::Refusal> {
			CircuitBreaker::check(operation, amount)
		}

		fn wind_down() -> Option<pallet_circuit_breaker::WindDownView> {
			CircuitBreaker::wind_down_view()
		}

		fn reserve_quality_policy() -> pallet_circuit_breaker::ReserveQualityPolicy {
			pallet_circuit_breaker::QualityPolicy::<Runtime>::get()
		}
	}

	impl sp_genesis_builder::GenesisBuilder<Block> for Runtime {
		fn build_state(config: Vec<u8>) -> sp_genesis_builder::Result {
			build_state::<RuntimeGenesisConfig>(config)
		}

		fn get_preset(id: &Option<sp_genesis_builder::PresetId>) -> Option<Vec<u8>> {
			get_preset::<RuntimeGenesisConfig>(id, crate::genesis_config_presets::get_preset)
		}

		fn preset_names() -> Vec<sp_genesis_builder::PresetId> {
			crate::genesis_config_presets::preset_names()
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	impl frame_benchmarking::Benchmark<Block> for Runtime {
		fn benchmark_metadata(extra: bool) -> (
			Vec<frame_benchmarking::BenchmarkList>,
			Vec<frame_support::traits::StorageInfo>,
		) {
			use frame_benchmarking::BenchmarkList;
			use frame_support::traits::StorageInfoTrait;
			use super::*;
			use crate::benchmarks::{
				SessionBench, SystemBench, SystemExtensionsBench, TxPauseBench, WhitelistBench,
			};

			let mut list = Vec::<BenchmarkList>::new();
			list_benchmarks!(list, extra);
			(list, AllPalletsWithSystem::storage_info())
		}

		#[allow(non_local_definitions)]
		fn dispatch_benchmark(
			config: frame_benchmarking::BenchmarkConfig,
		) -> Result<Vec<frame_benchmarking::BenchmarkBatch>, alloc::string::String> {
			use frame_benchmarking::BenchmarkBatch;
			use frame_support::traits::WhitelistedStorageKeys;
			use sp_storage::TrackedStorageKey;
			use super::*;
			use crate::benchmarks::{
				SessionBench, SystemBench, SystemExtensionsBench, TxPauseBench, WhitelistBench,
			};

			let whitelist: Vec<TrackedStorageKey> = AllPalletsWithSystem::whitelisted_storage_keys();
			let mut batches = Vec::<BenchmarkBatch>::new();
			let params = (&config, &whitelist);
			add_benchmarks!(params, batches);
			Ok(batches)
		}
	}

	// Only the off-chain `try-runtime` tool calls these; a failed check must stop it loudly,
	// which is why they panic instead of returning a default.
	#[cfg(feature = "try-runtime")]
	impl frame_try_runtime::TryRuntime<Block> for Runtime {
		fn on_runtime_upgrade(checks: frame_try_runtime::UpgradeCheckSelect) -> (Weight, Weight) {
			let weight = Executive::try_runtime_upgrade(checks)
				.expect("try-runtime: the runtime upgrade checks failed");
			(weight, super::configs::RuntimeBlockWeights::get().max_block)
		}

		fn execute_block(
			block: <Block as BlockT>::LazyBlock,
			state_root_check: bool,
			signature_check: bool,
			select: frame_try_runtime::TryStateSelect,
		) -> Weight {
			Executive::try_execute_block(block, state_root_check, signature_check, select)
				.expect("try-runtime: executing the block failed")
		}
	}
}
