import BoardCore
import Foundation

/// The mlboard slug for an MLflow registered model name: the name itself where it is a slug,
/// else lower-cased, accents dropped, every run of other characters made one dash.
enum ModelSlug {
    static func make(from name: String) -> String? {
        if TextRules.isValidSlug(name) { return name }
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil).lowercased()
        var slug = ""
        for scalar in folded.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.isEmpty && !slug.hasSuffix("-") {
                slug.append("-")
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        slug = String(slug.prefix(TextRules.maxSlugLength))
        while slug.hasSuffix("-") { slug.removeLast() }
        return TextRules.isValidSlug(slug) ? slug : nil
    }
}
