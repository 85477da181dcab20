namespace Serverless.Connect.Converters.Internal;

/// <summary>Pre-boxed small integers and booleans, so decoding ids, flags and counters does not allocate per value.</summary>
internal static class BoxCache
{
    private const int Min = -128;
    private const int Max = 1023;

    private static readonly object[] _longs = Create(i => (long)i);
    private static readonly object[] _ints = Create(i => i);

    public static object True { get; } = true;

    public static object False { get; } = false;

    public static object Boolean(bool value) => value ? True : False;

    public static object Int64(long value) => value is >= Min and <= Max ? _longs[value - Min] : value;

    public static object Int32(int value) => value is >= Min and <= Max ? _ints[value - Min] : value;

    private static object[] Create(Func<int, object> box)
    {
        var result = new object[Max - Min + 1];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = box(i + Min);
        }

        return result;
    }
}
