using System.Globalization;

namespace Serverless.Connect.Text.Internal;

/// <summary>
/// Calendar text and week rules for a locale, taken from .NET's CLDR-based culture data (Java 9+ also uses CLDR),
/// with Java's conventions where .NET differs (English eras are <c>AD</c>/<c>BC</c>; the root locale starts weeks on Monday).
/// </summary>
internal sealed class JavaLocaleData
{
    private JavaLocaleData(CultureInfo culture)
    {
        var format = culture.DateTimeFormat;
        MonthNames = format.MonthNames[..12];
        MonthGenitiveNames = format.MonthGenitiveNames[..12];
        ShortMonthNames = format.AbbreviatedMonthNames[..12];
        ShortMonthGenitiveNames = format.AbbreviatedMonthGenitiveNames[..12];
        DayNames = format.DayNames;
        ShortDayNames = format.AbbreviatedDayNames;
        AmPm = [Nonblank(format.AMDesignator, "AM"), Nonblank(format.PMDesignator, "PM")];
        var english = culture.TwoLetterISOLanguageName is "en" or "iv";
        Eras = english ? ["BC", "AD"] : ["BC", Nonblank(format.GetEraName(1), "AD")];
        if (culture.Equals(CultureInfo.InvariantCulture))
        {
            FirstDayOfWeek = 2;
            MinimalDaysInFirstWeek = 1;
        }
        else
        {
            FirstDayOfWeek = (int)format.FirstDayOfWeek + 1;
            MinimalDaysInFirstWeek = format.CalendarWeekRule switch
            {
                CalendarWeekRule.FirstFourDayWeek => 4,
                CalendarWeekRule.FirstFullWeek => 7,
                _ => 1,
            };
        }
    }

    public string[] MonthNames { get; }

    public string[] MonthGenitiveNames { get; }

    public string[] ShortMonthNames { get; }

    public string[] ShortMonthGenitiveNames { get; }

    /// <summary>Indexed 0 = Sunday, as .NET's <see cref="DayOfWeek"/>.</summary>
    public string[] DayNames { get; }

    /// <summary>Indexed 0 = Sunday.</summary>
    public string[] ShortDayNames { get; }

    public string[] AmPm { get; }

    /// <summary>Index 0 = BC, 1 = AD.</summary>
    public string[] Eras { get; }

    /// <summary>Java numbering: 1 = Sunday ... 7 = Saturday.</summary>
    public int FirstDayOfWeek { get; }

    public int MinimalDaysInFirstWeek { get; }

    public static JavaLocaleData For(CultureInfo culture) => new(culture);

    private static string Nonblank(string value, string fallback) => string.IsNullOrWhiteSpace(value) ? fallback : value;
}
