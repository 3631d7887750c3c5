import Hummingbird
import MFACore
import NIOCore

/// The request context of `mfa-server`: Hummingbird's core storage, the
/// peer address, and the client behind it, whose network the per-client limits count against.
public struct MFARequestContext: RequestContext, RemoteAddressRequestContext {
    /// Hummingbird's per-request storage.
    public var coreContext: CoreRequestContextStorage
    /// The address of the connected peer; `nil` in in-process tests.
    public let remoteAddress: SocketAddress?

    /// Creates the context of a request arriving on `source.channel`.
    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
        client = ForwardedClient(address: remoteAddress?.ipAddress, scheme: nil)
    }

    /// The client, the peer unless ``ForwardedClientMiddleware`` finds it
    /// behind a trusted proxy.
    var client: ForwardedClient

    /// The contract's body limit, 16 KiB: Hummingbird stops reading a larger
    /// body, and the problem middleware answers it `413 payload_too_large`.
    public var maxUploadSize: Int { 16 * 1024 }

    /// The network the per-client limits count under: the client's IPv4
    /// address or IPv6 /64; clients without an IP address share one network.
    var clientNetwork: ClientNetwork {
        client.address.flatMap(ClientNetwork.init(ipAddress:)) ?? .unidentified
    }
}
