namespace AlertWorker.Matching;

/// <summary>A field of an item that a query term can be scoped to (<c>title:</c>, <c>summary:</c>, …).</summary>
public enum MatchField
{
    /// <summary>The item's title.</summary>
    Title,

    /// <summary>The item's summary (HTML stripped).</summary>
    Summary,

    /// <summary>The item's content (HTML stripped).</summary>
    Content,

    /// <summary>The item's author.</summary>
    Author,

    /// <summary>The item's categories; each category is a separate segment.</summary>
    Category,
}
