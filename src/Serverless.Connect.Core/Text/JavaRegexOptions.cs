namespace Serverless.Connect.Text;

/// <summary>
/// Compile flags of <c>java.util.regex.Pattern</c>, with Java's bit values so configs carrying numeric flags map 1:1.
/// The same flags can be switched on inside a pattern with <c>(?idmsuxU)</c>.
/// </summary>
[Flags]
public enum JavaRegexOptions
{
    /// <summary>No flags: Java defaults (ASCII classes, <c>.</c> excludes line terminators).</summary>
    None = 0,

    /// <summary><c>UNIX_LINES</c> / <c>(?d)</c>: only <c>\n</c> is a line terminator for <c>.</c>, <c>^</c> and <c>$</c>.</summary>
    UnixLines = 0x01,

    /// <summary><c>CASE_INSENSITIVE</c> / <c>(?i)</c>: ASCII-only case folding unless <see cref="UnicodeCase"/> is set.</summary>
    CaseInsensitive = 0x02,

    /// <summary><c>COMMENTS</c> / <c>(?x)</c>: whitespace and <c>#</c> comments are ignored, also inside classes.</summary>
    Comments = 0x04,

    /// <summary><c>MULTILINE</c> / <c>(?m)</c>: <c>^</c> and <c>$</c> match at line terminators.</summary>
    Multiline = 0x08,

    /// <summary><c>LITERAL</c>: the whole pattern is a literal string.</summary>
    Literal = 0x10,

    /// <summary><c>DOTALL</c> / <c>(?s)</c>: <c>.</c> also matches line terminators.</summary>
    DotAll = 0x20,

    /// <summary><c>UNICODE_CASE</c> / <c>(?u)</c>: with <see cref="CaseInsensitive"/>, fold case for all of Unicode.</summary>
    UnicodeCase = 0x40,

    /// <summary><c>CANON_EQ</c>: canonical equivalence. Not supported; compiling with it throws.</summary>
    CanonEq = 0x80,

    /// <summary><c>UNICODE_CHARACTER_CLASS</c> / <c>(?U)</c>: Unicode <c>\w \d \s</c> and POSIX classes; implies <see cref="UnicodeCase"/>.</summary>
    UnicodeCharacterClass = 0x100,
}
