// OTP and password types appear in MFACore's own public API (``MFAConfiguration/totpAlgorithm``,
// ``Enrollment/algorithm``, the `passwordHasher` and `random` parameters of ``MFAService``),
// so a program that imports MFACore can name them without importing their modules.
@_exported import MFAOTP
@_exported import MFAPasswords
