import BoardCore
import Testing

/// Slugs, names and control characters, checked through the commands that carry them.
@Suite struct TextRuleTests {
    private func newProject(slug: String = "churn-2", name: String = "Churn again", description: String = "") -> Command {
        .createProject(NewProject(slug: slug, name: name, description: description, goal: "decision making"))
    }

    @Test(arguments: ["a", "churn", "churn-v2", "0-9", String(repeating: "z", count: 64)])
    func wellFormedSlugsAreAccepted(slug: String) {
        var board = TestBoard.team()
        let events = board.run(newProject(slug: slug), as: Fixture.lead)
        guard case .projectCreated(let project)? = events.first else {
            Issue.record("expected projectCreated, got \(events)")
            return
        }
        #expect(project.slug == slug)
        #expect(board.state.projects[slug] != nil)
    }

    @Test(arguments: [
        "Churn", "churn model", "churn_v2", "churn.v2", "café", "churn\n", String(repeating: "z", count: 65),
    ])
    func malformedSlugsAreRefused(slug: String) {
        let board = TestBoard.team()
        board.expectRefusal(newProject(slug: slug), as: Fixture.lead, rule: .malformedSlug, mentioning: ["project slug", slug])
    }

    @Test func emptySlugIsRefused() {
        let board = TestBoard.team()
        board.expectRefusal(newProject(slug: ""), as: Fixture.lead, rule: .malformedSlug, mentioning: ["project slug ''"])
    }

    @Test func malformedHandleAndModelSlugAreRefused() {
        let board = TestBoard.standard()
        board.expectRefusal(
            .addStakeholder(Stakeholder(handle: "Eve Smith", name: "Eve", role: "domain expert")), as: Fixture.lead,
            rule: .malformedSlug, mentioning: ["stakeholder handle", "Eve Smith"])
        board.expectRefusal(
            .registerModel(MLModel(slug: "XGB", project: Fixture.project, name: "x")), as: Fixture.scientist,
            rule: .malformedSlug, mentioning: ["model slug", "XGB"])
    }

    @Test func nameOfTwoHundredCharactersIsAccepted() {
        var board = TestBoard.team()
        let name = String(repeating: "n", count: TextRules.maxNameLength)
        board.run(newProject(name: name), as: Fixture.lead)
        #expect(board.state.projects["churn-2"]?.name == name)
    }

    @Test(arguments: ["", "   ", String(repeating: "n", count: 201)])
    func emptyOrOverlongNamesAreRefused(name: String) {
        let board = TestBoard.team()
        board.expectRefusal(newProject(name: name), as: Fixture.lead, rule: .invalidName, mentioning: ["project name"])
    }

    @Test func overlongNameMessageGivesTheLengthAndLimit() {
        let board = TestBoard.team()
        let violation = board.refusal(newProject(name: String(repeating: "n", count: 250)), as: Fixture.lead)
        #expect(violation?.message.contains("250") == true)
        #expect(violation?.message.contains("200") == true)
    }

    @Test(arguments: ["two\nlines", "tab\there", "\u{1B}[31mred", "bell\u{07}", "del\u{7F}", "c1\u{9B}31m"])
    func controlCharactersInNamesAreRefused(name: String) {
        let board = TestBoard.team()
        board.expectRefusal(newProject(name: name), as: Fixture.lead, rule: .controlCharacters, mentioning: ["project name"])
    }

    @Test func newlinesAreAllowedInDescriptionsButEscapesAreNot() {
        var board = TestBoard.team()
        board.run(newProject(slug: "multi", description: "first line\nsecond line"), as: Fixture.lead)
        #expect(board.state.projects["multi"]?.description == "first line\nsecond line")
        board.expectRefusal(
            newProject(slug: "escaped", description: "fine\n\u{1B}]0;title\u{07}"), as: Fixture.lead,
            rule: .controlCharacters, mentioning: ["project description"])
        board.expectRefusal(
            newProject(slug: "carriage", description: "windows\r\nline"), as: Fixture.lead,
            rule: .controlCharacters, mentioning: ["project description"])
    }

    @Test func newlinesAreAllowedInCommentsButNotInSourceReferences() {
        var board = TestBoard.standard()
        let events = board.run(.comment(on: .project(Fixture.project), body: "line one\nline two"), as: Fixture.scientist)
        guard case .commented(let comment)? = events.first else {
            Issue.record("expected a comment, got \(events)")
            return
        }
        #expect(board.records.compactMap(\.comment).first { $0.id == comment.id }?.body == "line one\nline two")
        board.expectRefusal(
            .registerVersion(model: Fixture.model, metrics: [:], source: "run\n104"), as: Fixture.scientist,
            rule: .controlCharacters, mentioning: ["source reference"])
    }

    @Test func overlongDescriptionIsRefused() {
        let board = TestBoard.team()
        let description = String(repeating: "d", count: TextRules.maxLongTextLength + 1)
        board.expectRefusal(
            newProject(description: description), as: Fixture.lead, rule: .invalidText,
            mentioning: ["project description", "\(TextRules.maxLongTextLength)"])
    }

    @Test func emailMustBeOneLine() {
        var board = TestBoard.team()
        board.expectRefusal(
            .addStakeholder(Stakeholder(handle: "eve", name: "Eve", role: "domain expert", email: "eve@x\nBcc: all")),
            as: Fixture.lead, rule: .controlCharacters, mentioning: ["email"])
        board.run(
            .addStakeholder(Stakeholder(handle: "eve", name: "Eve", role: "domain expert", email: "eve@example.org")),
            as: Fixture.lead)
        #expect(board.state.stakeholders["eve"]?.email == "eve@example.org")
    }

    @Test func nonFiniteMetricsAndThresholdsAreRefused() {
        let board = TestBoard.standard()
        board.expectRefusal(
            .registerVersion(model: Fixture.model, metrics: ["auc": .nan], source: "run-9"), as: Fixture.scientist,
            rule: .invalidText, mentioning: ["auc"])
        board.expectRefusal(
            .registerModel(MLModel(
                slug: "inf", project: Fixture.project, name: "Infinite",
                thresholds: [MetricThreshold(metric: "recall", comparison: .atLeast, value: .infinity)])),
            as: Fixture.scientist, rule: .invalidText, mentioning: ["recall"])
    }
}

/// Format characters (Unicode category Cf) are invisible: refused like control characters,
/// with a message that names the field and the character.
@Suite struct FormatCharacterTests {
    private func newProject(name: String = "Churn again", description: String = "") -> Command {
        .createProject(NewProject(slug: "churn-2", name: name, description: description, goal: "decision making"))
    }

    @Test(arguments: [
        ("\u{FEFF}Churn", "U+FEFF"), ("Churn\u{061C}", "U+061C"), ("abc\u{202E}fed", "U+202E"),
        ("tag\u{E0041}\u{E0042}", "U+E0041"), ("zero\u{200B}width", "U+200B"), ("soft\u{00AD}hyphen", "U+00AD"),
        ("\u{200D}lonely joiner", "U+200D"), ("word\u{2060}joiner", "U+2060"),
    ])
    func formatCharactersInNamesAreRefused(name: String, codePoint: String) {
        let board = TestBoard.team()
        board.expectRefusal(
            newProject(name: name), as: Fixture.lead, rule: .controlCharacters, mentioning: ["project name", codePoint])
    }

    @Test func formatCharactersInDescriptionsAreRefused() {
        let board = TestBoard.team()
        board.expectRefusal(
            newProject(description: "first\nsecond\u{FEFF}"), as: Fixture.lead, rule: .controlCharacters,
            mentioning: ["project description", "U+FEFF"])
    }

    @Test func controlCharacterMessagesNameTheCharacter() {
        let board = TestBoard.team()
        board.expectRefusal(
            newProject(name: "red\u{1B}[31m"), as: Fixture.lead, rule: .controlCharacters, mentioning: ["project name", "U+001B"])
    }

    @Test(arguments: ["👩\u{200D}💻 pairing", "می\u{200C}خواهم", "日本語のモデル"])
    func joinersBetweenVisibleCharactersAreAccepted(name: String) {
        var board = TestBoard.team()
        board.run(newProject(name: name), as: Fixture.lead)
        #expect(board.state.projects["churn-2"]?.name == name)
    }
}

@Suite struct PrintableASCIITests {
    /// The rule as stated, scalar by scalar, without the shortcut for printable ASCII.
    private func reference(_ text: String, allowNewlines: Bool) -> Unicode.Scalar? {
        let scalars = Array(text.unicodeScalars)
        return scalars.indices.first { index in
            let scalar = scalars[index]
            if allowNewlines && scalar == "\n" { return false }
            return TextRules.isForbidden(scalar) && !TextRules.isAllowedJoiner(at: index, in: scalars)
        }.map { scalars[$0] }
    }

    @Test func everyScalarUpToU3000AndTheFormatCharactersAreJudgedAsByTheRule() {
        let scalars = (0 ..< 0x3000).compactMap(Unicode.Scalar.init) + ["\u{FEFF}", "\u{E0041}", "\u{1F469}"]
        for scalar in scalars {
            for text in ["a\(scalar)b", "\(scalar)", "ascii \(scalar)", "\(scalar)\u{200D}x"] {
                for allowNewlines in [false, true] {
                    #expect(TextRules.firstForbiddenCharacter(in: text, allowNewlines: allowNewlines)
                            == reference(text, allowNewlines: allowNewlines), "U+\(String(scalar.value, radix: 16))")
                }
            }
        }
        #expect(TextRules.firstForbiddenCharacter(in: "", allowNewlines: false) == nil)
    }
}
