@testable import Stories

/// Invented articles: two stories told by several outlets (a bridge collapse in Tovara, a
/// chess final in Orlen), both mentioning the same president and capital, as stories of one
/// feed do.
enum StoryFixtures {
    static let recorded = "2026-11-20T09:00:00Z"

    static let bridgeWire = """
        Halvik Bridge collapses over the Drenn River in Tovara

        TOVARA — The Halvik Bridge collapsed into the Drenn River on Tuesday morning, and rescue crews pulled \
        commuters from the water for hours, Mayor Elsa Varga said. The Tovara Transit Authority closed the river \
        crossings while divers searched the wreckage of the bridge.

        Varga said the bridge had been inspected in the spring. President Lund called the collapse a tragedy and \
        promised help for Tovara. Engineers from the Transit Authority blamed corroded cables on the bridge deck, \
        and divers kept searching the river after dark.
        """

    static let bridgeCourier = """
        Divers search the Drenn after the Halvik Bridge gives way

        Rescue divers searched the Drenn River for a second day after the Halvik Bridge collapse in Tovara, \
        where the bridge deck fell into the river during the morning commute. Mayor Elsa Varga told reporters that \
        the crossings would stay closed.

        The Tovara Transit Authority said corroded cables may have caused the collapse. Divers pulled two more cars \
        from the river, and Varga asked commuters to avoid the bridge district. President Lund is expected in Tovara.
        """

    static let bridgeFollowUp = """
        Tovara asks who inspected the Halvik Bridge

        Questions grew in Tovara over who inspected the Halvik Bridge before its collapse into the Drenn River. \
        Mayor Elsa Varga said the Transit Authority would publish its inspection reports on the bridge cables, and \
        engineers said the corroded cables had been flagged years ago.

        Divers ended the search of the river on Thursday. The bridge collapse is the worst in Tovara in decades.
        """

    static let chessFinal = """
        Irina Kolbe wins the Orlen chess final

        ORLEN — Irina Kolbe won the Orlen Open chess final on Sunday after a long endgame against Tomas Reyk, taking \
        the title in the sixth game. The chess federation said the final drew a record crowd to the Orlen Hall.

        Kolbe said the endgame was the hardest of her career. Reyk resigned after a blunder with his rook. President \
        Lund congratulated Kolbe, and the federation will host the next chess final in Orlen.
        """

    static let chessReport = """
        Kolbe takes the Orlen Open after marathon endgame

        Irina Kolbe beat Tomas Reyk in the Orlen Open final, a chess match decided by a rook endgame in the sixth \
        game. The federation praised both players, and the Orlen Hall sold out for the final.

        Reyk said his rook blunder cost him the title. Kolbe will defend the Orlen chess title next year, the \
        federation said. President Lund sent his congratulations.
        """

    static func features(_ text: String, published: String? = "2026-11-18") -> StoryFeatures {
        let title = String(text.prefix { $0 != "\n" })
        return StoryFeatures(title: title, text: text, published: published, recorded: recorded)
    }

    static func hash(_ word: String) -> UInt64 { WordHash.of(Substring(word)) }
}
