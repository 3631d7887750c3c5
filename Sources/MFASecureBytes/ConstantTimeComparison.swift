/// Compares two byte strings in time that depends only on their lengths, never
/// on where they first differ, so that a comparison leaks nothing about a secret.
package func constantTimeEquals(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
    guard lhs.count == rhs.count else { return false }
    var difference: UInt8 = 0
    for index in lhs.indices {
        difference |= lhs[index] ^ rhs[index]
    }
    return difference == 0
}

/// Whether `a == b`, computed without a branch on where they differ, so that
/// the time taken tells an attacker nothing about how close a guess was.
package func constantTimeEquals(_ a: UInt32, _ b: UInt32) -> Bool {
    let difference = a ^ b
    // The top bit of `d | -d` is set exactly when `d` is not zero.
    return (difference | (0 &- difference)) >> 31 == 0
}
