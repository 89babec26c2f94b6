import Foundation

/// A smart-HTTP git server on 127.0.0.1 and a free port: git's own `git http-backend` behind a small
/// CGI front written with Python's standard library, which demands HTTP basic authentication with
/// one user and password (401 with a `WWW-Authenticate` challenge otherwise). Serves, fetch and
/// push, every bare repository under `root`. Call `stop()` in a `defer`.
public final class GitHTTPServer: @unchecked Sendable {
    public let port: Int
    private let process: BackgroundProcess

    public let scheme: String

    /// With `tls`, the server speaks https with a self-signed certificate for 127.0.0.1 made by
    /// `openssl`, which no certificate authority of the system vouches for.
    public init(serving root: URL, user: String, password: String, scratch: URL, tls: Bool = false) throws {
        let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
        guard let python else { throw ChildProcess.Failure(description: "python3 is missing (`make deps`)") }
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let script = scratch.appendingPathComponent("git-http-server.py")
        try Data(Self.script.utf8).write(to: script)
        port = try LocalPort.free()
        // The password reaches the server through its environment, not its command line.
        var environment = [
            "PATH": "/usr/local/bin:/usr/bin:/bin", "TEST_HTTP_USER": user, "TEST_HTTP_PASSWORD": password,
            "GIT_CONFIG_NOSYSTEM": "1", "HOME": scratch.path,
        ]
        scheme = tls ? "https" : "http"
        if tls {
            let certificate = scratch.appendingPathComponent("tls.crt").path
            let key = scratch.appendingPathComponent("tls.key").path
            let made = try ChildProcess.run([
                "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", key, "-out", certificate, "-days", "2", "-subj", "/CN=127.0.0.1",
                "-addext", "subjectAltName=IP:127.0.0.1",
            ])
            guard made.status == 0 else {
                throw ChildProcess.Failure(description: "openssl could not make a certificate: \(made.output)")
            }
            environment["TEST_HTTP_TLS_CERT"] = certificate
            environment["TEST_HTTP_TLS_KEY"] = key
        }
        process = try BackgroundProcess(
            [python, script.path, root.path, String(port)], environment: environment,
            logFile: scratch.appendingPathComponent("http.log"))
        try process.wait(for: "listening on port \(port)") { process.log.contains("listening on") }
    }

    public func url(_ name: String) -> String { "\(scheme)://127.0.0.1:\(port)/\(name)" }

    /// One line per request: method, path, whether credentials came and were right, status.
    public var log: String { process.log }

    public func stop() { process.stop() }

    static let script = #"""
        import base64, http.server, os, subprocess, sys, urllib.parse

        ROOT, PORT = sys.argv[1], int(sys.argv[2])
        USER, PASSWORD = os.environ["TEST_HTTP_USER"], os.environ["TEST_HTTP_PASSWORD"]


        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self):
                self.serve()

            def do_POST(self):
                self.serve()

            def credentials(self):
                header = self.headers.get("Authorization", "")
                if not header.startswith("Basic "):
                    return "none"
                try:
                    user, _, password = base64.b64decode(header[6:]).decode().partition(":")
                except Exception:
                    return "malformed"
                return "ok" if (user, password) == (USER, PASSWORD) else "wrong"

            def body(self):
                if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
                    data = b""
                    while True:
                        size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                        if size == 0:
                            while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                                pass
                            return data
                        data += self.rfile.read(size)
                        self.rfile.readline()
                return self.rfile.read(int(self.headers.get("Content-Length") or 0))

            def answer(self, status, headers, payload):
                self.send_response(status)
                for name, value in headers:
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def serve(self):
                body = self.body()  # read first so that a kept-alive connection stays in step
                path, _, query = self.path.partition("?")
                verdict = self.credentials()
                if verdict != "ok":
                    sys.stderr.write(f"{self.command} {path} credentials={verdict} 401\n")
                    sys.stderr.flush()
                    self.answer(401, [("WWW-Authenticate", 'Basic realm="recall test"')], b"")
                    return
                env = {
                    "PATH": os.environ["PATH"], "HOME": os.environ["HOME"], "GIT_CONFIG_NOSYSTEM": "1",
                    "GIT_PROJECT_ROOT": ROOT, "GIT_HTTP_EXPORT_ALL": "1", "REMOTE_USER": USER,
                    "REMOTE_ADDR": "127.0.0.1", "GATEWAY_INTERFACE": "CGI/1.1", "REQUEST_METHOD": self.command,
                    "PATH_INFO": urllib.parse.unquote(path), "QUERY_STRING": query,
                    "CONTENT_TYPE": self.headers.get("Content-Type", ""), "CONTENT_LENGTH": str(len(body)),
                }
                for header, variable in [("Content-Encoding", "HTTP_CONTENT_ENCODING"), ("Git-Protocol", "GIT_PROTOCOL")]:
                    if self.headers.get(header):
                        env[variable] = self.headers[header]
                result = subprocess.run(["git", "http-backend"], input=body, capture_output=True, env=env)
                separator = b"\r\n\r\n" if b"\r\n\r\n" in result.stdout else b"\n\n"
                head, _, payload = result.stdout.partition(separator)
                status, headers = 200, []
                for line in head.decode("latin-1").splitlines():
                    name, _, value = line.partition(":")
                    if name.lower() == "status":
                        status = int(value.split()[0])
                    elif name:
                        headers.append((name, value.strip()))
                sys.stderr.write(f"{self.command} {path} credentials=ok {status} {result.stderr.decode(errors='replace').strip()}\n")
                sys.stderr.flush()
                self.answer(status, headers, payload)

            def log_message(self, format, *args):
                pass  # one line per request is written by serve()


        server = http.server.ThreadingHTTPServer(("127.0.0.1", PORT), Handler)
        server.daemon_threads = True
        if os.environ.get("TEST_HTTP_TLS_CERT"):
            import ssl
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(os.environ["TEST_HTTP_TLS_CERT"], os.environ["TEST_HTTP_TLS_KEY"])
            server.socket = context.wrap_socket(server.socket, server_side=True)
        sys.stderr.write(f"listening on 127.0.0.1:{PORT}\n")
        sys.stderr.flush()
        server.serve_forever()
        """#
}
