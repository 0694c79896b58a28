/// Kinds of page furniture that a line can be recognised as on its own.
enum Furniture: Equatable {
    /// Ads, navigation, share bars, player widgets, prompts: always dropped.
    case clutter
    /// "By Jane Doe": dropped from the text, kept as the byline.
    case byline(String)
    /// A photo caption or credit line.
    case caption
    /// A copyright or republication notice.
    case legal
    /// Starts a list of links to other articles or a comment section: "Read more",
    /// "Related Posts", "Leave a Reply". What follows is suspect too.
    case sectionStart
    /// A paragraph about the author ("Jane Doe is a reporter at …").
    case authorBio
}
