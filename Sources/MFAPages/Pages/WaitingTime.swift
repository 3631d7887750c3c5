/// How long to wait, in words: seconds up to two minutes, then whole minutes rounded up.
enum WaitingTime {
    static func words(seconds: Int) -> String {
        if seconds < 120 {
            return seconds == 1 ? "1 second" : "\(seconds) seconds"
        }
        return "\((seconds + 59) / 60) minutes"
    }
}
