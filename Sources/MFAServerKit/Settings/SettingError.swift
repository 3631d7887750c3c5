/// A setting that cannot be used, with what is wrong, as the one line the
/// server prints before it exits with status 2.
public struct SettingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The setting at fault.
    public var setting: ServerSetting
    /// What is wrong, e.g. `must be a number from 0 to 65535`.
    public var problem: String

    /// Creates an error.
    public init(_ setting: ServerSetting, _ problem: String) {
        self.setting = setting
        self.problem = problem
    }

    /// `MFA_PORT (--port): must be a number from 0 to 65535`.
    public var description: String { "\(setting.names): \(problem)" }
}
