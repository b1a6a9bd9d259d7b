/// Times systems in interleaved rounds, so a noisy moment hits every system alike: round 0
/// warms each system up with a few uncounted operations, then each round runs `perRound`
/// timed operations of every system, starting one system further along each time.
/// Returns each system's latencies in microseconds, in the order given.
func interleavedLatencies(of systems: [() throws -> Void], rounds: Int, perRound: Int, warmUp: Int = 20) throws -> [[Double]] {
    var latencies = Array(repeating: [Double](), count: systems.count)
    for round in 0...rounds {
        for turn in 0..<systems.count {
            let index = (turn + round) % systems.count
            for _ in 0..<(round == 0 ? warmUp : perRound) {
                let start = nowNanos()
                try systems[index]()
                if round > 0 { latencies[index].append(Double(nowNanos() - start) / 1000) }
            }
        }
    }
    return latencies
}
