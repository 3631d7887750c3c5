extension [UInt8] {
    /// Whether `needle` occurs as a contiguous run: how the secret scans look for
    /// a secret in stored bytes.
    public func containsBytes(_ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, needle.count <= count else { return false }
        return (0...(count - needle.count)).contains { start in
            self[start] == needle[0] && self[start..<start + needle.count].elementsEqual(needle)
        }
    }
}
