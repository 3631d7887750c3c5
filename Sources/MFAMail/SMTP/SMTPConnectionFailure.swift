import Synchronization

/// The first error a connection failed with, still readable once the channel
/// and its handlers are gone.
///
/// With implicit TLS the handshake can fail, and the channel close, before the
/// greeting is asked for: the connect future's callbacks may run after the
/// handshake's reply was read under load. The greeting request then fails with
/// "I/O on closed channel"; this keeps the reason (a refused certificate) for it.
final class SMTPConnectionFailure: Sendable {
    private let first = Mutex<(any Error)?>(nil)

    /// Keeps `error` unless an earlier one was kept.
    func record(_ error: any Error) {
        first.withLock { $0 = $0 ?? error }
    }

    /// The error kept, if any.
    var recorded: (any Error)? {
        first.withLock { $0 }
    }
}
