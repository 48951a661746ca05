//! Peg-deviation levels with hysteresis, volume limits, reserve breaker and emergency pauses for USDX operations. (work in progress).

#![cfg_attr(not(feature = "std"), no_std)]
