using System.Globalization;
using Serverless.Connect.Data.Debezium;

namespace Serverless.Connect.Sources.Postgres.Internal;

/// <summary>An interval parsed from <c>IntervalStyle=iso_8601</c> output such as <c>P1Y2M3DT4H5M6.78S</c>.</summary>
internal readonly record struct PgInterval(int Years, int Months, int Days, int Hours, int Minutes, decimal Seconds)
{
    public static PgInterval Parse(string text)
    {
        if (text.Length < 2 || text[0] != 'P')
        {
            throw PgText.Invalid("interval", text);
        }

        int years = 0, months = 0, days = 0, hours = 0, minutes = 0;
        decimal seconds = 0;
        var inTime = false;
        var start = 1;
        for (var i = 1; i < text.Length; i++)
        {
            var c = text[i];
            if (c == 'T')
            {
                inTime = true;
                start = i + 1;
                continue;
            }

            if (char.IsAsciiDigit(c) || c is '-' or '.' or '+')
            {
                continue;
            }

            var number = text.AsSpan(start, i - start);
            start = i + 1;
            switch (c, inTime)
            {
                case ('Y', false): years = int.Parse(number, CultureInfo.InvariantCulture); break;
                case ('M', false): months = int.Parse(number, CultureInfo.InvariantCulture); break;
                case ('D', false): days = int.Parse(number, CultureInfo.InvariantCulture); break;
                case ('H', true): hours = int.Parse(number, CultureInfo.InvariantCulture); break;
                case ('M', true): minutes = int.Parse(number, CultureInfo.InvariantCulture); break;
                case ('S', true): seconds = decimal.Parse(number, NumberStyles.Float, CultureInfo.InvariantCulture); break;
                default: throw PgText.Invalid("interval", text);
            }
        }

        return new PgInterval(years, months, days, hours, minutes, seconds);
    }

    public long ToMicros() => DebeziumTime.DurationMicros(Years, Months, Days, Hours, Minutes, (double)Seconds);

    public string ToIsoString() => string.Create(
        CultureInfo.InvariantCulture,
        $"P{Years}Y{Months}M{Days}DT{Hours}H{Minutes}M{Seconds.ToString("0.######", CultureInfo.InvariantCulture)}S");
}
