using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Serverless.Connect.Data.Internal;

namespace Serverless.Connect.Converters.Internal;

/// <summary>
/// A growable UTF-8 buffer that writes JSON tokens byte-for-byte as Jackson does: no whitespace, only <c>"</c>, <c>\</c>
/// and control characters escaped (short escapes for \b \t \n \f \r, otherwise <c>\u00XX</c> upper-case), non-ASCII
/// text written raw, numbers as Java prints them. One instance is cached per thread so serializing does not allocate.
/// </summary>
internal sealed class JsonOutput
{
    private const int InitialSize = 1024;
    private const int MaxRetainedSize = 1024 * 1024;

    [ThreadStatic]
    private static JsonOutput? _cached;

    private static readonly SearchValues<char> _needsEscape = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000A\u000B\u000C\u000D\u000E\u000F" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\"\\");

    private byte[] _buffer = new byte[InitialSize];
    private int _length;

    public int Length => _length;

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _length);

    public static JsonOutput Rent()
    {
        var output = _cached ?? new JsonOutput();
        _cached = null;
        output._length = 0;
        return output;
    }

    public static void Return(JsonOutput output)
    {
        if (output._buffer.Length <= MaxRetainedSize)
        {
            _cached = output;
        }
    }

    /// <summary>Encodes <c>"name":</c> once, for struct fields.</summary>
    public static byte[] EncodePropertyName(string name)
    {
        var output = new JsonOutput();
        output.WriteString(name);
        output.WriteByte((byte)':');
        return output.ToArray();
    }

    public byte[] ToArray() => _buffer.AsSpan(0, _length).ToArray();

    public void WriteByte(byte value)
    {
        if (_length == _buffer.Length)
        {
            Grow(1);
        }

        _buffer[_length++] = value;
    }

    public void WriteRaw(ReadOnlySpan<byte> value)
    {
        value.CopyTo(GetSpan(value.Length));
        _length += value.Length;
    }

    public void WriteNull() => WriteRaw("null"u8);

    public void WriteBoolean(bool value) => WriteRaw(value ? "true"u8 : "false"u8);

    public void WriteInt64(long value)
    {
        value.TryFormat(GetSpan(20), out var written, default, CultureInfo.InvariantCulture);
        _length += written;
    }

    public void WriteDouble(double value)
    {
        if (double.IsFinite(value))
        {
            _length += JavaFormat.FormatDouble(value, GetSpan(JavaFormat.MaxFloatingLength));
        }
        else
        {
            // Jackson's QUOTE_NON_NUMERIC_NUMBERS (on by default) writes NaN and the infinities as strings.
            WriteByte((byte)'"');
            _length += JavaFormat.FormatDouble(value, GetSpan(JavaFormat.MaxFloatingLength));
            WriteByte((byte)'"');
        }
    }

    public void WriteFloat(float value)
    {
        if (float.IsFinite(value))
        {
            _length += JavaFormat.FormatFloat(value, GetSpan(JavaFormat.MaxFloatingLength));
        }
        else
        {
            WriteByte((byte)'"');
            _length += JavaFormat.FormatFloat(value, GetSpan(JavaFormat.MaxFloatingLength));
            WriteByte((byte)'"');
        }
    }

    /// <summary>Writes ASCII text (a number rendering) verbatim.</summary>
    public void WriteAscii(string value)
    {
        var span = GetSpan(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            span[i] = (byte)value[i];
        }

        _length += value.Length;
    }

    public void WriteBase64String(ReadOnlySpan<byte> value)
    {
        WriteByte((byte)'"');
        Base64.EncodeToUtf8(value, GetSpan(Base64.GetMaxEncodedToUtf8Length(value.Length)), out _, out var written);
        _length += written;
        WriteByte((byte)'"');
    }

    public void WriteString(string value)
    {
        WriteByte((byte)'"');
        ReadOnlySpan<char> remaining = value;
        while (!remaining.IsEmpty)
        {
            var index = remaining.IndexOfAny(_needsEscape);
            var chunk = index < 0 ? remaining : remaining[..index];
            if (!chunk.IsEmpty)
            {
                _length += Encoding.UTF8.GetBytes(chunk, GetSpan(Encoding.UTF8.GetMaxByteCount(chunk.Length)));
            }

            if (index < 0)
            {
                break;
            }

            WriteEscape(remaining[index]);
            remaining = remaining[(index + 1)..];
        }

        WriteByte((byte)'"');
    }

    private void WriteEscape(char c)
    {
        var span = GetSpan(6);
        span[0] = (byte)'\\';
        var shortForm = c switch
        {
            '"' => (byte)'"',
            '\\' => (byte)'\\',
            '\b' => (byte)'b',
            '\t' => (byte)'t',
            '\n' => (byte)'n',
            '\f' => (byte)'f',
            '\r' => (byte)'r',
            _ => (byte)0,
        };
        if (shortForm != 0)
        {
            span[1] = shortForm;
            _length += 2;
            return;
        }

        span[1] = (byte)'u';
        span[2] = (byte)'0';
        span[3] = (byte)'0';
        span[4] = (byte)"0123456789ABCDEF"[c >> 4];
        span[5] = (byte)"0123456789ABCDEF"[c & 0xF];
        _length += 6;
    }

    private Span<byte> GetSpan(int size)
    {
        if (_buffer.Length - _length < size)
        {
            Grow(size);
        }

        return _buffer.AsSpan(_length);
    }

    private void Grow(int size)
    {
        var newSize = Math.Max(_buffer.Length * 2, _length + size);
        var buffer = new byte[newSize];
        _buffer.AsSpan(0, _length).CopyTo(buffer);
        _buffer = buffer;
    }
}
