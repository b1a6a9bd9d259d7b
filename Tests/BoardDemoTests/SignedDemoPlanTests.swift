import BoardCore
import BoardDemo
import Testing

@Suite("The demo's plan with keys")
struct SignedDemoPlanTests {
    /// Stand-ins for real keys: `decide` checks only that they are new and one line each.
    static func keys(projects size: Int = 8) -> [String: DemoKey] {
        Dictionary(uniqueKeysWithValues: DemoWorkspace.people(projects: size).map { handle in
            (handle, DemoKey(fingerprint: "SHA256:key-of-\(handle)", publicKey: "ssh-ed25519 AAAA-\(handle)"))
        })
    }

    @Test("the lead's key is the root and signatures are required from the third line; each person's key follows their joining")
    func keysFollowTheirPeople() throws {
        let keys = Self.keys()
        let (records, state) = DemoWorkspace.build(keys: keys)
        let lead = DemoWorkspace.leadHandle
        #expect(records.count > 3)
        guard case .stakeholderAdded(let first) = records[0].event else {
            Issue.record("the lead joins first: \(records[0].event)")
            return
        }
        #expect(first.handle == lead)
        #expect(records[1].event == .keyAdded(handle: lead, fingerprint: keys[lead]!.fingerprint, publicKey: keys[lead]!.publicKey))
        #expect(records[2].event == .signaturePolicySet(.required))
        #expect(state.signing.root == keys[lead]?.fingerprint)
        #expect(state.signing.policy == .required && state.signing.policySince == 3)
        for (index, record) in records.enumerated() {
            guard case .stakeholderAdded(let person) = record.event else { continue }
            let next = try #require(index + 1 < records.count ? records[index + 1] : nil)
            #expect(next.event == .keyAdded(handle: person.handle, fingerprint: keys[person.handle]!.fingerprint,
                                            publicKey: keys[person.handle]!.publicKey), "\(person.handle)'s key follows their joining")
            #expect(next.actor.handle == lead && next.at == record.at)
        }
        #expect(Set(state.signing.keys.values.map(\.handle)) == Set(DemoWorkspace.people()))
    }

    @Test("the story is the same, at the same times, with keys or without", arguments: [8, 40])
    func sameStory(size: Int) {
        let signed = DemoWorkspace.script(projects: size, keys: Self.keys(projects: size))
        let story = signed.filter { step in
            switch step.command {
            case .addKey, .setSignaturePolicy: false
            default: true
            }
        }
        #expect(story == DemoWorkspace.script(projects: size))
        #expect(signed.count == story.count + DemoWorkspace.people(projects: size).count + 1)
        #expect(DemoWorkspace.script(projects: size, keys: [:]) == DemoWorkspace.script(projects: size))
    }
}
