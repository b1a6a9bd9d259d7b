import Glibc

/// The width functions follow the C library's locale, which a test process starts in as "C";
/// tests measure text as a UTF-8 terminal would.
enum UTF8Locale {
    static let ready: Void = {
        _ = setlocale(LC_CTYPE, "C.UTF-8")
    }()
}
