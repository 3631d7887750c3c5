/// Records the ``SecurityEvent``s of one request, each naming what the user
/// was doing and the network the request came from.
struct Audit: Sendable {
    let observer: any MFAEventObserver
    let purpose: SecurityEvent.Purpose
    let client: ClientNetwork

    /// The event `kind` of this request.
    func event(_ kind: SecurityEvent.Kind, account: String? = nil, reason: SecurityEvent.Reason? = nil) -> SecurityEvent {
        SecurityEvent(kind, accountID: account, client: client, purpose: purpose, reason: reason)
    }

    /// Records the event `kind` of this request.
    func record(_ kind: SecurityEvent.Kind, account: String?, reason: SecurityEvent.Reason? = nil) {
        observer.record(.security(event(kind, account: account, reason: reason)))
    }

    /// Records a completion refused for `reason`, and returns `error` for the caller to throw.
    func refuse(_ reason: SecurityEvent.Reason, account: String?, with error: any Error) -> any Error {
        record(.completionFailed, account: account, reason: reason)
        return error
    }

    /// Records a completion the store refused (a race lost to another request),
    /// and returns `error` for the caller to throw; a failure of the store itself is not a refusal.
    func refuse(_ error: MFAStoreError, account: String?) -> any Error {
        guard let reason = error.refusal else { return error }
        return refuse(reason, account: account, with: error)
    }
}

/// A credential that did not match, and which one: thrown by the checks,
/// counted and answered by ``MFAService/countingFailures(of:through:now:audit:_:)``.
struct RefusedCredential: Error {
    let reason: SecurityEvent.Reason
}

extension MFAService {
    /// The audit of a request for `purpose` from `client`.
    func audit(_ purpose: SecurityEvent.Purpose, from client: ClientNetwork) -> Audit {
        Audit(observer: observer, purpose: purpose, client: client)
    }

    /// Records a security event that belongs to no completion, such as an operator's action.
    func record(_ event: SecurityEvent) {
        observer.record(.security(event))
    }
}
