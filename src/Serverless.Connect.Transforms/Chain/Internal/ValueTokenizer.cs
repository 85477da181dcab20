namespace Serverless.Connect.Transforms.Chain.Internal;

/// <summary>
/// The tokenizer behind Kafka's <c>Values.parseString</c>: splits on unescaped <c>: , { } [ ] "</c>, returning each
/// delimiter as its own token and keeping escape characters in the text. Not thread-safe; one per parse.
/// </summary>
internal sealed class ValueTokenizer
{
    private readonly string _original;
    private int _index;
    private string? _nextToken;

    public ValueTokenizer(string original)
    {
        _original = original;
    }

    public string Original => _original;

    public int Position => _index;

    public string? Previous { get; private set; }

    /// <summary>Where the next token starts, including one that was peeked but not consumed.</summary>
    public int Mark() => _index - (_nextToken?.Length ?? 0);

    public void RewindTo(int position)
    {
        _index = position;
        _nextToken = null;
        Previous = null;
    }

    public bool HasNext => _nextToken is not null || CanConsumeNextToken;

    private bool CanConsumeNextToken => _index < _original.Length;

    public string Next()
    {
        if (_nextToken is not null)
        {
            Previous = _nextToken;
            _nextToken = null;
        }
        else
        {
            Previous = ConsumeNextToken();
        }

        return Previous;
    }

    /// <summary>The text of the next <paramref name="count"/> tokens, or null (consuming nothing) when there are fewer.</summary>
    public string? Next(int count)
    {
        var start = Mark();
        for (var i = 0; i != count; ++i)
        {
            if (!HasNext)
            {
                RewindTo(start);
                return null;
            }

            Next();
        }

        return _original[start.._index];
    }

    /// <summary>Consumes the next non-blank token when, trimmed, it equals <paramref name="expected"/>.</summary>
    public bool CanConsume(string expected)
    {
        if (_nextToken is null)
        {
            if (!HasNext)
            {
                return false;
            }

            _nextToken = ConsumeNextToken();
        }

        while (IsBlank(_nextToken) && CanConsumeNextToken)
        {
            _nextToken = ConsumeNextToken();
        }

        if (string.Equals(JavaTrim(_nextToken), expected, StringComparison.Ordinal))
        {
            _nextToken = null;
            return true;
        }

        return false;
    }

    /// <summary>Java's <c>String.isBlank</c> as Kafka's <c>Utils.isBlank</c> uses it (<c>trim().isEmpty()</c>).</summary>
    public static bool IsBlank(string text) => JavaTrim(text).Length == 0;

    /// <summary>Java's <c>String.trim</c>: removes characters up to U+0020 from both ends.</summary>
    public static string JavaTrim(string text)
    {
        var start = 0;
        var end = text.Length;
        while (start < end && text[start] <= ' ')
        {
            start++;
        }

        while (end > start && text[end - 1] <= ' ')
        {
            end--;
        }

        return start == 0 && end == text.Length ? text : text[start..end];
    }

    private string ConsumeNextToken()
    {
        var escaped = false;
        var start = _index;
        for (; _index < _original.Length; _index++)
        {
            var c = _original[_index];
            switch (c)
            {
                case '\\':
                    escaped = !escaped;
                    break;
                case ':' or ',' or '{' or '}' or '[' or ']' or '"':
                    if (!escaped)
                    {
                        if (start < _index)
                        {
                            return _original[start.._index];
                        }

                        _index++;
                        return _original.Substring(start, 1);
                    }

                    escaped = false;
                    break;
                default:
                    escaped = false;
                    break;
            }
        }

        return _original[start.._index];
    }
}
