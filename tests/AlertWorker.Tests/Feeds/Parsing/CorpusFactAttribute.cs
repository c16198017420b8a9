namespace AlertWorker.Tests.Feeds.Parsing;

/// <summary>
/// A fact over the shared feed corpus (<c>../shared/corpus</c> next to the repository root holding AlertWorker.sln);
/// reported as skipped, with the reason, when that folder is absent.
/// </summary>
public sealed class CorpusFactAttribute : FactAttribute
{
    public CorpusFactAttribute()
    {
        if (CorpusLocator.Find() is null)
        {
            Skip = "feed corpus not found: expected ../shared/corpus next to the repository root (AlertWorker.sln)";
        }
    }
}

internal static class CorpusLocator
{
    public static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AlertWorker.sln")))
            {
                var corpus = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "corpus"));
                return Directory.Exists(corpus) ? corpus : null;
            }
        }

        return null;
    }
}
