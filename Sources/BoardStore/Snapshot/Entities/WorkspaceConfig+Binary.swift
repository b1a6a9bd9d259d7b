import BoardCore

extension WorkspaceConfig: BinaryCodable {
    func write(to writer: inout BinaryWriter) {
        writer.write(schemaVersion)
        writer.write(name)
        writer.write(lifecycleSteps)
        writer.write(stages)
        writer.write(roles)
        writer.write(challengeCategories)
        writer.write(businessGoals)
        writer.write(prioritisationBases)
        writer.write(impactAreas)
        writer.write(retrainingCadences)
        writer.write(policy)
        writer.write(mlflow)
    }

    static func read(from reader: inout BinaryReader) throws -> WorkspaceConfig {
        var config = WorkspaceConfig(
            schemaVersion: try reader.read(), name: try reader.read(), lifecycleSteps: try reader.read(),
            stages: try reader.read(), roles: try reader.read(), challengeCategories: try reader.read(),
            businessGoals: try reader.read(), prioritisationBases: try reader.read(), impactAreas: try reader.read(),
            retrainingCadences: try reader.read(), policy: try reader.read())
        config.mlflow = try reader.read()
        return config
    }
}

extension MLflowSettings: BinaryCodable {
    func write(to writer: inout BinaryWriter) {
        writer.write(projects)
    }

    static func read(from reader: inout BinaryReader) throws -> MLflowSettings {
        MLflowSettings(projects: try reader.read())
    }
}

extension ChallengeCategory: BinaryCodable {
    func write(to writer: inout BinaryWriter) {
        writer.write(name)
        writer.write(group)
    }

    static func read(from reader: inout BinaryReader) throws -> ChallengeCategory {
        ChallengeCategory(name: try reader.read(), group: try reader.read())
    }
}

extension RetrainingCadence: BinaryCodable {
    func write(to writer: inout BinaryWriter) {
        writer.write(name)
        writer.write(days)
    }

    static func read(from reader: inout BinaryReader) throws -> RetrainingCadence {
        RetrainingCadence(name: try reader.read(), days: try reader.read())
    }
}

extension PromotionPolicy: BinaryCodable {
    func write(to writer: inout BinaryWriter) {
        writer.write(productionStage)
        writer.write(archiveStage)
        writer.write(approvalsRequired)
        writer.write(archiveReplacedVersion)
        writer.write(blockingSeverity)
        writer.write(aliases)
    }

    static func read(from reader: inout BinaryReader) throws -> PromotionPolicy {
        PromotionPolicy(
            productionStage: try reader.read(), archiveStage: try reader.read(), approvalsRequired: try reader.read(),
            archiveReplacedVersion: try reader.read(), blockingSeverity: try reader.read(),
            aliases: try reader.read([String: String].self))
    }
}
