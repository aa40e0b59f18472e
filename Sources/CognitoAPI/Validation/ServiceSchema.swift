import Foundation

/// The shapes of one service model with the constraints validation and `describeInput` need,
/// decoded from the generated `schemaJSON`.
struct ServiceSchema: Sendable {
    let service: String
    let shapes: [String: ShapeSchema]

    static func load(_ json: String, service: String) -> ServiceSchema {
        do {
            let shapes = try JSONDecoder().decode([String: ShapeSchema].self, from: Data(json.utf8))
            return ServiceSchema(service: service, shapes: shapes)
        } catch {
            // The text is generated and committed; tests decode it, so this cannot happen in a build
            // that passed them.
            fatalError("The generated \(service) schema does not decode: \(error)")
        }
    }

    func shape(_ name: String) -> ShapeSchema {
        guard let shape = shapes[name] else { fatalError("The \(service) schema has no shape \(name)") }
        return shape
    }
}

/// One shape: its kind and the model's constraints on it.
struct ShapeSchema: Sendable, Decodable {
    enum Kind: String, Sendable, Decodable {
        case structure, list, map, string, integer, long, double, float, boolean, timestamp, blob, document
    }

    struct Member: Sendable {
        /// The member's name on the wire.
        let name: String
        let shape: String
    }

    let kind: Kind
    /// Structure members in model order.
    let members: [Member]
    let required: Set<String>
    /// List element shape.
    let element: String?
    let key: String?
    let value: String?
    let min: Double?
    let max: Double?
    /// The model's pattern, a Java regular expression.
    let pattern: String?
    /// The values an enum string lists.
    let enumValues: [String]?
    let sensitive: Bool

    enum CodingKeys: String, CodingKey {
        case kind = "type", members, required, element = "member", key, value, min, max, pattern
        case enumValues = "enum", sensitive
    }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        kind = try c.decode(Kind.self, forKey: .kind)
        let pairs = try c.decodeIfPresent([[String]].self, forKey: .members) ?? []
        members = pairs.map { Member(name: $0[0], shape: $0[1]) }
        required = Set(try c.decodeIfPresent([String].self, forKey: .required) ?? [])
        element = try c.decodeIfPresent(String.self, forKey: .element)
        key = try c.decodeIfPresent(String.self, forKey: .key)
        value = try c.decodeIfPresent(String.self, forKey: .value)
        min = try c.decodeIfPresent(Double.self, forKey: .min)
        max = try c.decodeIfPresent(Double.self, forKey: .max)
        pattern = try c.decodeIfPresent(String.self, forKey: .pattern)
        enumValues = try c.decodeIfPresent([String].self, forKey: .enumValues)
        sensitive = try c.decodeIfPresent(Bool.self, forKey: .sensitive) ?? false
    }

    func member(named name: String) -> Member? { members.first { $0.name == name } }
}
