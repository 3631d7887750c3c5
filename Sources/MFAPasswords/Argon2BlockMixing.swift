/// Argon2's compression function G (RFC 9106 §3.5) on 1 KiB blocks of 128 words.
///
/// Everything here works on raw pointers into the memory matrix and is inlined
/// into the fill loop: this is where Argon2 spends nearly all of its time.
///
/// `mix(previous:reference:into:xorIntoNext:scratch:saved:)` has one implementation
/// per build mode, and each build compiles only its own:
///
/// - optimised builds (what embedders ship) permute pairs of words as
///   `SIMD2<UInt64>` (`Argon2BlockMixing+SIMD.swift`): 0.8× the CPU time of
///   libargon2's `argon2` tool per hash, where plain `UInt64` code takes 1.2×;
/// - debug builds (`DEBUG`, what `swift test` and the live-server tests run) use
///   plain `UInt64` words (`Argon2BlockMixing+Scalar.swift`): at `-Onone` every
///   `SIMD2` operation is a generic call, 1.9 s per default hash against 0.2 s.
///
/// Neither `@_optimize(speed)` nor `@inline(__always)` changes code generation at
/// `-Onone`, and no single version was fast in both modes (Docs/Performance.md,
/// "Argon2id in debug builds"). The differential tests against the `argon2` tool
/// check the scalar G under `swift test` and the SIMD G under `swift test -c release`;
/// `Benchmarks/argon2-reference.sh` also compares the SIMD G's hash with the tool's.
enum Argon2BlockMixing {
    /// Words in one 1 KiB block.
    static let wordsPerBlock = 128
}
