using System.Text;
using Serverless.Connect.Errors;

namespace Serverless.Connect.Converters.Internal;

/// <summary>
/// A Java charset name resolved to .NET encodings with Java's replacement behaviour: unmappable characters (including
/// unpaired surrogates) encode as <c>?</c>, malformed input decodes as U+FFFD, and <c>UTF-16</c> encodes big-endian
/// with a byte-order mark and decodes big-endian unless a mark says otherwise.
/// </summary>
internal sealed class JavaCharset
{
    private static readonly EncoderFallback _question = new EncoderReplacementFallback("?");
    private static readonly DecoderFallback _replacement = new DecoderReplacementFallback("\uFFFD");

    private readonly Encoding _encoding;
    private readonly bool _utf16WithMark;

    private JavaCharset(string name, Encoding encoding, bool utf16WithMark)
    {
        Name = name;
        _encoding = encoding;
        _utf16WithMark = utf16WithMark;
    }

    public static JavaCharset Utf8 { get; } = new("UTF-8", Encoding.GetEncoding("utf-8", _question, _replacement), false);

    public string Name { get; }

    public static JavaCharset Resolve(string configName, string name)
    {
        var normalized = name.Trim().ToUpperInvariant().Replace('_', '-');
        switch (normalized)
        {
            case "UTF-8" or "UTF8":
                return Utf8;
            case "UTF-16":
            case "UTF16":
                return new JavaCharset("UTF-16", Encoding.GetEncoding("utf-16BE", _question, _replacement), true);
            case "UTF-16BE" or "UNICODEBIGUNMARKED":
                return new JavaCharset("UTF-16BE", Encoding.GetEncoding("utf-16BE", _question, _replacement), false);
            case "UTF-16LE" or "UNICODELITTLEUNMARKED":
                return new JavaCharset("UTF-16LE", Encoding.GetEncoding("utf-16", _question, _replacement), false);
            case "US-ASCII" or "ASCII":
                return new JavaCharset("US-ASCII", Encoding.GetEncoding("us-ascii", _question, _replacement), false);
            case "ISO-8859-1" or "ISO8859-1" or "LATIN1" or "8859-1":
                return new JavaCharset("ISO-8859-1", Encoding.GetEncoding("iso-8859-1", _question, _replacement), false);
        }

        try
        {
            var encoding = Encoding.GetEncoding(name.Trim(), _question, _replacement);
            return new JavaCharset(name.Trim(), encoding, false);
        }
        catch (ArgumentException)
        {
            var provided = CodePagesEncodingProvider.Instance.GetEncoding(name.Trim(), _question, _replacement);
            if (provided is null)
            {
                throw new ConverterConfigException(configName, name, "Unsupported charset");
            }

            return new JavaCharset(name.Trim(), provided, false);
        }
    }

    public byte[] Encode(string text)
    {
        if (!_utf16WithMark)
        {
            return _encoding.GetBytes(text);
        }

        var bytes = new byte[2 + _encoding.GetByteCount(text)];
        bytes[0] = 0xFE;
        bytes[1] = 0xFF;
        _encoding.GetBytes(text, bytes.AsSpan(2));
        return bytes;
    }

    public string Decode(ReadOnlySpan<byte> bytes)
    {
        if (_utf16WithMark && bytes.Length >= 2)
        {
            if (bytes[0] == 0xFE && bytes[1] == 0xFF)
            {
                return _encoding.GetString(bytes[2..]);
            }

            if (bytes[0] == 0xFF && bytes[1] == 0xFE)
            {
                return Encoding.GetEncoding("utf-16", _question, _replacement).GetString(bytes[2..]);
            }
        }

        return _encoding.GetString(bytes);
    }
}
