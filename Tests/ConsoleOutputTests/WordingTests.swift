import ConsoleOutput
import Testing

@Suite struct WordingTests {
    @Test("one of a thing is singular, any other count plural", arguments: [
        (1, "file", "1 file"), (3, "file", "3 files"), (0, "copy", "0 copies"), (1, "copy", "1 copy"),
        (2, "conflicting pair", "2 conflicting pairs"), (2, "day", "2 days"), (4, "match", "4 matches"),
    ])
    func counts(number: Int, noun: String, expected: String) {
        #expect(Wording.count(number, noun) == expected)
    }

    @Test("an before a vowel, a before a consonant")
    func articles() {
        #expect(Wording.indefinite("exact") == "an")
        #expect(Wording.indefinite("near") == "a")
        #expect(Wording.indefinite("contained") == "a")
    }
}
