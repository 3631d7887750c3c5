import Foundation
import Logging
import MFACore

/// `mfa-server rotate-key`: replaces the current key while servers keep running.
///
/// 1. Writes a new key to the key file as the current one, keeping the old keys.
/// 2. Waits until running servers have picked it up (they check the file at
///    most once a second), so they seal under the new key from then on.
/// 3. Re-seals every value sealed under an older key, pass after pass, until
///    a pass finds nothing left.
/// 4. Rewrites the key file with the new key alone, waits again, and runs a
///    last pass with the old keys still in hand for a value a slow request
///    sealed in between.
///
/// A value that no key opens stops the rotation before step 4: the old keys
/// stay in the file, and the error says how many values are affected.
public struct KeyRotation: Sendable {
    /// The key file.
    public var keyFile: String
    /// The database whose sealed values are re-sealed.
    public var store: any MFAStore
    /// How long servers get to read a rewritten key file.
    public var pickUpTime: Duration = .seconds(2)
    /// Where progress is logged.
    public var logger: Logger

    /// Creates a rotation.
    public init(keyFile: String, store: any MFAStore, logger: Logger) {
        self.keyFile = keyFile
        self.store = store
        self.logger = logger
    }

    /// Runs the rotation.
    ///
    /// - Returns: the new current key's id, in hex.
    /// - Throws: ``KeyRotationError`` or ``SettingError``, or the store's error;
    ///   the key file then still holds every key needed.
    @discardableResult
    public func run() async throws -> String {
        let old = try SecretKeyFile.read(keyFile)
        let rotating = KeyRing(current: .generate(), older: old.keys)
        let newID = rotating.current.id.map { String(format: "%02x", $0) }.joined()
        try SecretKeyFile.save(rotating, to: keyFile)
        logger.notice("New key written; older keys kept until everything is re-sealed", metadata: ["key_id": .string(newID)])
        try await Task.sleep(for: pickUpTime)

        var passes = 0
        while true {
            let report = try await Resealing.pass(over: store, with: rotating)
            passes += 1
            logger.info("Re-seal pass", metadata: [
                "pass": "\(passes)", "resealed": "\(report.resealed)", "changed_meanwhile": "\(report.changedMeanwhile)",
            ])
            if report.unopenable > 0 { throw KeyRotationError.unopenable(report.unopenable) }
            if report.foundNothing { break }
        }
        try SecretKeyFile.save(KeyRing(current: rotating.current), to: keyFile)
        try await Task.sleep(for: pickUpTime)
        let last = try await Resealing.pass(over: store, with: rotating)
        if last.unopenable > 0 { throw KeyRotationError.unopenable(last.unopenable) }
        logger.notice("Key rotated; the old keys are gone from the key file", metadata: [
            "key_id": .string(newID), "resealed_late": "\(last.resealed)",
        ])
        return newID
    }
}

/// Why a key rotation stopped.
public enum KeyRotationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Values that no key in the key file opens; the old keys were kept.
    case unopenable(Int)

    public var description: String {
        switch self {
        case .unopenable(let count):
            "\(count) sealed values open with no key in the key file; the old keys were kept. Restore the key that sealed them, then rotate again."
        }
    }
}
