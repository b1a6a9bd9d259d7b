import BoardCore

extension MLModel: BinaryCodable {
    func write(to writer: inout BinaryWriter) {
        writer.write(slug)
        writer.write(project)
        writer.write(name)
        writer.write(description)
        writer.write(thresholds)
        writer.write(keyMetric)
        writer.write(aliases)
    }

    static func read(from reader: inout BinaryReader) throws -> MLModel {
        MLModel(
            slug: try reader.read(), project: try reader.read(), name: try reader.read(), description: try reader.read(),
            thresholds: try reader.read(), keyMetric: try reader.read(), aliases: try reader.read())
    }
}

extension MetricThreshold.Comparison: BinaryCodable {}

extension MetricThreshold: BinaryCodable {
    func write(to writer: inout BinaryWriter) {
        writer.write(metric)
        writer.write(comparison)
        writer.write(value)
    }

    static func read(from reader: inout BinaryReader) throws -> MetricThreshold {
        MetricThreshold(metric: try reader.read(), comparison: try reader.read(), value: try reader.read())
    }
}
