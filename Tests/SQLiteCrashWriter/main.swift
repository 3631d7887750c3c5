import Foundation
import MFACore
import MFASQLite

// Writes accounts to the SQLite file named on the command line, printing the
// id of each one whose write returned, until it is killed. The crash tests
// kill it with SIGKILL mid-write and check every printed account survived.
// An optional second argument runs that many writers at once, so that their
// writes share group commits; each of them also makes a write that fails
// (a link that does not exist) every fifth account, inside those groups.
let store = try SQLiteStore(path: CommandLine.arguments[1])
let writers = CommandLine.arguments.count > 2 ? Int(CommandLine.arguments[2])! : 1
let now = Date()

func writeAccounts(writer: Int) async throws {
    for index in 0... {
        let id = "crash-\(writer)-\(index)"
        let link = LinkRecord(tokenHash: Array(id.utf8), purpose: .createAccount, subject: "registration-\(id)", expiresAt: now + 600)
        try await store.savePendingRegistration(
            PendingRegistration(
                email: "\(id)@example.com", emailKey: "\(id)@example.com", subject: link.subject, fullName: nil,
                passwordHash: "$x$", expiresAt: now + 600
            ),
            link: link,
            mail: QueuedMail(id: id, sealedMessage: [1, 2, 3], notBefore: now, expiresAt: now + 600)
        )
        let account = AccountRecord(
            id: id, email: "\(id)@example.com", emailKey: "\(id)@example.com", fullName: nil, passwordHash: "$x$",
            authenticator: SealedAuthenticator(sealedSecret: [0], algorithm: .sha1, digits: 6, period: 30), createdAt: now
        )
        if index % 5 == 4 {
            do {
                try await store.createAccount(account, recoveryCodeHashes: [], consumingLink: LinkUse(tokenHash: Array("no \(id)".utf8), maxAttempts: 5), now: now)
                fatalError("\(id) was created through a link that does not exist")
            } catch MFAStoreError.linkNotUsable {}
        }
        try await store.createAccount(account, recoveryCodeHashes: [Array(id.utf8)], consumingLink: LinkUse(tokenHash: link.tokenHash, maxAttempts: 5), now: now)
        // Unbuffered, one write(2) per line, so that what is printed is exactly what returned.
        FileHandle.standardOutput.write(Data("\(id)\n".utf8))
    }
}

try await withThrowingTaskGroup(of: Void.self) { group in
    for writer in 0..<writers { group.addTask { try await writeAccounts(writer: writer) } }
    try await group.waitForAll()
}
