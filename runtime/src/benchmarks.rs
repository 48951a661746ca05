//! The pallets whose weights this runtime benchmarks (`stablecoin-node benchmark pallet`,
//! driven by `scripts/bench-weights.sh`).

frame_benchmarking::define_benchmarks!(
	[pallet_balances, Balances]
	[pallet_identity_claims, IdentityClaims]
	[pallet_oracle, Oracle]
	[pallet_reserves, Reserves]
	[pallet_circuit_breaker, CircuitBreaker]
	[pallet_stablecoin, Stablecoin]
	[pallet_validator_set, ValidatorSet]
);
