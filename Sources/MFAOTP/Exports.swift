@_exported import MFASecureBytes
