import Foundation
import MFACore
import MFASQLite

// Writes accounts to the SQLite file named on the command line, printing the
// id of each one whose write returned, until it is killed. The crash test
// kills it with SIGKILL mid-write and checks every printed account survived.
let store = try SQLiteStore(path: CommandLine.arguments[1])
let now = Date()
for index in 0... {
    let id = "crash-\(index)"
    let link = LinkRecord(tokenHash: Array(id.utf8), purpose: .createAccount, subject: "\(id)@example.com", expiresAt: now + 600)
    try await store.savePendingRegistration(
        PendingRegistration(email: "\(id)@example.com", emailKey: "\(id)@example.com", fullName: nil, passwordHash: "$x$", expiresAt: now + 600),
        link: link,
        mail: QueuedMail(id: id, sealedMessage: [1, 2, 3], notBefore: now, expiresAt: now + 600)
    )
    let account = AccountRecord(
        id: id, email: "\(id)@example.com", emailKey: "\(id)@example.com", fullName: nil, passwordHash: "$x$",
        authenticator: SealedAuthenticator(sealedSecret: [0], algorithm: .sha1, digits: 6, period: 30), createdAt: now
    )
    try await store.createAccount(account, recoveryCodeHashes: [Array(id.utf8)], consumingLink: LinkUse(tokenHash: link.tokenHash, maxAttempts: 5), now: now)
    // Unbuffered, so that what is printed is exactly what returned.
    FileHandle.standardOutput.write(Data("\(id)\n".utf8))
}
