import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Ports of 127.0.0.1 for peers that fail: one where nothing listens, and one
/// that takes connections and never says a word.
public enum LocalPorts {
    /// A port that was free a moment ago, where nothing listens.
    public static func free() throws -> Int {
        let (socket, port) = try bound(listening: false)
        close(socket)
        return port
    }

    /// A socket listening on a free port that never accepts: the kernel completes
    /// connections, and nobody ever answers on them. Close the socket when done.
    public static func silent() throws -> (socket: Int32, port: Int) {
        try bound(listening: true)
    }

    /// Whether something accepts connections on `port` of 127.0.0.1.
    public static func acceptsConnections(port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        return withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }

    private static func bound(listening: Bool) throws -> (Int32, Int) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address in
                bind(fd, address, length) == 0 && (!listening || listen(fd, 16) == 0) && getsockname(fd, address, &length) == 0
            }
        }
        guard fd >= 0, bound else {
            close(fd)
            throw ExternalTool.Failure(description: "cannot bind a port of 127.0.0.1", status: nil)
        }
        return (fd, Int(UInt16(bigEndian: address.sin_port)))
    }
}
