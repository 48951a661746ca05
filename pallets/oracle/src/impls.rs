//! The traits this pallet implements for other pallets.

use crate::*;
use stablecoin_primitives::PriceFeed;

/// The circuit breaker's view of the market: this pallet's aggregates.
impl<T: Config> PriceFeed for Pallet<T> {
	/// The latest aggregate if it is fresh now (see [`Pallet::fresh_observation`]); never an
	/// old price.
	fn fresh_price(key: &PriceKey) -> Option<PriceObservation> {
		Self::fresh_observation(key)
	}

	/// The latest aggregate, fresh or not.
	fn last_price(key: &PriceKey) -> Option<PriceObservation> {
		Aggregates::<T>::get(key).map(|aggregate| aggregate.observation())
	}
}
