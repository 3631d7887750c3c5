#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The memory matrix of one Argon2id computation (RFC 9106 §3.2–3.4): `lanes` rows
/// of `laneLength` 1 KiB blocks, plus five blocks of working space, in a single
/// allocation that is wiped and freed when the value goes away.
///
/// Lanes are filled one after the other; the result is the same as filling them
/// in parallel, because no segment reads a block of another lane's current slice.
struct Argon2Memory: ~Copyable {
    /// Argon2 splits every lane into this many slices; lanes synchronise between slices.
    static let syncPoints = 4

    /// The matrix starts on a 2 MiB boundary, the size of an x86-64 or arm64 huge page,
    /// so that it can be backed by huge pages (see `adviseHugePages`).
    private static let alignment = 2 << 20

    private let lanes: Int
    private let laneLength: Int
    private let segmentLength: Int
    private let passes: Int
    private let words: UnsafeMutableBufferPointer<UInt64>

    // Working blocks after the matrix: for G, and for Argon2i-style address generation.
    private let scratch: UnsafeMutablePointer<UInt64>
    private let saved: UnsafeMutablePointer<UInt64>
    private let zeroBlock: UnsafeMutablePointer<UInt64>
    private let addressInput: UnsafeMutablePointer<UInt64>
    private let addresses: UnsafeMutablePointer<UInt64>

    /// Allocates the matrix for `memoryKiB` KiB (rounded down to a multiple of
    /// 4 × `lanes` blocks, at least 8 × `lanes`), `lanes` lanes and `passes` passes.
    init(memoryKiB: Int, lanes: Int, passes: Int) {
        let blockCount = memoryKiB / (Self.syncPoints * lanes) * (Self.syncPoints * lanes)
        precondition(blockCount >= 2 * Self.syncPoints * lanes, "Argon2 needs at least 8 blocks per lane")
        self.lanes = lanes
        self.passes = passes
        laneLength = blockCount / lanes
        segmentLength = laneLength / Self.syncPoints

        let wordsPerBlock = Argon2BlockMixing.wordsPerBlock
        let byteCount = (blockCount + 5) * wordsPerBlock * MemoryLayout<UInt64>.stride
        let (raw, isNew) = Argon2MatrixCache.take(byteCount: byteCount, alignment: Self.alignment)
        if isNew { adviseHugePages(raw, byteCount: byteCount) }
        words = UnsafeMutableBufferPointer(
            start: raw.bindMemory(to: UInt64.self, capacity: byteCount / MemoryLayout<UInt64>.stride),
            count: byteCount / MemoryLayout<UInt64>.stride
        )
        let working = words.baseAddress! + blockCount * wordsPerBlock
        scratch = working
        saved = working + wordsPerBlock
        zeroBlock = working + 2 * wordsPerBlock
        addressInput = working + 3 * wordsPerBlock
        addresses = working + 4 * wordsPerBlock
        zeroBlock.initialize(repeating: 0, count: wordsPerBlock)
    }

    deinit {
        let byteCount = words.count * MemoryLayout<UInt64>.stride
        secureZero(words.baseAddress!, byteCount: byteCount)
        Argon2MatrixCache.giveBack(UnsafeMutableRawPointer(words.baseAddress!), byteCount: byteCount)
    }

    /// Runs Argon2id from the pre-hash H0 and returns the tag of `outputByteCount` bytes.
    func tag(initialHash: [UInt8], outputByteCount: Int) -> [UInt8] {
        fillFirstBlocks(initialHash: initialHash)
        for pass in 0..<passes {
            for slice in 0..<Self.syncPoints {
                for lane in 0..<lanes {
                    fillSegment(pass: pass, slice: slice, lane: lane)
                }
            }
        }
        return finalTag(outputByteCount: outputByteCount)
    }

    private func block(lane: Int, index: Int) -> UnsafeMutablePointer<UInt64> {
        words.baseAddress! + (lane * laneLength + index) * Argon2BlockMixing.wordsPerBlock
    }

    /// B[i][0] = H'(H0 || 0 || i) and B[i][1] = H'(H0 || 1 || i), RFC 9106 §3.4 steps 3–4.
    private func fillFirstBlocks(initialHash: [UInt8]) {
        let blockByteCount = Argon2BlockMixing.wordsPerBlock * MemoryLayout<UInt64>.stride
        for lane in 0..<lanes {
            for index in 0..<2 {
                var bytes = Blake2b.longHash(
                    outputByteCount: blockByteCount,
                    of: [initialHash, littleEndianBytes(UInt32(index)), littleEndianBytes(UInt32(lane))]
                )
                let destination = block(lane: lane, index: index)
                bytes.withUnsafeBytes { source in
                    for word in 0..<Argon2BlockMixing.wordsPerBlock {
                        destination[word] = UInt64(littleEndian: source.loadUnaligned(fromByteOffset: 8 * word, as: UInt64.self))
                    }
                }
                bytes.withUnsafeMutableBytes { secureZero($0.baseAddress!, byteCount: $0.count) }
            }
        }
    }

    /// Fills one segment (RFC 9106 §3.4 step 5 and §3.4.1); the hot loop of Argon2.
    private func fillSegment(pass: Int, slice: Int, lane: Int) {
        let wordsPerBlock = Argon2BlockMixing.wordsPerBlock
        // Argon2id: the first half of the first pass uses data-independent addresses.
        let dataIndependent = pass == 0 && slice < Self.syncPoints / 2
        let firstIndex = pass == 0 && slice == 0 ? 2 : 0
        if dataIndependent {
            addressInput.update(repeating: 0, count: wordsPerBlock)
            addressInput[0] = UInt64(pass)
            addressInput[1] = UInt64(lane)
            addressInput[2] = UInt64(slice)
            addressInput[3] = UInt64(lanes * laneLength)
            addressInput[4] = UInt64(passes)
            addressInput[5] = Argon2id.typeCode
            if firstIndex != 0 {
                nextAddresses()
            }
        }

        let laneStart = words.baseAddress! + lane * laneLength * wordsPerBlock
        let laneLength64 = UInt64(laneLength)
        let segmentLength64 = UInt64(segmentLength)
        // The blocks a reference may point to begin right after the current
        // segment of the previous pass, or at the lane start in the first pass.
        let referenceStart: UInt64 = pass == 0 || slice == Self.syncPoints - 1 ? 0 : UInt64(slice + 1) * segmentLength64
        var current = slice * segmentLength + firstIndex
        var previous = current == 0 ? laneLength - 1 : current - 1

        for index in firstIndex..<segmentLength {
            let pseudoRandom: UInt64
            if dataIndependent {
                if index % wordsPerBlock == 0 {
                    nextAddresses()
                }
                pseudoRandom = addresses[index % wordsPerBlock]
            } else {
                pseudoRandom = laneStart[previous * wordsPerBlock]
            }

            let referenceLane = pass == 0 && slice == 0 || lanes == 1 ? lane : Int((pseudoRandom >> 32) % UInt64(lanes))
            let sameLane = referenceLane == lane
            // How many blocks the reference may choose from (RFC 9106 §3.4.1.2):
            // never the previous block, and in another lane never the block
            // still being overwritten at the start of the segment.
            let finishedSegments: UInt64 = pass == 0 ? UInt64(slice) * segmentLength64 : laneLength64 - segmentLength64
            let areaSize: UInt64
            if sameLane {
                areaSize = finishedSegments &+ UInt64(index) &- 1
            } else {
                areaSize = index == 0 ? finishedSegments &- 1 : finishedSegments
            }
            let j1 = pseudoRandom & 0xFFFF_FFFF
            let x = (j1 &* j1) >> 32
            let y = (areaSize &* x) >> 32
            // Both terms are below laneLength, so "% laneLength" is one subtraction at most
            // (a 64-bit division per block is measurable here).
            var referenceIndex = Int(referenceStart &+ areaSize &- 1 &- y)
            if referenceIndex >= laneLength {
                referenceIndex -= laneLength
            }

            Argon2BlockMixing.mix(
                previous: laneStart + previous * wordsPerBlock,
                reference: words.baseAddress! + (referenceLane * laneLength + referenceIndex) * wordsPerBlock,
                into: laneStart + current * wordsPerBlock,
                xorIntoNext: pass != 0,
                scratch: scratch,
                saved: saved
            )
            previous = current
            current += 1
        }
    }

    /// The next 128 pseudo-random addresses: G(0, G(0, input)) with the counter advanced.
    private func nextAddresses() {
        addressInput[6] &+= 1
        Argon2BlockMixing.mix(previous: zeroBlock, reference: addressInput, into: addresses, xorIntoNext: false, scratch: scratch, saved: saved)
        Argon2BlockMixing.mix(previous: zeroBlock, reference: addresses, into: addresses, xorIntoNext: false, scratch: scratch, saved: saved)
    }

    /// H'(T, C) where C is the XOR of every lane's last block (RFC 9106 §3.4 steps 7–8).
    private func finalTag(outputByteCount: Int) -> [UInt8] {
        let wordsPerBlock = Argon2BlockMixing.wordsPerBlock
        var finalBlock = [UInt8](repeating: 0, count: wordsPerBlock * MemoryLayout<UInt64>.stride)
        finalBlock.withUnsafeMutableBytes { bytes in
            for word in 0..<wordsPerBlock {
                var combined: UInt64 = 0
                for lane in 0..<lanes {
                    combined ^= block(lane: lane, index: laneLength - 1)[word]
                }
                bytes.storeBytes(of: combined.littleEndian, toByteOffset: 8 * word, as: UInt64.self)
            }
        }
        let tag = Blake2b.longHash(outputByteCount: outputByteCount, of: [finalBlock])
        finalBlock.withUnsafeMutableBytes { secureZero($0.baseAddress!, byteCount: $0.count) }
        return tag
    }
}

/// Asks Linux to back the matrix with transparent huge pages when it is at least one
/// huge page: 19 MiB in 4 KiB pages costs some 5,000 page faults per hash, a sizeable
/// part of its CPU time, and as many TLB entries for the random reads of the fill loop.
/// Only advice: where the kernel has none to give, or elsewhere than Linux, nothing changes.
private func adviseHugePages(_ pointer: UnsafeMutableRawPointer, byteCount: Int) {
    #if os(Linux)
    if byteCount >= 2 << 20 {
        _ = madvise(pointer, byteCount, MADV_HUGEPAGE)
    }
    #endif
}

/// The four little-endian bytes of `value`, Argon2's encoding of integers.
private func littleEndianBytes(_ value: UInt32) -> [UInt8] {
    withUnsafeBytes(of: value.littleEndian) { Array($0) }
}
