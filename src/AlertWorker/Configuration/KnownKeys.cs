using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace AlertWorker.Configuration;

/// <summary>
/// Warns about settings no option reads (<c>Intervall</c> for <c>Interval</c>): the binder ignores them silently, so
/// a typo would otherwise leave the default in force with no word said. The known names are the options' own
/// settable properties, so they cannot drift from what is bound.
/// </summary>
internal static class KnownKeys
{
    public static void Check(ConfigReader reader, IConfigurationSection section, Type options)
    {
        var known = Of(options);
        foreach (var child in section.GetChildren().Where(child => !known.Contains(child.Key)))
        {
            var guess = known.Select(name => (Name: name, Distance: Distance(name, child.Key)))
                .Where(candidate => candidate.Distance <= 2)
                .OrderBy(candidate => candidate.Distance)
                .Select(candidate => $" (did you mean '{candidate.Name}'?)")
                .FirstOrDefault();
            reader.Warning(child.Path, $"unknown setting '{child.Key}', ignored{guess}");
        }
    }

    private static HashSet<string> Of(Type options) =>
        options.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(property => property.SetMethod is { IsPublic: true })
            .Select(property => property.Name)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Levenshtein distance, ignoring case.</summary>
    private static int Distance(string a, string b)
    {
        a = a.ToLowerInvariant();
        b = b.ToLowerInvariant();
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
