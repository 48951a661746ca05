//! Reserve attestations by independent attestors, backing figures and the reserve cap that minting cannot pass. (work in progress).

#![cfg_attr(not(feature = "std"), no_std)]
