import Glibc

/// Times systems in interleaved rounds, so a noisy moment hits every system alike: round 0
/// warms each system up with a few uncounted operations, then each round runs `perRound`
/// timed operations of every system, starting one system further along each time.
/// Returns each system's latencies in microseconds, in the order given.
func interleavedLatencies(of systems: [() throws -> Void], rounds: Int, perRound: Int, warmUp: Int = 20) throws -> [[Double]] {
    try interleavedCosts(of: systems, rounds: rounds, perRound: perRound, warmUp: warmUp).latencies
}

/// `interleavedLatencies`, and each system's mean CPU time per operation in microseconds, user
/// and system apart: the process's (all threads), read once a turn so reading it costs no
/// operation anything.
func interleavedCosts(
    of systems: [() throws -> Void], rounds: Int, perRound: Int, warmUp: Int = 20
) throws -> (latencies: [[Double]], cpu: [CPUCost]) {
    var latencies = Array(repeating: [Double](), count: systems.count)
    var cpu = Array(repeating: CPUCost(user: 0, system: 0), count: systems.count)
    for round in 0...rounds {
        for turn in 0..<systems.count {
            let index = (turn + round) % systems.count
            let before = CPUCost.ofProcess()
            for _ in 0..<(round == 0 ? warmUp : perRound) {
                let start = nowNanos()
                try systems[index]()
                if round > 0 { latencies[index].append(Double(nowNanos() - start) / 1000) }
            }
            if round > 0 { cpu[index] = cpu[index] + (CPUCost.ofProcess() - before) }
        }
    }
    let operations = Double(rounds * perRound)
    return (latencies, cpu.map { CPUCost(user: $0.user / operations, system: $0.system / operations) })
}

/// CPU time in microseconds, in user space and in the kernel. Linux measures their sum exactly
/// but splits it between the two by sampling at clock ticks, so over a few thousand commits of
/// some tens of microseconds the split wanders by several microseconds; compare sums.
struct CPUCost {
    var user: Double
    var system: Double

    static func ofProcess() -> CPUCost {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        func micros(_ time: timeval) -> Double { Double(time.tv_sec) * 1_000_000 + Double(time.tv_usec) }
        return CPUCost(user: micros(usage.ru_utime), system: micros(usage.ru_stime))
    }

    static func + (a: CPUCost, b: CPUCost) -> CPUCost { CPUCost(user: a.user + b.user, system: a.system + b.system) }
    static func - (a: CPUCost, b: CPUCost) -> CPUCost { CPUCost(user: a.user - b.user, system: a.system - b.system) }
}
