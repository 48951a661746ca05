//! USDX issuance and redemption (work in progress).

#![cfg_attr(not(feature = "std"), no_std)]
