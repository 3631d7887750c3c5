import Foundation
import GRDB

/// One row of the Python prototype's `users` table, as stored there.
public struct PrototypeUser: Sendable, Hashable {
    /// The prototype's integer id, for reports only.
    public var id: Int64
    /// The address as the prototype stored it.
    public var email: String
    /// The display name, if any.
    public var fullName: String?
    /// passlib's bcrypt string (`$2b$12$…`).
    public var hashedPassword: String
    /// pyotp's base32 TOTP secret, used with a 120-second period.
    public var otpSecret: String
    /// Whether the prototype refused this user's sign-ins.
    public var disabled: Bool

    /// Creates a row.
    public init(id: Int64, email: String, fullName: String?, hashedPassword: String, otpSecret: String, disabled: Bool) {
        self.id = id
        self.email = email
        self.fullName = fullName
        self.hashedPassword = hashedPassword
        self.otpSecret = otpSecret
        self.disabled = disabled
    }
}

/// The Python prototype's SQLite file (`twofactor_app.db`), opened read-only:
/// reading it never changes it, even while the prototype still runs.
public struct PrototypeDatabase: Sendable {
    private let queue: DatabaseQueue

    /// Opens the file at `path` read-only.
    ///
    /// - Throws: GRDB's error when the file is missing or not a SQLite database.
    public init(path: String) throws {
        guard FileManager.default.fileExists(atPath: path) else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: path])
        }
        var configuration = Configuration()
        configuration.readonly = true
        queue = try DatabaseQueue(path: path, configuration: configuration)
    }

    /// Every user, in the prototype's id order.
    ///
    /// - Throws: GRDB's error when the `users` table lacks a column the
    ///   prototype had (`id, email, full_name, hashed_password, otp_secret, disabled`).
    public func users() throws -> [PrototypeUser] {
        try queue.read { db in
            try Row.fetchAll(
                db, sql: "SELECT id, email, full_name, hashed_password, otp_secret, disabled FROM users ORDER BY id"
            ).map { row in
                PrototypeUser(
                    id: row["id"], email: row["email"], fullName: row["full_name"],
                    hashedPassword: row["hashed_password"], otpSecret: row["otp_secret"],
                    disabled: (row["disabled"] as Bool?) ?? false
                )
            }
        }
    }
}
