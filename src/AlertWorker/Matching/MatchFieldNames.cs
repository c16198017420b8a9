namespace AlertWorker.Matching;

/// <summary>The lower-case names of <see cref="MatchField"/> used in queries and in hits.</summary>
public static class MatchFieldNames
{
    /// <summary>All field names, in field order: <c>title</c>, <c>summary</c>, <c>content</c>, <c>author</c>, <c>category</c>.</summary>
    public static IReadOnlyList<string> All { get; } = ["title", "summary", "content", "author", "category"];

    /// <summary>The lower-case name of <paramref name="field"/>.</summary>
    public static string ToName(MatchField field) => All[(int)field];

    /// <summary>Finds the field named <paramref name="name"/> (case-insensitive); false when there is none.</summary>
    public static bool TryParse(ReadOnlySpan<char> name, out MatchField field)
    {
        for (var i = 0; i < All.Count; i++)
        {
            if (name.Equals(All[i], StringComparison.OrdinalIgnoreCase))
            {
                field = (MatchField)i;
                return true;
            }
        }

        field = default;
        return false;
    }
}
