extension Money {
    /// A unit of measure that is money, 元 or 万元: an indicator's 成本 or 效益 in money. Its
    /// values may be typed as amounts are everywhere (118.2万, ¥1,182,000.00, 1,182,000元) and
    /// are kept as the decimal of the unit; the report, in 万元, writes them in 万元.
    public enum Measure: String, Sendable, CaseIterable {
        case yuan = "元", wan = "万元"

        /// The measure `text` names; nil for any measure that is not money (次, 条, %).
        public init?(_ text: String?) {
            guard let text = text?.trimmingSpaces(), let measure = Measure(rawValue: text) else { return nil }
            self = measure
        }

        /// `fen` as an exact decimal of this unit, without trailing zeros: 118,200,000 fen is
        /// "1182000" 元 or "118.2" 万元.
        public func decimal(_ fen: Int64) -> String {
            let scale = UInt64(self == .yuan ? Money.fenPerYuan : Money.fenPerWan)
            let digits = self == .yuan ? 2 : 6
            let magnitude = fen.magnitude
            var fraction = String(magnitude % scale)
            fraction = String(repeating: "0", count: digits - fraction.count) + fraction
            while fraction.hasSuffix("0") { fraction.removeLast() }
            return (fen < 0 ? "-" : "") + String(magnitude / scale) + (fraction.isEmpty ? "" : "." + fraction)
        }

        /// What a clerk typed for a value of this unit: an amount written as one (with 万, 元,
        /// ¥ or thousands' commas) becomes the unit's decimal; a bare number is already in the
        /// unit and is kept; nil for what is not an amount (refused by the field's own type).
        public func decimal(typed text: String) -> String? {
            guard text.contains(where: { "万元¥￥,".contains($0) }), case .success(let fen) = Money.parse(text), fen >= 0 else { return nil }
            return decimal(fen)
        }

        /// A stored value of this unit in 万元, as the report writes amounts: "1182000" 元 is
        /// "118.2"; nil when it is not an amount drc can hold.
        public func wan(_ value: String) -> String? {
            guard case .success(let fen) = Money.parse(self == .wan ? value + "万" : value) else { return nil }
            var text = Money.wan(fen)
            if text.contains(".") {
                while text.hasSuffix("0") { text.removeLast() }
                if text.hasSuffix(".") { text.removeLast() }
            }
            return text
        }
    }

    /// A value in its measure as people read it, `value + measure`; money in 万元 when
    /// `inWan` (the report's unit): 3000000 元 is "300万元".
    public static func quantity(_ value: String, measure: String?, inWan: Bool) -> String {
        if inWan, let unit = Measure(measure), let wan = unit.wan(value) { return wan + "万元" }
        return value + (measure ?? "")
    }
}
