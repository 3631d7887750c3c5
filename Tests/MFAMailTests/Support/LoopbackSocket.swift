#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Plain TCP on 127.0.0.1, to see whether a port is served.
enum LoopbackSocket {
    /// True when something accepts a TCP connection on `port`.
    static func acceptsConnections(port: Int) -> Bool {
        withSocket { descriptor, address in
            var address = address
            address.sin_port = in_port_t(port).bigEndian
            return withUnsafePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
                }
            }
        }
    }

    /// A port nothing listens on: one the kernel just handed out and took back.
    static func unusedPort() -> Int {
        withSocket { descriptor, address in
            var address = address
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            withUnsafeMutablePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    precondition(bind(descriptor, $0, length) == 0 && getsockname(descriptor, $0, &length) == 0)
                }
            }
            return Int(in_port_t(bigEndian: address.sin_port))
        }
    }

    private static func withSocket<Result>(_ body: (Int32, sockaddr_in) -> Result) -> Result {
        #if canImport(Glibc)
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        precondition(descriptor >= 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return body(descriptor, address)
    }
}
