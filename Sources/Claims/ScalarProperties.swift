/// Unicode property queries for scalars beyond ASCII, kept out of line on purpose.
///
/// `Unicode.Scalar.Properties` and `Unicode.GeneralCategory` are resilient standard-library
/// types: a function that holds one in its frame asks the runtime for the type's metadata
/// and sizes its stack dynamically, on every call, whether or not the slow path runs. Inlined
/// into the tokenizer's word scan, that cost a fifth of the scan for text that is all ASCII.
/// Behind a call that is never inlined, only the rare scalar beyond ASCII pays it.
enum ScalarProperties {
    @inline(never)
    static func isAlphabetic(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isAlphabetic }

    @inline(never)
    static func isUppercase(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isUppercase }

    @inline(never)
    static func isLowercase(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isLowercase }

    @inline(never)
    static func isNonspacingMark(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.generalCategory == .nonspacingMark }
}
