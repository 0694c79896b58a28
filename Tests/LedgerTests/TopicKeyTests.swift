import Testing
import EventLog
@testable import Ledger

@Suite struct TopicKeyTests {
    typealias F = LedgerFixtures

    @Test("citizens, nationals and a demonym plural meet in one topic; troops and soldiers meet")
    func synonyms() {
        let citizens = F.key(F.figure("at least 300 Valdorian citizens", counted: "Valdorian citizens", low: 300, bound: "atLeast",
                                      in: "The minister said at least 300 Valdorian citizens are fighting for the northern army."))
        let nationals = F.key(F.figure("more than 250 Valdorian nationals", counted: "Valdorian nationals", low: 250, bound: "atLeast",
                                       in: "More than 250 Valdorian nationals serve in the northern forces, officials said."))
        let demonym = F.key(F.figure("4,000 Valdorians", counted: "Valdorians", low: 4_000,
                                     in: "A contingent of 4,000 Valdorians joined the northern forces in March."))
        let troops = F.key(F.figure("some 5,000 Valdorian troops", counted: "Valdorian troops", low: 5_000, bound: "approximately",
                                    in: "Some 5,000 Valdorian troops have been sent to the border."))
        let soldiers = F.key(F.figure("the estimated 5,000 Valdorian soldiers", counted: "Valdorian soldiers", low: 5_000,
                                      bound: "approximately", in: "That is far below the estimated 5,000 Valdorian soldiers at the front."))
        #expect(citizens != nil)
        #expect(citizens == nationals)
        #expect(nationals == demonym)
        #expect(troops == soldiers)
        #expect(demonym == troops)
    }

    @Test("qualifiers keep topics apart: other nationalities, and none at all")
    func qualifiers() {
        func key(_ counted: String) -> String? {
            F.key(F.figure("300 " + counted, counted: counted, low: 300,
                           in: "Officials said 300 \(counted) are fighting for the northern army."))
        }
        #expect(key("Valdorian citizens") != key("Ostrian citizens"))
        #expect(key("North Ostrian citizens") != key("Ostrian citizens"))
        #expect(key("Valdorian citizens") != key("citizens"))
        #expect(key("Valdorian fighters") != key("Valdorian citizens"))
    }

    @Test("people of a nationality stay people outside an armed context")
    func civilianContext() {
        let tourists = F.key(F.figure("2,000 Valdorian citizens", counted: "Valdorian citizens", low: 2_000,
                                      in: "About 2,000 Valdorian citizens visited the coast last summer."))
        let fighting = F.key(F.figure("2,000 Valdorian citizens", counted: "Valdorian citizens", low: 2_000,
                                      in: "About 2,000 Valdorian citizens are fighting in the war."))
        #expect(tourists == "count|valdorian|person|")
        #expect(fighting == "count|valdorian|soldier|")
    }

    @Test("a state near the figure keeps captured, dead and displaced counts apart from the rest")
    func states() {
        let captured = F.key(F.figure("Three Valdorian fighters", counted: "Valdorian fighters", low: 3,
                                      in: "Three Valdorian fighters were captured near the river."))
        let capturedAdjective = F.key(F.figure("two captured fighters", counted: "captured fighters", low: 2,
                                               in: "He spoke to two captured fighters."))
        let fighting = F.key(F.figure("40 Valdorian fighters", counted: "Valdorian fighters", low: 40,
                                      in: "Around 40 Valdorian fighters held the bridge, and two were captured later."))
        #expect(captured == "count|valdorian|fighter|captured")
        #expect(capturedAdjective == "count||fighter|captured")
        #expect(fighting == "count|valdorian|fighter|")
        let dead = F.key(F.figure("9 people", counted: "people", low: 9, in: "The agency said 9 people were confirmed dead."))
        let bodies = F.key(F.figure("at least 12 bodies", counted: "bodies", low: 12, bound: "atLeast",
                                    in: "Divers have recovered at least 12 bodies."))
        let died = F.key(F.figure("at least 15 people", counted: "people", low: 15, bound: "atLeast",
                                  in: "The group said at least 15 people had died."))
        #expect(dead == "count||person|dead")
        #expect(dead == bodies && bodies == died)
        let evacuated = F.key(F.figure("about 3,000 residents", counted: "residents", low: 3_000, bound: "approximately",
                                       in: "About 3,000 residents had been moved to emergency shelters."))
        let fled = F.key(F.figure("up to 4,000 people", counted: "people", low: nil, high: 4_000, bound: "atMost",
                                  in: "Up to 4,000 people have fled their homes."))
        #expect(evacuated == "count||person|displaced")
        #expect(evacuated == fled)
    }

    @Test("a count without a counted phrase reads the words after it, through a closing quote mark")
    func fallbackPhrase() {
        let quoted = F.key(F.figure("at least \"several hundred", counted: nil, low: 200, bound: "atLeast",
                                    in: "The president said that at least \"several hundred\" Valdorian citizens are fighting abroad."))
        #expect(quoted == "count|valdorian|soldier|")
        let bare = F.key(F.figure("two", counted: nil, low: 2, in: "Troops met six fighters and captured two on Monday."))
        #expect(bare == nil)
    }

    @Test("money and percentages without a counted phrase get no topic; units never mix")
    func units() {
        #expect(F.key(F.figure("40 million euros", counted: nil, low: 4e7, unit: "EUR", in: "It released 40 million euros.")) == nil)
        let count = F.key(F.figure("300 workers", counted: "workers", low: 300, in: "It hired 300 workers."))
        let money = F.key(F.figure("300 workers", counted: "workers", low: 300, unit: "USD", in: "It hired 300 workers."))
        #expect(count != money)
    }

    @Test("topic ids are stable hex hashes of the key")
    func topicID() {
        let key = TopicKey(unit: "count", qualifiers: "valdorian", head: "soldier", state: "")
        #expect(key.topicID == TopicKey(unit: "count", qualifiers: "valdorian", head: "soldier", state: "").topicID)
        #expect(key.topicID.count == 16)
        #expect(key.topicID != TopicKey(unit: "count", qualifiers: "ostrian", head: "soldier", state: "").topicID)
    }

    @Test("plurals singularize by the common rules")
    func singular() {
        #expect(NounLexicon.singular("casualties") == "casualty")
        #expect(NounLexicon.singular("churches") == "church")
        #expect(NounLexicon.singular("people") == "person")
        #expect(NounLexicon.singular("troops") == "troop")
        #expect(NounLexicon.singular("status") == "status")
    }
}
