/// A grouping names each dimension once: `kind,kind` would give a table with two equal
/// columns and JSON objects with a repeated key, which readers take one of silently.
enum DistinctDimensions {
    static func require<D: RawRepresentable & Equatable>(_ dimensions: [D]) throws where D.RawValue == String {
        for (index, dimension) in dimensions.enumerated() where dimensions[..<index].contains(dimension) {
            throw DRCError.repeatedDimension(name: dimension.rawValue)
        }
    }
}
