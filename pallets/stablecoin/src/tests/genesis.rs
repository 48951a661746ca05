//! Genesis, supply reporting and the read helpers.

use crate::{mock::*, *};
use frame_support::assert_ok;
use stablecoin_primitives::Supply;

#[test]
fn genesis_counts_existing_supply_and_freezes() {
	ExtBuilder::default().frozen(BOB).allowance(5 * USD).build_and_execute(|| {
		let genesis = (30_000 + 1 + 1_000) * USD;
		assert_eq!(GenesisSupply::<Test>::get(), genesis);
		assert_eq!(Allowance::<Test>::get(), 5 * USD);
		assert_eq!(TotalAuthorized::<Test>::get(), 5 * USD);
		assert!(Stablecoin::is_frozen(&BOB));
		assert_eq!(Stablecoin::sanctions_frozen(&BOB), 10_000 * USD);
		assert_eq!(<Stablecoin as Supply<Balance>>::liabilities(), genesis);
	});
}

#[test]
#[should_panic(expected = "genesis parameters are invalid")]
fn genesis_refuses_invalid_parameters() {
	let parameters = ParametersOf::<Test> { settlement_days: 0, ..Default::default() };
	ExtBuilder::default().parameters(parameters).build();
}

#[test]
#[should_panic(expected = "holds funds without a verified identity")]
fn genesis_refuses_funds_outside_compliance() {
	ExtBuilder::default().unverified(CHARLIE).build();
}

#[test]
fn supply_report_adds_up() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Stablecoin::request_mint(signed(ALICE), 5_000 * USD, MintTier::Standard));
		assert_ok!(fund(1, reference(1)));
		assert_ok!(Stablecoin::request_redemption(signed(BOB), 2_000 * USD));
		let report = Stablecoin::supply_report();
		assert_eq!(report.total_minted, 5_000 * USD);
		assert_eq!(report.total_burned, 1_998 * USD);
		assert_eq!(report.fees_collected, 7 * USD);
		assert_eq!(report.pending_redemption, 1_998 * USD);
		assert_eq!(report.authorized_unissued, 995_000 * USD);
		assert_eq!(report.issued_from_allowance, 5_000 * USD);
		assert_eq!(report.circulating, report.genesis_supply + 5_000 * USD - 1_998 * USD);
		// The reserves must still cover the burned tokens whose fiat is owed.
		assert_eq!(
			<Stablecoin as Supply<Balance>>::liabilities(),
			report.circulating + report.pending_redemption
		);
		assert_eq!(Stablecoin::redemption_queue().len(), 1);
		assert!(Stablecoin::awaiting_authorization().is_empty());
		let status = Stablecoin::account_status(&ALICE);
		assert_eq!(status.balance, 14_995 * USD);
		assert_eq!(status.freeze, None);
	});
}
