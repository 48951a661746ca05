//! Feeders, median price aggregation with outlier rejection, staleness and deviation from peg for the USDX chain. (work in progress).

#![cfg_attr(not(feature = "std"), no_std)]
