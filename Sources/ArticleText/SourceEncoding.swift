/// The character encoding a file was read in, as detected.
public enum SourceEncoding: String, Sendable, Codable {
    case utf8
    case utf8WithBOM
    case utf16LittleEndian
    case utf16BigEndian
    /// Windows-1252, the superset of Latin-1 that legacy news CMSes actually emit.
    case windows1252
    /// Another encoding the file declares (GBK, Shift_JIS, EUC-KR, Windows-1251, …),
    /// converted with iconv.
    case legacyCharset
}
