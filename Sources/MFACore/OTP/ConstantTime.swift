/// Whether `a == b`, computed without a branch on where they differ, so that
/// the time taken tells an attacker nothing about how close a guess was.
func constantTimeEquals(_ a: UInt32, _ b: UInt32) -> Bool {
    let difference = a ^ b
    // The top bit of `d | -d` is set exactly when `d` is not zero.
    return (difference | (0 &- difference)) >> 31 == 0
}
