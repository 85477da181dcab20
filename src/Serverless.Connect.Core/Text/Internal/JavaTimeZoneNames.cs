using System.Globalization;

namespace Serverless.Connect.Text.Internal;

/// <summary>
/// Time-zone display text as Java prints it: CLDR short abbreviations for common zones (the BCL has none), .NET's CLDR
/// long names, and Java's <c>GMT+hh:mm</c> fallback; plus ISO-8601 and RFC-822 offsets.
/// </summary>
internal static class JavaTimeZoneNames
{
    private static readonly Dictionary<string, (string Standard, string? Daylight)> s_abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        ["UTC"] = ("UTC", null),
        ["Etc/UTC"] = ("UTC", null),
        ["Etc/UCT"] = ("UTC", null),
        ["Universal"] = ("UTC", null),
        ["Zulu"] = ("UTC", null),
        ["GMT"] = ("GMT", null),
        ["Etc/GMT"] = ("GMT", null),
        ["America/New_York"] = ("EST", "EDT"),
        ["America/Detroit"] = ("EST", "EDT"),
        ["America/Toronto"] = ("EST", "EDT"),
        ["US/Eastern"] = ("EST", "EDT"),
        ["America/Chicago"] = ("CST", "CDT"),
        ["US/Central"] = ("CST", "CDT"),
        ["America/Denver"] = ("MST", "MDT"),
        ["US/Mountain"] = ("MST", "MDT"),
        ["America/Phoenix"] = ("MST", null),
        ["America/Los_Angeles"] = ("PST", "PDT"),
        ["America/Vancouver"] = ("PST", "PDT"),
        ["US/Pacific"] = ("PST", "PDT"),
        ["America/Anchorage"] = ("AKST", "AKDT"),
        ["Pacific/Honolulu"] = ("HST", null),
        ["America/Sao_Paulo"] = ("BRT", "BRST"),
        ["Europe/London"] = ("GMT", "BST"),
        ["Europe/Dublin"] = ("GMT", "IST"),
        ["Europe/Lisbon"] = ("WET", "WEST"),
        ["Europe/Berlin"] = ("CET", "CEST"),
        ["Europe/Paris"] = ("CET", "CEST"),
        ["Europe/Madrid"] = ("CET", "CEST"),
        ["Europe/Rome"] = ("CET", "CEST"),
        ["Europe/Amsterdam"] = ("CET", "CEST"),
        ["Europe/Brussels"] = ("CET", "CEST"),
        ["Europe/Vienna"] = ("CET", "CEST"),
        ["Europe/Zurich"] = ("CET", "CEST"),
        ["Europe/Stockholm"] = ("CET", "CEST"),
        ["Europe/Oslo"] = ("CET", "CEST"),
        ["Europe/Copenhagen"] = ("CET", "CEST"),
        ["Europe/Warsaw"] = ("CET", "CEST"),
        ["Europe/Prague"] = ("CET", "CEST"),
        ["Europe/Budapest"] = ("CET", "CEST"),
        ["Europe/Athens"] = ("EET", "EEST"),
        ["Europe/Helsinki"] = ("EET", "EEST"),
        ["Europe/Kiev"] = ("EET", "EEST"),
        ["Europe/Kyiv"] = ("EET", "EEST"),
        ["Europe/Bucharest"] = ("EET", "EEST"),
        ["Europe/Moscow"] = ("MSK", null),
        ["Asia/Kolkata"] = ("IST", null),
        ["Asia/Calcutta"] = ("IST", null),
        ["Asia/Jerusalem"] = ("IST", "IDT"),
        ["Asia/Tokyo"] = ("JST", null),
        ["Asia/Seoul"] = ("KST", null),
        ["Asia/Shanghai"] = ("CST", null),
        ["Asia/Hong_Kong"] = ("HKT", null),
        ["Asia/Singapore"] = ("SGT", null),
        ["Asia/Dubai"] = ("GST", null),
        ["Asia/Kathmandu"] = ("NPT", null),
        ["Australia/Sydney"] = ("AEST", "AEDT"),
        ["Australia/Melbourne"] = ("AEST", "AEDT"),
        ["Australia/Brisbane"] = ("AEST", null),
        ["Australia/Perth"] = ("AWST", null),
        ["Pacific/Auckland"] = ("NZST", "NZDT"),
        ["Africa/Johannesburg"] = ("SAST", null),
    };

    /// <summary>
    /// Java's <c>z</c> (short) or <c>zzzz</c> (long) text for the zone at an instant. Zones without a name print as an
    /// offset: <c>GMT-05:00</c> in Java, <c>-05:00</c> in Joda (<paramref name="joda"/>).
    /// </summary>
    public static string Name(TimeZoneInfo zone, DateTimeOffset instant, bool longForm, bool joda = false)
    {
        var fallback = joda ? (Func<TimeSpan, string>)(o => Offset(o, colon: true, minutes: true)) : GmtOffset;
        if (zone.Id.Length > 0 && zone.Id[0] is '+' or '-')
        {
            return joda ? zone.Id : GmtOffset(zone.BaseUtcOffset);
        }

        var offset = zone.GetUtcOffset(instant);
        var daylight = zone.IsDaylightSavingTime(instant);
        if (!longForm)
        {
            if (s_abbreviations.TryGetValue(zone.Id, out var names))
            {
                return daylight && names.Daylight is not null ? names.Daylight : names.Standard;
            }

            return fallback(offset);
        }

        if (s_abbreviations.TryGetValue(zone.Id, out var known) && known.Standard is "UTC")
        {
            return "Coordinated Universal Time";
        }

        if (zone.Id.Equals("GMT", StringComparison.OrdinalIgnoreCase) || zone.Id.Equals("Etc/GMT", StringComparison.OrdinalIgnoreCase))
        {
            return "Greenwich Mean Time";
        }

        if (zone.Id.StartsWith("Etc/", StringComparison.OrdinalIgnoreCase))
        {
            return fallback(offset);
        }

        var name = daylight ? zone.DaylightName : zone.StandardName;
        return string.IsNullOrWhiteSpace(name) ? fallback(offset) : name;
    }

    /// <summary>Java's fallback <c>GMT+05:30</c> (or plain <c>GMT</c> for zero).</summary>
    public static string GmtOffset(TimeSpan offset) => offset == TimeSpan.Zero ? "GMT" : "GMT" + Offset(offset, colon: true, minutes: true);

    /// <summary>Sign, hours, and optionally minutes with an optional colon: <c>+05</c>, <c>+0530</c>, <c>+05:30</c>.</summary>
    public static string Offset(TimeSpan offset, bool colon, bool minutes)
    {
        var totalMinutes = (int)(offset.Ticks / TimeSpan.TicksPerMinute);
        var sign = totalMinutes < 0 ? '-' : '+';
        totalMinutes = Math.Abs(totalMinutes);
        var text = string.Create(CultureInfo.InvariantCulture, $"{sign}{totalMinutes / 60:00}");
        if (!minutes)
        {
            return text;
        }

        return text + (colon ? ":" : string.Empty) + (totalMinutes % 60).ToString("00", CultureInfo.InvariantCulture);
    }

    /// <summary>Zone names accepted when parsing <c>z</c>, with the offset each one denotes.</summary>
    public static IReadOnlyList<(string Text, TimeSpan Offset)> ParseCandidates => s_parseCandidates.Value;

    private static readonly Lazy<List<(string Text, TimeSpan Offset)>> s_parseCandidates = new(() =>
        [.. BuildCandidates().Where(c => !string.IsNullOrWhiteSpace(c.Text)).OrderByDescending(c => c.Text.Length)]);

    private static IEnumerable<(string Text, TimeSpan Offset)> BuildCandidates()
    {
        foreach (var (id, names) in s_abbreviations)
        {
            if (!TryFind(id, out var zone))
            {
                continue;
            }

            var standard = zone.BaseUtcOffset;
            yield return (names.Standard, standard);
            if (names.Daylight is not null)
            {
                yield return (names.Daylight, standard + TimeSpan.FromHours(1));
            }

            yield return (zone.StandardName, standard);
            if (zone.SupportsDaylightSavingTime)
            {
                yield return (zone.DaylightName, standard + TimeSpan.FromHours(1));
            }
        }

        yield return ("Coordinated Universal Time", TimeSpan.Zero);
        yield return ("Greenwich Mean Time", TimeSpan.Zero);
    }

    private static bool TryFind(string id, out TimeZoneInfo zone)
    {
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (TimeZoneNotFoundException)
        {
            zone = TimeZoneInfo.Utc;
            return false;
        }
        catch (InvalidTimeZoneException)
        {
            zone = TimeZoneInfo.Utc;
            return false;
        }
    }
}
