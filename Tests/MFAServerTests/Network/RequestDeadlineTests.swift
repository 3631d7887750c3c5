import Logging
import NIOCore
import NIOEmbedded
import NIOHTTP1
import NIOHTTPTypesHTTP1
import Testing
@testable import MFAServerKit

/// The request deadline on a connection of virtual time: the deadline
/// handler before the HTTP decoder, the end marker after it, as in
/// ``LimitedHTTP1Channel``, with a deadline of two seconds.
@Suite struct RequestDeadlineTests {
    private let channel = EmbeddedChannel()
    private let request = "GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n"

    init() throws {
        try channel.pipeline.syncOperations.addHandlers([
            RequestDeadlineHandler(timeout: .seconds(2), logger: Logger(label: "test")),
            ByteToMessageHandler(HTTPRequestDecoder()),
            HTTP1ToHTTPServerCodec(secure: false),
            RequestEndMarker(),
        ])
        try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 1)).wait()
    }

    private func send(_ text: String) throws {
        try channel.writeInbound(ByteBuffer(string: text))
    }

    private func wait(_ milliseconds: Int64) {
        channel.embeddedEventLoop.advanceTime(by: .milliseconds(milliseconds))
    }

    /// The connection is still open 100 ms before `milliseconds` from now, and closed 100 ms after.
    private func expectClosed(after milliseconds: Int64, sourceLocation: SourceLocation = #_sourceLocation) {
        wait(milliseconds - 100)
        #expect(channel.isActive, "closed before its deadline", sourceLocation: sourceLocation)
        wait(200)
        #expect(!channel.isActive, "open after its deadline", sourceLocation: sourceLocation)
    }

    @Test func aRequestReadInTimeLeavesTheConnectionOpenAfterwards() throws {
        try send(request)
        wait(10_000)
        #expect(channel.isActive)
    }

    @Test func aRequestThatDoesNotEndWithinTheDeadlineClosesTheConnection() throws {
        try send("GET /health HTTP/1.1\r\n")
        expectClosed(after: 2_000)
    }

    @Test func eachRequestOfAConnectionHasADeadlineFromItsOwnFirstByte() throws {
        // The first request ends at once; the second starts at 1.5 s, before
        // the first one's deadline, and never ends: its own deadline is 3.5 s.
        try send(request)
        wait(1_500)
        try send("GET /health HTTP/1.1\r\n")
        // Not closed at 2 s, the deadline of the request that had ended.
        expectClosed(after: 2_000)
    }

    @Test func theTimeBetweenRequestsDoesNotCount() throws {
        try send(request)
        wait(60_000)
        try send("GET /health HTTP/1.1\r\n")
        wait(1_900)
        #expect(channel.isActive)
        try send("Host: localhost\r\n\r\n")
        wait(10_000)
        #expect(channel.isActive)
    }
}
