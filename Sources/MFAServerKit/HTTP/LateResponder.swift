import Hummingbird
import MFACore
import Synchronization

/// A responder that exists only once the server listens.
///
/// The links in emails start with the public URL, which by default names the
/// port; with `MFA_PORT=0` that port is known only after binding. Hummingbird
/// calls `onServerRunning` after binding and before it accepts the first
/// connection, so the router installed there answers every request.
final class LateResponder: HTTPResponder, Sendable {
    typealias Context = MFARequestContext

    private let installed = Mutex<RouterResponder<MFARequestContext>?>(nil)

    /// Installs the responder that answers from now on.
    func install(_ responder: RouterResponder<MFARequestContext>) {
        installed.withLock { $0 = responder }
    }

    func respond(to request: Request, context: MFARequestContext) async throws -> Response {
        guard let responder = installed.withLock({ $0 }) else {
            return try MFAError.unavailable.response()
        }
        return try await responder.respond(to: request, context: context)
    }
}
