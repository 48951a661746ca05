//! The genesis states the runtime ships: `development` and `local_testnet`.
//!
//! - `development`: one validator (Alice), a one-member council (Alice), funded dev accounts.
//! - `local_testnet`: three validators (Alice, Bob, Charlie), a council of the same three
//!   deciding by two thirds, the same funded accounts.
//!
//! Neither has a sudo key: the council governs both.

use alloc::{vec, vec::Vec};
use frame_support::build_struct_json_patch;
use serde_json::Value;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_genesis_builder::PresetId;
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

use crate::{
	configs::currency::FeeCollectorAccount, AccountId, Balance, BalancesConfig, CouncilConfig,
	RuntimeGenesisConfig, EXISTENTIAL_DEPOSIT, USDX,
};

/// USDX each development account starts with.
pub const DEV_ACCOUNT_BALANCE: Balance = 100_000 * USDX;

/// The dev accounts funded at genesis, in both presets.
pub fn endowed_dev_accounts() -> Vec<AccountId> {
	[
		Sr25519Keyring::Alice,
		Sr25519Keyring::Bob,
		Sr25519Keyring::Charlie,
		Sr25519Keyring::Dave,
		Sr25519Keyring::Eve,
		Sr25519Keyring::Ferdie,
	]
	.into_iter()
	.map(|k| k.to_account_id())
	.collect()
}

/// The Aura and GRANDPA keys of a well-known dev validator.
fn dev_authority(who: Sr25519Keyring) -> (AuraId, GrandpaId) {
	let grandpa = match who {
		Sr25519Keyring::Alice => Ed25519Keyring::Alice,
		Sr25519Keyring::Bob => Ed25519Keyring::Bob,
		Sr25519Keyring::Charlie => Ed25519Keyring::Charlie,
		Sr25519Keyring::Dave => Ed25519Keyring::Dave,
		Sr25519Keyring::Eve => Ed25519Keyring::Eve,
		_ => Ed25519Keyring::Ferdie,
	};
	(who.public().into(), grandpa.public().into())
}

/// Builds a genesis patch from its parts.
fn genesis(
	authorities: Vec<(AuraId, GrandpaId)>,
	council: Vec<AccountId>,
	endowed: Vec<AccountId>,
) -> Value {
	let mut balances: Vec<(AccountId, Balance)> =
		endowed.into_iter().map(|who| (who, DEV_ACCOUNT_BALANCE)).collect();
	// The fee account exists from the start, so that the first fees (which may be below the
	// existential deposit) are credited rather than dropped.
	balances.push((FeeCollectorAccount::get(), EXISTENTIAL_DEPOSIT));

	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig { balances },
		aura: pallet_aura::GenesisConfig {
			authorities: authorities.iter().map(|(aura, _)| aura.clone()).collect::<Vec<_>>(),
		},
		grandpa: pallet_grandpa::GenesisConfig {
			authorities: authorities
				.iter()
				.map(|(_, grandpa)| (grandpa.clone(), 1))
				.collect::<Vec<_>>(),
		},
		council: CouncilConfig { members: council },
	})
}

/// The `development` preset: a single validator and a one-member council, both Alice.
pub fn development_genesis() -> Value {
	genesis(
		vec![dev_authority(Sr25519Keyring::Alice)],
		vec![Sr25519Keyring::Alice.to_account_id()],
		endowed_dev_accounts(),
	)
}

/// The `local_testnet` preset: validators Alice, Bob and Charlie, who also form the council.
pub fn local_testnet_genesis() -> Value {
	let trio = [Sr25519Keyring::Alice, Sr25519Keyring::Bob, Sr25519Keyring::Charlie];
	genesis(
		trio.iter().map(|who| dev_authority(*who)).collect(),
		trio.iter().map(|who| who.to_account_id()).collect(),
		endowed_dev_accounts(),
	)
}

/// The JSON genesis patch of the preset `id`, if the runtime has it.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		sp_genesis_builder::DEV_RUNTIME_PRESET => development_genesis(),
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET => local_testnet_genesis(),
		_ => return None,
	};
	// Serializing a `serde_json::Value` cannot fail.
	serde_json::to_vec(&patch).ok()
}

/// The presets the runtime ships.
pub fn preset_names() -> Vec<PresetId> {
	vec![
		PresetId::from(sp_genesis_builder::DEV_RUNTIME_PRESET),
		PresetId::from(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET),
	]
}
