using System.Globalization;
using System.Text.RegularExpressions;

namespace AlertWorker.Feeds.Parsing;

/// <summary>
/// Lenient feed date parsing: RFC 822/1123 (day name optional, 2- or 4-digit year, seconds optional, numeric or
/// named zones incl. US and military letters; an unknown zone counts as UTC) and ISO 8601 / W3C-DTF
/// (a date without a zone counts as UTC). Never throws; anything it cannot read is null.
/// </summary>
public static partial class FeedDates
{
    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    private static readonly Dictionary<string, int> ZoneHours = new(StringComparer.OrdinalIgnoreCase)
    {
        ["GMT"] = 0,
        ["UT"] = 0,
        ["UTC"] = 0,
        ["Z"] = 0,
        ["WET"] = 0,
        ["BST"] = 1,
        ["CET"] = 1,
        ["MET"] = 1,
        ["CEST"] = 2,
        ["MEST"] = 2,
        ["EET"] = 2,
        ["EEST"] = 3,
        ["MSK"] = 3,
        ["IST"] = 5,
        ["JST"] = 9,
        ["KST"] = 9,
        ["AEST"] = 10,
        ["AEDT"] = 11,
        ["NZST"] = 12,
        ["NZDT"] = 13,
        ["EST"] = -5,
        ["EDT"] = -4,
        ["CST"] = -6,
        ["CDT"] = -5,
        ["MST"] = -7,
        ["MDT"] = -6,
        ["PST"] = -8,
        ["PDT"] = -7,
        ["AKST"] = -9,
        ["AKDT"] = -8,
        ["HST"] = -10,
        ["AST"] = -4,
        ["ADT"] = -3,
        ["NST"] = -3,
        ["NDT"] = -2,
    };

    private static readonly string[] IsoFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd HH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd HH:mmK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm",
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd", "yyyy-MM", "yyyy", "yyyyMMdd'T'HHmmssK", "yyyyMMdd",
    ];

    public static DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 100)
        {
            return null;
        }

        try
        {
            var s = Whitespace().Replace(text.Trim(), " ");
            return ParseRfc822(s) ?? ParseIso(s) ?? ParseGeneral(s);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
        {
            return null;
        }
    }

    private static DateTimeOffset? ParseRfc822(string s)
    {
        var m = Rfc822().Match(s);
        if (!m.Success)
        {
            return null;
        }

        var monthName = m.Groups["mon"].Value;
        var month = Array.IndexOf(Months, monthName[..3].ToLowerInvariant()) + 1;
        if (month == 0)
        {
            return null;
        }

        var day = int.Parse(m.Groups["day"].Value, CultureInfo.InvariantCulture);
        var year = int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (m.Groups["year"].Value.Length == 2)
        {
            year += year < 50 ? 2000 : 1900;
        }

        var hour = m.Groups["h"].Success ? int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture) : 0;
        var minute = m.Groups["m"].Success ? int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
        var second = m.Groups["s"].Success ? int.Parse(m.Groups["s"].Value, CultureInfo.InvariantCulture) : 0;
        if (year is < 1 or > 9999 || day is < 1 or > 31 || hour > 24 || minute > 59 || second > 60 || day > DateTime.DaysInMonth(year, month))
        {
            return null;
        }

        var offset = ParseZone(m.Groups["zone"].Value);
        var local = new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Unspecified)
            .AddHours(hour).AddMinutes(minute).AddSeconds(Math.Min(second, 59));
        return new DateTimeOffset(local, offset);
    }

    private static TimeSpan ParseZone(string zone)
    {
        zone = zone.Trim().Trim('(', ')');
        if (zone.Length == 0)
        {
            return TimeSpan.Zero;
        }

        var m = NumericZone().Match(zone);
        if (m.Success)
        {
            var hours = int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture);
            var minutes = m.Groups["m"].Success ? int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
            if (hours > 14 || minutes > 59)
            {
                return TimeSpan.Zero;
            }

            var span = new TimeSpan(hours, minutes, 0);
            return m.Groups["sign"].Value == "-" ? -span : span;
        }

        var word = zone.Split(' ', '+', '-')[0];
        return ZoneHours.TryGetValue(word, out var h) ? TimeSpan.FromHours(h) : TimeSpan.Zero;
    }

    private static DateTimeOffset? ParseIso(string s)
    {
        var candidate = s.EndsWith('z') ? s[..^1] + "Z" : s;
        return DateTimeOffset.TryParseExact(candidate, IsoFormats, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var result)
            ? result
            : null;
    }

    private static DateTimeOffset? ParseGeneral(string s) =>
        DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var result)
            ? result
            : null;

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^(?:[A-Za-z]+\.?,?\s*)?(?<day>\d{1,2})[ -](?<mon>[A-Za-z]{3,9})\.?[ -](?<year>\d{4}|\d{2})(?:[ T](?<h>\d{1,2}):(?<m>\d{2})(?::(?<s>\d{2})(?:\.\d+)?)?)?\s*(?<zone>.*)$")]
    private static partial Regex Rfc822();

    [GeneratedRegex(@"^(?:(?:GMT|UTC|UT)\s*)?(?<sign>[+-])(?<h>\d{1,2}):?(?<m>\d{2})?$", RegexOptions.IgnoreCase)]
    private static partial Regex NumericZone();
}
