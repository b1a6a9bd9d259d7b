import BoardCore
import BoardDemo
import Testing

@Suite("Who may decide a request, asked without deciding it")
struct RefusalToDecideTests {
    @Test("for every open request of the demo and every person, the answer is decide's own (with an override for gates)")
    func agreesWithDecide() {
        let state = DemoWorkspace.build().state
        let now = DemoWorkspace.now
        let open = state.requests.values.filter(\.isOpen)
        #expect(!open.isEmpty)
        var refusals = 0
        var allowed = 0
        for request in open {
            for handle in state.stakeholders.keys.sorted() + ["nobody"] {
                let actor = Actor(handle: handle, osUser: "tester")
                for rejecting in [false, true] {
                    let trial: Command = rejecting
                        ? .reject(request: request.id, comment: "why")
                        : .approve(request: request.id, comment: nil, overrideReason: "override")
                    let decided: RuleViolation? = if case .failure(let violation) = decide(trial, state: state, actor: actor, now: now) { violation } else { nil }
                    let asked = refusalToDecide(request: request.id, rejecting: rejecting, state: state, actor: actor, now: now)
                    #expect(asked?.rule == decided?.rule && asked?.message == decided?.message, "\(handle) \(rejecting ? "rejecting" : "approving") \(request.id)")
                    if asked == nil { allowed += 1 } else { refusals += 1 }
                }
            }
        }
        #expect(refusals > 0 && allowed > 0, "both answers were seen")
    }
}
