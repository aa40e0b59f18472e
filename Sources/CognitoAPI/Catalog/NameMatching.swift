/// Matching names the way people type them: ignoring case, `-` and `_`, and suggesting the
/// nearest known name for a typo.
enum NameMatching {
    /// `list-users`, `ListUsers` and `LIST_USERS` all normalize to `listusers`.
    static func normalized(_ name: String) -> String {
        String(name.lowercased().filter { $0 != "-" && $0 != "_" })
    }

    /// The candidate closest to `name` by edit distance (ignoring case), if it is close enough to be
    /// a plausible typo, or if one name contains the other (`PoolId` → `UserPoolId`).
    static func nearest(to name: String, among candidates: [String]) -> String? {
        let typed = normalized(name)
        guard !typed.isEmpty else { return nil }
        let allowed = Swift.max(2, typed.count / 3)
        // Ranked by edit distance; containment makes a far name acceptable but never beats a near one.
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let known = normalized(candidate)
            let distance = editDistance(typed, known)
            guard distance <= allowed || known.contains(typed) || typed.contains(known) else { continue }
            if best == nil || distance < best!.distance { best = (candidate, distance) }
        }
        return best?.name
    }

    /// Levenshtein distance over characters.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
