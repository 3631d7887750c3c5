/// Re-seals what a store keeps sealed under the current key of a ring: the
/// step of a key rotation that lets older keys go.
///
/// A pass opens every value the current key did not seal (older keys, and
/// boxes from before key ids) and stores it sealed under the current key,
/// each value only if it did not change meanwhile. Servers still running with
/// an older ring may seal a few more values under an older key while a pass
/// runs; rotation repeats passes until one finds nothing to do.
public enum Resealing {
    /// What one pass did.
    public struct Report: Sendable, Hashable {
        /// Values now sealed under the current key.
        public var resealed = 0
        /// Values no key of the ring opens: they stay as they are, and the
        /// keys that might open them must not be dropped.
        public var unopenable = 0
        /// Values that changed or went while the pass ran; the next pass sees them again.
        public var changedMeanwhile = 0

        /// Whether the pass found every value sealed under the current key.
        public var foundNothing: Bool { resealed + unopenable + changedMeanwhile == 0 }
    }

    /// Re-seals every value of `store` that `ring`'s current key did not seal.
    public static func pass(over store: any MFAStore, with ring: KeyRing) async throws -> Report {
        var report = Report()
        for value in try await store.sealedValues(notStartingWith: ring.current.id) {
            guard let plaintext = try? ring.open(value.sealed, for: value.purpose, context: value.context) else {
                report.unopenable += 1
                continue
            }
            let resealed = ring.seal(plaintext, for: value.purpose, context: value.context)
            if try await store.reseal(value, as: resealed) {
                report.resealed += 1
            } else {
                report.changedMeanwhile += 1
            }
        }
        return report
    }
}
