import DRCCore
import Hummingbird

/// The language of a page: the `drc_lang` cookie a person set with the switch in the header,
/// else the first of Chinese or English in the browser's `Accept-Language`, else Chinese (the
/// office's language).
enum WebLanguage {
    static let cookieName = "drc_lang"

    static func choose(_ request: Request) -> Language {
        if let chosen = request.cookies[cookieName]?.value, let language = Language(rawValue: chosen) {
            return language
        }
        return fromAcceptLanguage(request.headers[.acceptLanguage] ?? "")
    }

    /// `en-US,en;q=0.9,zh;q=0.5` → English: the highest-weighted tag that is zh or en.
    static func fromAcceptLanguage(_ header: String) -> Language {
        var best: (language: Language, weight: Double)?
        for (position, item) in header.split(separator: ",").enumerated() {
            let parts = item.split(separator: ";").map { String($0).trimmingCharacters(in: " ") }
            guard let tag = parts.first?.lowercased() else { continue }
            let primary = tag.split(separator: "-").first.map(String.init) ?? tag
            guard let language = Language(rawValue: primary) else { continue }
            var weight = 1.0
            for parameter in parts.dropFirst() where parameter.hasPrefix("q=") {
                weight = Double(parameter.dropFirst(2)) ?? 0
            }
            // Equal weights: the earlier tag wins.
            let adjusted = weight - Double(position) * 1e-6
            if adjusted > 0, adjusted > (best?.weight ?? 0) { best = (language, adjusted) }
        }
        return best?.language ?? .zh
    }
}
