namespace AlertWorker.Feeds.Parsing;

/// <summary>
/// The one exception <see cref="FeedDocumentParser"/> throws: the fetched document is not a feed it can read.
/// <see cref="Exception.Message"/> holds a short reason, e.g. <c>not a feed: root element 'html'</c>.
/// </summary>
public sealed class FeedParseException : Exception
{
    public FeedParseException()
    {
    }

    public FeedParseException(string message)
        : base(message)
    {
    }

    public FeedParseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
