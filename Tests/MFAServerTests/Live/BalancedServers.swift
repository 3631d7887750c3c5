import Foundation
import MFATestSupport

/// Two real `mfa-server` processes on one PostgreSQL database, behind nginx
/// (round robin, the servers trusting it as their proxy), sending mail to a
/// real SMTP server (aiosmtpd) that keeps every message in a Maildir.
///
/// nginx runs as an ordinary process with a configuration in a temporary
/// directory (as `nobody` when the tests run as root); ``stop()`` ends
/// everything it started and drops the database.
final class BalancedServers: Sendable {
    let database: String
    let servers: [LiveServer]
    /// nginx's address: requests reach the servers in turn.
    let baseURL: String
    /// Every message the SMTP server accepted.
    let mail: Outbox
    private let nginx: SpawnedProcess
    private let smtp: SpawnedProcess
    private let work: TemporaryDirectory

    /// The address nginx listens on; clients connect from other 127.0.0.0/8 addresses,
    /// and nginx tells the servers which (X-Forwarded-For).
    static let proxyAddress = "127.0.0.1"

    /// Starts the database, the SMTP server, two servers with `environment` sharing one key file, and nginx.
    init(environment: [String: String] = [:]) async throws {
        work = try TemporaryDirectory()
        database = try await TestPostgres.createDatabase()
        let smtpPort = try LocalPorts.free()
        let smtp = try Self.startSMTP(port: smtpPort, maildir: work.path + "/maildir")
        self.smtp = smtp
        mail = Outbox(directory: work.path + "/maildir/new", fileSuffix: "")
        var shared = [
            "MFA_DATABASE_URL": database, "MFA_MAIL_URL": "smtp://127.0.0.1:\(smtpPort)?tls=none",
            "MFA_TRUSTED_PROXIES": "\(Self.proxyAddress)/32", "MFA_LOG_LEVEL": "info",
        ].merging(environment) { $1 }
        do {
            try await Self.waitUntilAccepting(port: smtpPort, process: smtp, what: "aiosmtpd")
            let first = try await LiveServer(environment: shared)
            shared["MFA_SECRET_KEY_FILE"] = first.dataDirectory.path + "/secret.key"
            servers = [first, try await LiveServer(environment: shared)]
            let proxyPort = try LocalPorts.free()
            nginx = try Self.startNginx(port: proxyPort, upstreams: servers.map { URL(string: $0.baseURL)?.port ?? 0 }, directory: work.path + "/nginx")
            baseURL = "http://\(Self.proxyAddress):\(proxyPort)"
            try await Self.waitUntilAccepting(port: proxyPort, process: nginx, what: "nginx")
        } catch {
            smtp.signal(SIGKILL)
            await TestPostgres.drop(database)
            throw error
        }
    }

    /// Kills server `index` at once (SIGKILL): no drain, no goodbye to the database.
    func kill(server index: Int) {
        servers[index].process.signal(SIGKILL)
        _ = servers[index].process.exitStatus(waiting: true)
    }

    /// Stops nginx, the servers and the SMTP server, and drops the database (a test
    /// that fails before this leaves it to the throwaway cluster).
    func stop() async throws {
        nginx.signal(SIGTERM)
        for server in servers where server.process.isRunning { _ = try await server.terminate(within: .seconds(10)) }
        smtp.signal(SIGTERM)
        _ = try await nginx.waitForExit()
        _ = try await smtp.waitForExit()
        await TestPostgres.drop(database)
    }

    /// Every line the servers logged.
    var logs: [String] { servers.flatMap { $0.log.split(separator: "\n").map(String.init) } }

    private static func startSMTP(port: Int, maildir: String) throws -> SpawnedProcess {
        // -n: stay root rather than switch to nobody, who could not write the Maildir.
        try SpawnedProcess(
            try ExternalTool.venvPython().executable,
            ["-m", "aiosmtpd", "-n", "-l", "127.0.0.1:\(port)", "-c", "aiosmtpd.handlers.Mailbox", maildir]
        )
    }

    private static func startNginx(port: Int, upstreams: [Int], directory: String) throws -> SpawnedProcess {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let configuration = """
            worker_processes 1;
            pid \(directory)/nginx.pid;
            events { worker_connections 1024; }
            http {
                access_log \(directory)/access.log;
                client_body_temp_path \(directory)/body;
                proxy_temp_path \(directory)/proxy;
                fastcgi_temp_path \(directory)/fastcgi;
                uwsgi_temp_path \(directory)/uwsgi;
                scgi_temp_path \(directory)/scgi;
                upstream mfa {
                    \(upstreams.map { "server 127.0.0.1:\($0) max_fails=1 fail_timeout=30s;" }.joined(separator: "\n        "))
                }
                server {
                    listen \(proxyAddress):\(port);
                    location / {
                        proxy_pass http://mfa;
                        proxy_set_header X-Forwarded-For $remote_addr;
                        proxy_set_header X-Forwarded-Proto $scheme;
                        proxy_next_upstream error timeout;
                    }
                }
            }
            """
        try configuration.write(toFile: directory + "/nginx.conf", atomically: true, encoding: .utf8)
        let nginx = try ExternalTool.onPath("nginx", installation: "apt-get install nginx").executable.path
        var command = [nginx, "-p", directory, "-c", directory + "/nginx.conf", "-e", directory + "/error.log", "-g", "daemon off;"]
        if geteuid() == 0 {
            // An unprivileged process, as a developer would run it; its directory is its own.
            guard let nobody = getpwnam("nobody"), chown(directory, nobody.pointee.pw_uid, nobody.pointee.pw_gid) == 0 else {
                throw TestFailure("cannot give \(directory) to nobody")
            }
            command = ["/usr/bin/setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"] + command
        }
        // SIGTERM if a failed test leaves it running: nginx then stops its worker, which SIGKILL would orphan.
        return try SpawnedProcess(URL(fileURLWithPath: command[0]), Array(command.dropFirst()), stopSignal: SIGTERM)
    }

    private static func waitUntilAccepting(port: Int, process: SpawnedProcess, what: String) async throws {
        let deadline = ContinuousClock.now + .seconds(20)
        while !LocalPorts.acceptsConnections(port: port) {
            guard process.isRunning, ContinuousClock.now < deadline else { throw TestFailure("\(what) did not start on port \(port)") }
            try await Task.sleep(for: .milliseconds(50))
        }
    }
}
