import Hummingbird
import MFACore
import NIOCore

/// The request context of `mfa-server`: Hummingbird's core storage and the
/// peer address, whose network the per-client limits count against.
public struct MFARequestContext: RequestContext, RemoteAddressRequestContext {
    /// Hummingbird's per-request storage.
    public var coreContext: CoreRequestContextStorage
    /// The address of the connected peer; `nil` in in-process tests.
    public let remoteAddress: SocketAddress?

    /// Creates the context of a request arriving on `source.channel`.
    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    /// The contract's body limit, 16 KiB: Hummingbird stops reading a larger
    /// body, and the problem middleware answers it `413 payload_too_large`.
    public var maxUploadSize: Int { 16 * 1024 }

    /// The network the per-client limits count under: the peer's IPv4
    /// address or IPv6 /64; peers without an IP address share one network.
    ///
    /// No proxy header is trusted, so behind a reverse proxy every request
    /// counts against the proxy's network.
    var clientNetwork: ClientNetwork {
        remoteAddress?.ipAddress.flatMap(ClientNetwork.init(ipAddress:)) ?? .unidentified
    }
}
