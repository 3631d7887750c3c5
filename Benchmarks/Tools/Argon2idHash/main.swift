import MFAPasswords

// MFACore's counterpart of `argon2 <salt> -id -t T -k M -p P -e`: reads the password
// from standard input and prints the PHC string, so that argon2-reference.sh can
// time both tools and read their peak memory the same way, turn by turn.
let arguments = CommandLine.arguments
guard arguments.count == 5, let memoryKiB = Int(arguments[2]), let iterations = Int(arguments[3]),
      let parallelism = Int(arguments[4])
else {
    fatalError("usage: Argon2idHash <salt> <memory KiB> <iterations> <parallelism> < password")
}
var password: [UInt8] = []
while let line = readLine(strippingNewline: false) {
    password += line.utf8
}
let argon2id = try Argon2id(memoryKiB: memoryKiB, iterations: iterations, parallelism: parallelism)
print(try PHCPasswordHasher(scheme: .argon2id(argon2id)).hash(String(decoding: password, as: UTF8.self), salt: Array(arguments[1].utf8)))
