import Testing
@testable import ArticleText

@Suite struct SentenceSplitterTests {
    /// Each case: a paragraph and the sentences it must split into.
    static let cases: [(String, [String])] = [
        ("The strike began on Tuesday. Ships waited offshore.", ["The strike began on Tuesday.", "Ships waited offshore."]),
        ("Did talks fail? The union says yes!", ["Did talks fail?", "The union says yes!"]),
        ("Officials in the U.S. said nothing.", ["Officials in the U.S. said nothing."]),
        ("He moved to the U.S. The move was brief.", ["He moved to the U.S.", "The move was brief."]),
        ("U.S. President Dana Hale spoke first.", ["U.S. President Dana Hale spoke first."]),
        ("Dr. Amara Quist gave evidence.", ["Dr. Amara Quist gave evidence."]),
        ("Mr. Fenn and Mrs. Marrow met. They agreed.", ["Mr. Fenn and Mrs. Marrow met.", "They agreed."]),
        ("The vote is on Jan. 5 at noon.", ["The vote is on Jan. 5 at noon."]),
        ("Costs rose 3.5 percent. Prices fell.", ["Costs rose 3.5 percent.", "Prices fell."]),
        ("The fund lost 2.75 million crowns.", ["The fund lost 2.75 million crowns."]),
        ("J. R. Smith wrote the report.", ["J. R. Smith wrote the report."]),
        ("Ask Sen. Ruth Oyelaran about it.", ["Ask Sen. Ruth Oyelaran about it."]),
        ("Gen. Ivo Brandt resigned. Gov. Lina Park did not.", ["Gen. Ivo Brandt resigned.", "Gov. Lina Park did not."]),
        ("“We will not move,” he said.", ["“We will not move,” he said."]),
        ("“We will not move!” he said.", ["“We will not move!” he said."]),
        ("“It is over.” Next came the vote.", ["“It is over.”", "Next came the vote."]),
        ("He said: “It is over.” Then he left.", ["He said: “It is over.”", "Then he left."]),
        ("\"It is over.\" Next came the vote.", ["\"It is over.\"", "Next came the vote."]),
        ("She paused… Then she spoke.", ["She paused…", "Then she spoke."]),
        ("She paused... Then she spoke.", ["She paused...", "Then she spoke."]),
        ("It was… unusual, she said.", ["It was… unusual, she said."]),
        ("The talks (held in secret.) Ended badly.", ["The talks (held in secret.)", "Ended badly."]),
        ("Pickets stayed at 6 p.m. on Friday.", ["Pickets stayed at 6 p.m. on Friday."]),
        ("Pickets left at 6 p.m. The gates opened.", ["Pickets left at 6 p.m.", "The gates opened."]),
        ("Headline without a full stop", ["Headline without a full stop"]),
        ("The port handles 14,000 boxes a day. It is busy.", ["The port handles 14,000 boxes a day.", "It is busy."]),
        ("Visit kestrel.example for details. Or call.", ["Visit kestrel.example for details.", "Or call."]),
        ("Ardent Systems Inc. makes cranes.", ["Ardent Systems Inc. makes cranes."]),
        ("They rejected it by 9 to 1. (Turnout was high.)", ["They rejected it by 9 to 1.", "(Turnout was high.)"]),
        ("The No. 4 berth closed. Work stopped.", ["The No. 4 berth closed.", "Work stopped."]),
        ("Really?! Yes.", ["Really?!", "Yes."]),
        ("Prices rose in 2019. In 2020 they fell.", ["Prices rose in 2019.", "In 2020 they fell."]),
        ("The e.g. clause stays.", ["The e.g. clause stays."]),
        ("Сторона заявила об этом. Переговоры продолжатся.", ["Сторона заявила об этом.", "Переговоры продолжатся."]),
        ("Élise Varga spoke. Émile Roux agreed.", ["Élise Varga spoke.", "Émile Roux agreed."]),
    ]

    @Test("splits sentences and reports their scalar offsets", arguments: cases)
    func split(paragraph: String, expected: [String]) {
        let sentences = SentenceSplitter.split(paragraph, startingAt: 10)
        #expect(sentences.map(\.text) == expected)
        let scalars = Array(paragraph.unicodeScalars)
        for sentence in sentences {
            let slice = String(String.UnicodeScalarView(scalars[(sentence.start - 10)..<(sentence.end - 10)]))
            #expect(slice == sentence.text)
        }
    }

    @Test("each paragraph of an article ends a sentence, and offsets index the stored text")
    func articleOffsets() throws {
        let source = "Dock strike spreads\n\nPickets closed the gates. “No ships,” said Fenn.\n\nTalks resume on Friday, the guild said"
        let article = try ArticleExtractor.extract(bytes: Array(source.utf8), fileName: "a.txt")
        let scalars = Array(article.text.unicodeScalars)
        #expect(article.sentences.map(\.text) == [
            "Dock strike spreads", "Pickets closed the gates.", "“No ships,” said Fenn.", "Talks resume on Friday, the guild said",
        ])
        for span in article.sentences + article.paragraphs {
            #expect(String(String.UnicodeScalarView(scalars[span.start..<span.end])) == span.text)
        }
    }
}
